package io.tessera.bench;

import io.tessera.engine.ComputeEngine;
import io.tessera.engine.ComputeEngineProvider;
import io.tessera.engine.ScalarEngine;
import java.util.ServiceLoader;

/** Creates engines the way the platform does: by provider name through {@link ServiceLoader}. */
final class Engines {
  private Engines() {
  }

  /**
   * @param name {@code simd} or {@code scalar}
   * @throws IllegalStateException when the engine is unavailable, with the provider's reason
   */
  static ComputeEngine create(String name, int threads) {
    if (name.equals("scalar")) {
      return new ScalarEngine(threads);
    }
    for (ComputeEngineProvider p : ServiceLoader.load(ComputeEngineProvider.class)) {
      if (p.name().equals(name)) {
        p.unavailableReason().ifPresent(reason -> {
          throw new IllegalStateException("engine " + name + " is unavailable: " + reason);
        });
        return p.create(threads);
      }
    }
    throw new IllegalStateException("no engine provider named " + name + " on the class path");
  }
}
