package io.tessera.api;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ready-made {@link TrainingListener}s for applications: progress as log lines, as plain text lines for any
 * sink, or forwarded to a callback. Install one for every fit with {@code Tessera.builder().listener(...)} or for
 * one fit with {@code TrainOptions.builder().listener(...)}.
 *
 * <pre>{@code
 * Tessera tessera = Tessera.builder().listener(TrainingListeners.logging()).build();
 * }</pre>
 */
public final class TrainingListeners {
  /** The logger {@link #logging()} writes to; configure its level to turn progress lines on or off. */
  public static final String LOGGER = "io.tessera.progress";
  /** How often {@link #logging()} reports progress inside a phase, between its phase and epoch lines. */
  public static final Duration LOG_INTERVAL = Duration.ofSeconds(10);
  /** The least time between two epoch lines: fits with thousands of short epochs do not flood the output. */
  static final Duration EPOCH_GAP = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(TrainingListeners.class);

  private TrainingListeners() {
  }

  /**
   * Logs progress at INFO through slf4j (logger {@value #LOGGER}): a line when a phase starts and ends, one per
   * epoch, and one every {@link #LOG_INTERVAL} in between, in the words of {@link ProgressText#line}.
   */
  public static TrainingListener logging() {
    return logging(LoggerFactory.getLogger(LOGGER), LOG_INTERVAL);
  }

  /**
   * Like {@link #logging()}, to a logger and at an interval of the caller's choice. Nothing is formatted while
   * the logger's INFO level is off.
   *
   * @param logger   receives the lines at INFO
   * @param interval the least time between two periodic progress lines within a phase
   */
  public static TrainingListener logging(Logger logger, Duration interval) {
    Objects.requireNonNull(logger, "logger");
    TrainingListener lines = lines(interval, line -> logger.info("{}", line));
    return event -> {
      if (logger.isInfoEnabled()) {
        lines.onEvent(event);
      }
    };
  }

  /**
   * Turns events into one-line summaries ({@link ProgressText#line}) for any sink: a console, a status bar, a
   * notebook cell. Every phase start and end gets a line, every epoch end one (at most one a second), and
   * periodic progress one at most every {@code interval}; the sink is called by one thread at a time.
   *
   * @param interval the least time between two periodic progress lines within a phase
   * @param sink     receives each line, without a line break
   */
  public static TrainingListener lines(Duration interval, Consumer<String> sink) {
    return lines(interval, new CancellationToken(), sink);
  }

  /**
   * Like {@link #lines(Duration, Consumer)}, for a run with this cancellation token: a phase that ends after
   * the token was cancelled reads "stopped after", not "done in".
   *
   * @param run the run's cancellation token
   */
  public static TrainingListener lines(Duration interval, CancellationToken run, Consumer<String> sink) {
    return new LineListener(interval, run, sink);
  }

  /**
   * Forwards every event to {@code callback}, one at a time and in the order they were sent, so the callback
   * need not be thread-safe although training may report from several threads. It runs on a training thread:
   * keep it quick, or hand the event to another thread. When it throws, the first failure is logged with its
   * stack trace and later ones at DEBUG only, so a broken callback neither stops training nor floods the log.
   */
  public static TrainingListener callback(Consumer<? super TrainingEvent> callback) {
    return new CallbackListener(callback);
  }

  /** The listener behind {@link #lines}: throttles by the events' own elapsed time, so it needs no clock. */
  private static final class LineListener implements TrainingListener {
    private final long intervalNanos;
    private final long epochGapNanos;
    private final CancellationToken run;
    private final Consumer<String> sink;
    private String phase;
    private boolean ended;
    private long lastLine;
    private long lastEpochLine;

    LineListener(Duration interval, CancellationToken run, Consumer<String> sink) {
      this.intervalNanos = requireNotNegative(interval).toNanos();
      this.epochGapNanos = Math.min(intervalNanos, EPOCH_GAP.toNanos());
      this.run = Objects.requireNonNull(run, "run");
      this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public synchronized void onEvent(TrainingEvent e) {
      long at = e.elapsed().toNanos();
      if (e.kind() == TrainingEvent.Kind.PHASE_STARTED || !e.phase().equals(phase)) {
        // A new phase restarts the clock its events carry.
        phase = e.phase();
        ended = false;
        lastLine = Long.MIN_VALUE / 2;
        lastEpochLine = Long.MIN_VALUE / 2;
      } else if (ended) {
        // A straggler: sent by another training thread just before the phase ended, delivered just after.
        return;
      }
      boolean due = switch (e.kind()) {
        case PHASE_STARTED, PHASE_FINISHED -> true;
        case EPOCH_FINISHED -> at - lastEpochLine >= epochGapNanos;
        case PROGRESS -> at - lastLine >= intervalNanos;
      };
      if (!due) {
        return;
      }
      lastLine = at;
      if (e.kind() == TrainingEvent.Kind.EPOCH_FINISHED) {
        lastEpochLine = at;
      }
      ended = e.kind() == TrainingEvent.Kind.PHASE_FINISHED;
      sink.accept(ProgressText.line(e, run.isCancelled()));
    }
  }

  /** The listener behind {@link #callback}. */
  private static final class CallbackListener implements TrainingListener {
    private final Consumer<? super TrainingEvent> callback;
    private long failures;

    CallbackListener(Consumer<? super TrainingEvent> callback) {
      this.callback = Objects.requireNonNull(callback, "callback");
    }

    @Override
    public synchronized void onEvent(TrainingEvent event) {
      try {
        callback.accept(event);
      } catch (RuntimeException e) {
        failures++;
        if (failures == 1) {
          LOG.warn("training callback failed on a {} event of phase '{}'; training goes on, later failures are "
              + "logged at DEBUG", event.kind(), event.phase(), e);
        } else {
          LOG.debug("training callback failed again ({} failures): {}", failures, e.toString());
        }
      }
    }
  }

  private static Duration requireNotNegative(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative: " + interval);
    }
    return interval;
  }
}
