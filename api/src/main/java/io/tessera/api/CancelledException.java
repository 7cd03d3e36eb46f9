package io.tessera.api;

/**
 * Training stopped because its cancellation token was triggered (for example by Ctrl-C in the CLI). Thrown
 * at a step boundary, so no output is half-written and the last checkpoint stays valid.
 */
public final class CancelledException extends TesseraException {
  private static final long serialVersionUID = 1L;

  public CancelledException(String message) {
    super(message);
  }
}
