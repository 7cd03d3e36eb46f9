/**
 * An example third-party model family for Tessera: a nearest-centroid classifier. It depends on the platform's API
 * only and is found by {@link java.util.ServiceLoader} through {@code provides} (module path) and
 * {@code META-INF/services} (class path).
 */
module org.example.tessera.hello {
  // Transitive: the exported model type implements io.tessera.api.Model.
  requires transitive io.tessera.api;

  exports org.example.tessera.hello;

  provides io.tessera.spi.ModelFamilyProvider with org.example.tessera.hello.HelloFamily;
}
