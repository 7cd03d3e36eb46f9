/** Tessera's cluster model family, published as a {@link io.tessera.spi.ModelFamilyProvider} plugin. */
module io.tessera.models.cluster {
  requires io.tessera.api;
  requires org.slf4j;

  exports io.tessera.models.cluster;

  provides io.tessera.spi.ModelFamilyProvider with io.tessera.models.cluster.internal.ClusterFamilyProvider;
}
