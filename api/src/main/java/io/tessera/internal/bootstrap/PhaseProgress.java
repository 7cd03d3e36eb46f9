package io.tessera.internal.bootstrap;

import io.tessera.api.TrainingEvent;
import io.tessera.api.TrainingListener;
import io.tessera.spi.Progress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts a phase's units and samples them into events: at most one {@code PROGRESS} event per
 * {@link #INTERVAL_NANOS}, so trainers may call {@link #advance} per batch without slowing down. Public for the
 * module's other packages (a prepared corpus reports its passes with it); the package is not exported.
 */
public final class PhaseProgress implements Progress {
  /** Ten events a second at most: enough for a smooth bar, nothing for the trainer. */
  static final long INTERVAL_NANOS = 100_000_000L;
  private static final Logger LOG = LoggerFactory.getLogger(PhaseProgress.class);

  private final TrainingListener listener;
  private final String phase;
  private final long total;
  private final String unit;
  private final long start = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong lastEmit = new AtomicLong(start);
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Map<String, Double> metrics = Map.of();
  private volatile int epoch;

  /**
   * Starts the phase: sends its {@code PHASE_STARTED} event now.
   *
   * @param total the units in the phase, or 0 when unknown
   */
  public PhaseProgress(TrainingListener listener, String phase, long total, String unit) {
    this.listener = listener;
    this.phase = phase;
    this.total = Math.max(0, total);
    this.unit = unit;
    emit(TrainingEvent.Kind.PHASE_STARTED, 0);
  }

  @Override
  public void advance(long units) {
    long d = done.addAndGet(units);
    long now = System.nanoTime();
    long last = lastEmit.get();
    if (now - last >= INTERVAL_NANOS && lastEmit.compareAndSet(last, now)) {
      emit(TrainingEvent.Kind.PROGRESS, d);
    }
  }

  @Override
  public void advance(long units, Map<String, Double> latest) {
    metrics = Map.copyOf(latest);
    advance(units);
  }

  @Override
  public void epochFinished(int epochNumber, Map<String, Double> epochMetrics) {
    metrics = Map.copyOf(epochMetrics);
    emit(TrainingEvent.Kind.EPOCH_FINISHED, epochNumber, done.get());
    epoch = epochNumber + 1;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      // The last epoch that finished, not the one that would come next.
      emit(TrainingEvent.Kind.PHASE_FINISHED, Math.max(0, epoch - 1), done.get());
    }
  }

  private void emit(TrainingEvent.Kind kind, long step) {
    emit(kind, epoch, step);
  }

  private void emit(TrainingEvent.Kind kind, int epochNumber, long step) {
    long elapsed = System.nanoTime() - start;
    double rate = elapsed > 0 && step > 0 ? step * 1e9 / elapsed : Double.NaN;
    TrainingEvent event = new TrainingEvent(kind, phase, epochNumber, step, total, unit, rate,
        Duration.ofNanos(elapsed), metrics);
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn("training listener failed on {} event: {}", kind, e.toString());
    }
  }
}
