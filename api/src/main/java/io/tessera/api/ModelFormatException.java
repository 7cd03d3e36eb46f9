package io.tessera.api;

/**
 * A model or tensor file is corrupt, truncated, of an unknown format version, or was written by a family or
 * algorithm that is not installed. Thrown before any large allocation.
 */
public final class ModelFormatException extends TesseraException {
  private static final long serialVersionUID = 1L;

  public ModelFormatException(String message) {
    super(message);
  }

  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
