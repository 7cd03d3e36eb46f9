package io.tessera.api;

/**
 * The root of every exception Tessera throws on purpose. Messages are written to be shown on one line
 * to a user (the CLI prints {@link #getMessage()} alone unless {@code --debug} is given).
 */
public class TesseraException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TesseraException(String message) {
    super(message);
  }

  public TesseraException(String message, Throwable cause) {
    super(message, cause);
  }
}
