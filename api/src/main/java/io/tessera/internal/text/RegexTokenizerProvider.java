package io.tessera.internal.text;

import io.tessera.api.ApiVersion;
import io.tessera.spi.ParamSpec;
import io.tessera.spi.ParamValues;
import io.tessera.spi.TokenizerProvider;
import io.tessera.text.Tokenizer;
import java.util.List;

/** Publishes the {@link RegexTokenizer} under the id {@code regex}. */
public final class RegexTokenizerProvider implements TokenizerProvider {

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public RegexTokenizerProvider() {
  }

  @Override
  public String id() {
    return "regex";
  }

  @Override
  public String description() {
    return "the matches of a Python-syntax regular expression, as scikit-learn's CountVectorizer finds them"
        + " (default (?u)\\b\\w\\w+\\b on lower-cased text): token for token the same vocabulary";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR);
  }

  @Override
  public List<ParamSpec<?>> options() {
    return RegexTokenizer.optionSpecs();
  }

  @Override
  public Tokenizer create(ParamValues options) {
    return RegexTokenizer.of(options);
  }
}
