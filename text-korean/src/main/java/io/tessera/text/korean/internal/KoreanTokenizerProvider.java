package io.tessera.text.korean.internal;

import io.tessera.api.ApiVersion;
import io.tessera.spi.ParamSpec;
import io.tessera.spi.ParamValues;
import io.tessera.spi.TokenizerProvider;
import io.tessera.text.Tokenizer;
import io.tessera.text.korean.KoreanTokenizer;
import java.util.List;

/** Publishes the {@link KoreanTokenizer} under the id {@code korean}. */
public final class KoreanTokenizerProvider implements TokenizerProvider {

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public KoreanTokenizerProvider() {
  }

  @Override
  public String id() {
    return "korean";
  }

  @Override
  public String description() {
    return "Korean morphemes (Lucene Nori, mecab-ko-dic): 영화가/영화는/영화를 -> 영화, 재미있었다 -> 재밌;"
        + " keeps content morphemes by default, compounds and prefixed nouns (비급여) whole";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR);
  }

  @Override
  public List<ParamSpec<?>> options() {
    return KoreanTokenizer.optionSpecs();
  }

  @Override
  public Tokenizer create(ParamValues options) {
    return KoreanTokenizer.of(options);
  }
}
