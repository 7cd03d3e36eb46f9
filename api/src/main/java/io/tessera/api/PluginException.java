package io.tessera.api;

/**
 * A plugin cannot be used: it failed to load, was built against an incompatible API version, declares an
 * id that another plugin already uses, or names an engine/algorithm that does not exist.
 */
public final class PluginException extends TesseraException {
  private static final long serialVersionUID = 1L;

  public PluginException(String message) {
    super(message);
  }

  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
