package io.tessera.internal.bootstrap;

import io.tessera.engine.ComputeEngine;
import jakarta.inject.Inject;

/**
 * The wired platform handed to {@link io.tessera.api.Tessera}: plugins, the active engine, the model store and
 * the training runner.
 */
public final class Platform {
  final PluginRegistry registry;
  final ComputeEngine engine;
  final ModelStore store;
  final TrainingRunner runner;
  final PlatformSettings settings;

  @Inject
  Platform(PluginRegistry registry, ComputeEngine engine, ModelStore store, TrainingRunner runner,
           PlatformSettings settings) {
    this.registry = registry;
    this.engine = engine;
    this.store = store;
    this.runner = runner;
    this.settings = settings;
  }
}
