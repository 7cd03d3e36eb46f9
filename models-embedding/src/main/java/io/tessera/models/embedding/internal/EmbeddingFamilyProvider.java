package io.tessera.models.embedding.internal;

import io.tessera.api.ApiVersion;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ModelFamilyProvider;
import java.util.List;

/** Publishes the embedding family's algorithms to the platform. */
public final class EmbeddingFamilyProvider implements ModelFamilyProvider {

  @Override
  public String id() {
    return "embedding";
  }

  @Override
  public String description() {
    return "Word embeddings: Word2Vec, FastText, GloVe and LSA with similarity and analogy queries";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR);
  }

  @Override
  public List<Algorithm<?, ?, ?>> algorithms() {
    return List.of();
  }
}
