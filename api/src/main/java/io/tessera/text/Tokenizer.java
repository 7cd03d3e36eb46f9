package io.tessera.text;

import java.util.List;
import java.util.function.Consumer;

/**
 * Splits text into tokens. Implementations are immutable and thread-safe; they are created by a
 * {@link io.tessera.spi.TokenizerProvider} from validated options.
 */
@FunctionalInterface
public interface Tokenizer {

  /** @return the tokens of {@code text} in order (never null; empty for blank text) */
  List<String> tokenize(CharSequence text);

  /**
   * Passes the tokens of {@code text} to {@code action} in order, as {@link #tokenize} would return them.
   * Counting and encoding loops call this so that implementations can skip building a list; the default
   * simply iterates {@link #tokenize}.
   */
  default void forEachToken(CharSequence text, Consumer<? super String> action) {
    tokenize(text).forEach(action);
  }
}
