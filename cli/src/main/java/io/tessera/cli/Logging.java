package io.tessera.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's logging: quiet by default (WARN, one plain {@code tessera: message} line on stderr), and
 * {@code -v} switches the io.tessera loggers to DEBUG with time, level and logger name. The one INFO line that
 * says a faster engine is unavailable, and how to enable it, is let through even when quiet.
 *
 * <p>Configured in code, found by logback as a {@link Configurator} service, rather than by a {@code logback.xml}:
 * logback's XML configurator needs {@code java.naming} in the runtime image and costs about a tenth of a second
 * at every launch.
 */
public final class Logging extends ContextAwareBase implements Configurator {
  static final String QUIET_PATTERN = "tessera: %msg%n";
  static final String VERBOSE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n";
  /** The logger of the platform's engine choice, whose INFO line names the fix for a missing SIMD engine. */
  static final String ENGINE_CHOICE_LOGGER = "io.tessera.internal.bootstrap.EngineSelector";
  private static final String APPENDER = "STDERR";

  /**
   * Whether logback has configured itself through this class. Logback starts when the first logger is asked for;
   * until then a quiet command need not start it, because it starts with the quiet default.
   */
  private static volatile boolean configured;

  /** Called by logback's service loader. */
  public Logging() {
    // Nothing to set up before logback hands over its context.
  }

  /** Sets up the quiet default: one stderr appender, root at WARN, the engine-choice line at INFO. */
  @Override
  public ExecutionStatus configure(LoggerContext ctx) {
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(ctx);
    console.setName(APPENDER);
    console.setTarget("System.err");
    console.setEncoder(encoder(ctx, QUIET_PATTERN));
    console.start();
    ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(console);
    ctx.getLogger(ENGINE_CHOICE_LOGGER).setLevel(Level.INFO);
    Problems problems = new Problems();
    ctx.getStatusManager().getCopyOfStatusList().forEach(problems::addStatusEvent);
    ctx.getStatusManager().add(problems);
    configured = true;
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * Applies {@code -v} (or its absence) before a command runs, so in-process callers that run several commands
   * get the level each one asked for. Does nothing when logback is not the slf4j backend. A quiet command does not
   * start logback (starting it costs a short command such as {@code --version} about 20 ms): it starts with the
   * quiet default when the first logger is asked for.
   */
  static void apply(boolean verbose) {
    if (!verbose && !configured) {
      return;
    }
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    ctx.getLogger("io.tessera").setLevel(verbose ? Level.DEBUG : null);
    Appender<ILoggingEvent> appender = ctx.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
    if (appender instanceof ConsoleAppender<ILoggingEvent> console) {
      console.stop();
      console.setEncoder(encoder(ctx, verbose ? VERBOSE_PATTERN : QUIET_PATTERN));
      console.start();
    }
  }

  /**
   * Shows logback's own warnings and errors (a broken appender, say) on stderr, one line each, as they happen.
   * With no status listener registered, logback runs its status printer after start-up instead, whose date
   * formatter reads the time-zone database at every launch (tens of milliseconds) even when there is nothing to
   * print.
   */
  static final class Problems implements StatusListener {
    @Override
    public void addStatusEvent(Status status) {
      if (status.getEffectiveLevel() >= Status.WARN) {
        Throwable cause = status.getThrowable();
        System.err.println("tessera: logging: " + Failures.oneLine(status.getMessage())
            + (cause == null ? "" : " (" + Failures.oneLine(String.valueOf(cause)) + ")"));
        System.err.flush();
      }
    }
  }

  private static PatternLayoutEncoder encoder(LoggerContext ctx, String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(ctx);
    encoder.setPattern(pattern);
    encoder.start();
    return encoder;
  }
}
