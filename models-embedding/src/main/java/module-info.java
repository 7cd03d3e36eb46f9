/** Tessera's embedding model family, published as a {@link io.tessera.spi.ModelFamilyProvider} plugin. */
module io.tessera.models.embedding {
  requires io.tessera.api;
  requires org.slf4j;

  exports io.tessera.models.embedding;

  provides io.tessera.spi.ModelFamilyProvider with io.tessera.models.embedding.internal.EmbeddingFamilyProvider;
}
