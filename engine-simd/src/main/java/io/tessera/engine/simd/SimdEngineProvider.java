package io.tessera.engine.simd;

import io.tessera.engine.ComputeEngine;
import io.tessera.engine.ComputeEngineProvider;
import java.util.Optional;

/** PENDING (helper A): publishes the Vector API engine. */
public final class SimdEngineProvider implements ComputeEngineProvider {
  @Override public String name() { return "simd"; }
  @Override public int priority() { return 100; }
  @Override public Optional<String> unavailableReason() { return Optional.of("pending"); }
  @Override public ComputeEngine create(int threads) { throw new IllegalStateException("pending"); }
}
