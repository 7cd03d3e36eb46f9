package io.tessera.internal.bootstrap;

import io.tessera.api.EngineInfo;
import io.tessera.api.PluginException;
import io.tessera.engine.ComputeEngine;
import io.tessera.engine.ComputeEngineProvider;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses and creates the compute engine: the one the user named, else the available one with the highest
 * priority. When a faster engine is unavailable, one INFO line says why and how to enable it.
 */
final class EngineSelector {
  static final String AUTO = "auto";
  private static final Logger LOG = LoggerFactory.getLogger(EngineSelector.class);

  private EngineSelector() {
  }

  static ComputeEngine create(PluginRegistry registry, PlatformSettings settings) {
    List<ComputeEngineProvider> engines = registry.engines();
    String wanted = settings.engine();
    if (!AUTO.equals(wanted)) {
      ComputeEngineProvider p = registry.engine(wanted);
      Optional<String> why = p.unavailableReason();
      if (why.isPresent()) {
        throw new PluginException("engine '" + wanted + "' is unavailable: " + why.get());
      }
      return p.create(settings.threads());
    }
    for (ComputeEngineProvider p : engines) {
      Optional<String> why = p.unavailableReason();
      if (why.isEmpty()) {
        return p.create(settings.threads());
      }
      LOG.info("{} engine unavailable, using a slower one: {}", p.name(), why.get());
    }
    throw new PluginException("no compute engine is available (found: "
        + engines.stream().map(ComputeEngineProvider::name).toList() + ")");
  }

  static List<EngineInfo> describe(PluginRegistry registry, ComputeEngine active) {
    return registry.engines().stream()
        .map(p -> new EngineInfo(p.name(), p.priority(), p.unavailableReason(), p.name().equals(active.name())))
        .toList();
  }
}
