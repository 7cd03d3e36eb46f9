package io.tessera.api;

/**
 * A plugin that could not be used (it failed to load, or was built against an incompatible API). Reported
 * instead of stopping start-up, so one broken plugin does not take the others down.
 *
 * @param source  what was being loaded (a provider class, a jar, a service type)
 * @param message one line saying what went wrong
 */
public record PluginProblem(String source, String message) {

  @Override
  public String toString() {
    return source + ": " + message;
  }
}
