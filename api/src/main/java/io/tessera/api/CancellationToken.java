package io.tessera.api;

/**
 * Asks running work to stop at its next step boundary. The one cancellation mechanism of the platform:
 * the CLI triggers it on Ctrl-C, applications from any thread; trainers only check it.
 */
public final class CancellationToken {
  private volatile String reason;

  /** Requests cancellation; the first reason given is kept. */
  public void cancel(String why) {
    if (reason == null) {
      reason = why == null ? "cancelled" : why;
    }
  }

  /** @return whether cancellation was requested */
  public boolean isCancelled() {
    return reason != null;
  }

  /**
   * Throws when cancellation was requested. Trainers call this at step boundaries.
   *
   * @param where the step boundary reached, for the one-line message (e.g. {@code "epoch 3, step 120"})
   * @throws CancelledException when cancelled
   */
  public void throwIfCancelled(String where) {
    String r = reason;
    if (r != null) {
      throw new CancelledException(r + "; stopped at " + where);
    }
  }
}
