package io.tessera.models.embedding.internal;

import io.tessera.api.ApiVersion;
import io.tessera.spi.FamilyProviderBase;
import java.util.List;

/** Publishes the embedding family's algorithms to the platform. */
public final class EmbeddingFamilyProvider extends FamilyProviderBase {

  public EmbeddingFamilyProvider() {
    super("embedding", "Word embeddings: Word2Vec, FastText, GloVe and LSA with similarity and analogy queries",
        new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR), List.of());
  }
}
