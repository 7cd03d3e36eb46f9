package io.tessera.cli;

import io.tessera.api.CancellationToken;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C into cancellation: while installed, a shutdown hook cancels the token and then holds the JVM's exit
 * until the command has stopped at a step boundary and said where (via {@link #close()}), so no half-written file
 * is left and the user gets one line instead of a dead process. The JVM then exits with 130 (128 + SIGINT).
 *
 * <p>A shutdown hook rather than a signal handler: it needs no {@code jdk.unsupported} and also covers SIGTERM.
 */
final class InterruptGuard implements AutoCloseable {
  /** How long the hook waits for training to reach a step boundary before letting the JVM exit anyway. */
  static final Duration GRACE = Duration.ofSeconds(30);

  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  private InterruptGuard(CancellationToken token) {
    hook = new Thread(() -> {
      token.cancel("interrupted");
      try {
        finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "tessera-interrupt");
  }

  /** Installs a guard that cancels {@code token} when the JVM is asked to stop. */
  static InterruptGuard install(CancellationToken token) {
    InterruptGuard guard = new InterruptGuard(token);
    Runtime.getRuntime().addShutdownHook(guard.hook);
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
