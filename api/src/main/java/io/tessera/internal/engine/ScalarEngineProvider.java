package io.tessera.internal.engine;

import io.tessera.engine.ComputeEngine;
import io.tessera.engine.ComputeEngineProvider;
import io.tessera.engine.ScalarEngine;
import java.util.Optional;

/** Publishes the always-available {@link ScalarEngine}. */
public final class ScalarEngineProvider implements ComputeEngineProvider {

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public int priority() {
    return 0;
  }

  @Override
  public Optional<String> unavailableReason() {
    return Optional.empty();
  }

  @Override
  public ComputeEngine create(int threads) {
    return new ScalarEngine(threads);
  }
}
