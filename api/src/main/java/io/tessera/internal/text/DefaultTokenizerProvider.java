package io.tessera.internal.text;

import io.tessera.api.ApiVersion;
import io.tessera.spi.ParamSpec;
import io.tessera.spi.ParamValues;
import io.tessera.spi.TokenizerProvider;
import io.tessera.text.Tokenizer;
import java.util.List;

/** PENDING (helper C): publishes the default rule-based Unicode tokenizer. */
public final class DefaultTokenizerProvider implements TokenizerProvider {
  @Override public String id() { return "default"; }
  @Override public String description() { return "pending"; }
  @Override public ApiVersion apiVersion() { return new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR); }
  @Override public List<ParamSpec<?>> options() { return List.of(); }
  @Override public Tokenizer create(ParamValues options) { throw new UnsupportedOperationException("pending"); }
}
