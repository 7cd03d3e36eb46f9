/** Tessera's topic model family, published as a {@link io.tessera.spi.ModelFamilyProvider} plugin. */
module io.tessera.models.topic {
  requires io.tessera.api;
  requires org.slf4j;

  exports io.tessera.models.topic;

  provides io.tessera.spi.ModelFamilyProvider with io.tessera.models.topic.internal.TopicFamilyProvider;
}
