/** Tessera's cluster model family, published as a {@link io.tessera.spi.ModelFamilyProvider} plugin. */
module io.tessera.models.cluster {
  requires io.tessera.api;
  requires org.slf4j;

  // Public config and model types (package io.tessera.models.cluster) are exported as the family's algorithms land.

  provides io.tessera.spi.ModelFamilyProvider with io.tessera.models.cluster.internal.ClusterFamilyProvider;
}
