package io.tessera.cli;

import io.tessera.api.CancellationToken;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C into cancellation: while installed, a shutdown hook cancels the token and then holds the JVM's exit
 * until the command has stopped at a step boundary and said where (via {@link #close()}), so no half-written file
 * is left and the user gets one line instead of a dead process. The JVM then exits with 130 (128 + SIGINT).
 *
 * <p>A shutdown hook rather than a signal handler: it needs no {@code jdk.unsupported} and also covers SIGTERM.
 * The JVM runs hooks only once, so a second Ctrl-C does not cut the wait short; the wait is bounded instead.
 */
final class InterruptGuard implements AutoCloseable {
  /** How long the hook waits for training to reach a step boundary before letting the JVM exit anyway. */
  static final Duration GRACE = Duration.ofSeconds(30);

  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  private InterruptGuard(CancellationToken token, PrintWriter err, Duration grace) {
    hook = new Thread(() -> {
      token.cancel("interrupted");
      try {
        if (!finished.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          TesseraCli.error(err, "interrupted; the work did not reach a step boundary within "
              + grace.toSeconds() + " s, exiting without waiting further (files are written atomically: "
              + "none is half-written)");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "tessera-interrupt");
  }

  /**
   * Installs a guard that cancels {@code token} when the JVM is asked to stop.
   *
   * @param err where to say that the work did not stop in time, should that happen
   */
  static InterruptGuard install(CancellationToken token, PrintWriter err) {
    InterruptGuard guard = new InterruptGuard(token, err, GRACE);
    try {
      Runtime.getRuntime().addShutdownHook(guard.hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C came before the work began: stop it at its first step boundary.
      token.cancel("interrupted");
    }
    return guard;
  }

  /** Releases a waiting hook (the command has reported how it ended) and uninstalls the guard. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook already runs (Ctrl-C): it returns now that the latch is open, and the JVM exits.
    }
  }
}
