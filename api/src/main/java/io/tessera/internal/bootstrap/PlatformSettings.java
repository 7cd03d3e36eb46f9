package io.tessera.internal.bootstrap;

import io.tessera.api.TrainingListener;
import java.nio.file.Path;
import java.util.List;

/**
 * What the application asked for when it built the platform.
 *
 * @param threads    worker threads of the compute engine
 * @param seed       default seed of every fit
 * @param engine     the engine's name, or {@code auto} for the fastest available one
 * @param listener   default receiver of training progress
 * @param pluginDirs folders whose jars are loaded as extra plugins
 */
public record PlatformSettings(int threads, long seed, String engine, TrainingListener listener,
                               List<Path> pluginDirs) {
  public PlatformSettings {
    pluginDirs = List.copyOf(pluginDirs);
  }
}
