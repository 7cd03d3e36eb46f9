package org.example.tessera.hello;

import io.tessera.api.ApiVersion;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ModelFamilyProvider;
import java.util.List;

/** The plugin's entry point: ServiceLoader creates it with the public no-argument constructor. Keep it cheap. */
public final class HelloFamily implements ModelFamilyProvider {

  /** Called by ServiceLoader. */
  public HelloFamily() {
  }

  @Override
  public String id() {
    return "example";
  }

  @Override
  public String description() {
    return "Example third-party family: a nearest-centroid classifier";
  }

  @Override
  public ApiVersion apiVersion() {
    // Compile-time constants: this records the API the plugin was built against, not the one it runs on.
    return new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR);
  }

  @Override
  public List<Algorithm<?, ?, ?>> algorithms() {
    return List.of(new NearestCentroid());
  }
}
