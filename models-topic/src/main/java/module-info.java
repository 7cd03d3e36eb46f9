/** Tessera's topic model family, published as a {@link io.tessera.spi.ModelFamilyProvider} plugin. */
module io.tessera.models.topic {
  requires io.tessera.api;
  requires org.slf4j;

  // Public config and model types (package io.tessera.models.topic) are exported as the family's algorithms land.

  provides io.tessera.spi.ModelFamilyProvider with io.tessera.models.topic.internal.TopicFamilyProvider;
}
