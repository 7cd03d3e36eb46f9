package io.tessera.text;

import java.util.List;

/**
 * Splits text into tokens. Implementations are immutable and thread-safe; they are created by a
 * {@link io.tessera.spi.TokenizerProvider} from validated options.
 */
@FunctionalInterface
public interface Tokenizer {

  /** @return the tokens of {@code text} in order (never null; empty for blank text) */
  List<String> tokenize(CharSequence text);
}
