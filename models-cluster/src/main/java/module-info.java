/** Tessera's cluster model family, published as a {@link io.tessera.spi.ModelFamilyProvider} plugin. */
module io.tessera.models.cluster {
  // Transitive: the public model and config types expose io.tessera.api types (Model, NumericTable, ...).
  requires transitive io.tessera.api;
  requires org.slf4j;

  exports io.tessera.models.cluster;

  provides io.tessera.spi.ModelFamilyProvider with io.tessera.models.cluster.internal.ClusterFamilyProvider;
}
