package io.tessera.internal.text;

import io.tessera.api.ApiVersion;
import io.tessera.spi.ParamSpec;
import io.tessera.spi.ParamValues;
import io.tessera.spi.TokenizerProvider;
import io.tessera.text.DefaultTokenizer;
import io.tessera.text.Tokenizer;
import java.util.List;

/** Publishes the {@link DefaultTokenizer} under the id {@code default}. */
public final class DefaultTokenizerProvider implements TokenizerProvider {

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public DefaultTokenizerProvider() {
  }

  @Override
  public String id() {
    return "default";
  }

  @Override
  public String description() {
    return "rule-based Unicode words: drops punctuation and HTML tags, keeps hyphenated words and numbers whole,"
        + " splits English clitics (doesn't -> does n't), lower-cases";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR);
  }

  @Override
  public List<ParamSpec<?>> options() {
    return DefaultTokenizer.optionSpecs();
  }

  @Override
  public Tokenizer create(ParamValues options) {
    return DefaultTokenizer.of(options);
  }
}
