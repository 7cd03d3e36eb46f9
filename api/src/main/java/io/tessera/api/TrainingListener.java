package io.tessera.api;

/**
 * Receives {@link TrainingEvent}s. Called from training threads; implementations must be quick and
 * thread-safe. The CLI turns events into progress bars; {@link #NONE} ignores them.
 */
@FunctionalInterface
public interface TrainingListener {

  /** A listener that ignores every event. */
  TrainingListener NONE = event -> { };

  /** Handles one event. Exceptions thrown here are logged and do not stop training. */
  void onEvent(TrainingEvent event);
}
