package io.tessera.api;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A progress report from training. Events are sampled (a few per second at most, plus one per epoch and
 * phase boundary), never sent per token, so listeners may do real work.
 *
 * @param kind       what happened
 * @param phase      the phase's name (e.g. {@code train}, {@code build vocabulary}, {@code sweep})
 * @param epoch      the 1-based epoch: the one that finished for {@code EPOCH_FINISHED}, the last one that finished
 *                   for {@code PHASE_FINISHED}, the one in progress otherwise; 0 before the first epoch ends and in
 *                   phases without epochs
 * @param step       units done so far in this phase
 * @param total      units in the phase, or 0 when unknown
 * @param unit       what a unit is ({@code samples}, {@code words}, {@code tokens}, {@code iterations}, ...)
 * @param throughput units per second since the phase started, or {@code NaN} when not yet known
 * @param elapsed    time since the phase started
 * @param metrics    the latest values (e.g. {@code loss}, {@code lr}, {@code log_likelihood}, {@code val_acc})
 */
public record TrainingEvent(Kind kind, String phase, int epoch, long step, long total, String unit,
                            double throughput, Duration elapsed, Map<String, Double> metrics) {

  /** What an event reports. */
  public enum Kind {
    /** A phase begins; {@code total} is known from here on (or 0). */
    PHASE_STARTED,
    /** Periodic progress inside a phase. */
    PROGRESS,
    /** An epoch ended; metrics hold the epoch's figures. */
    EPOCH_FINISHED,
    /** A phase ended. */
    PHASE_FINISHED
  }

  public TrainingEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(elapsed, "elapsed");
    metrics = Map.copyOf(metrics);
  }

  /** @return the fraction done in [0, 1], or {@code NaN} when the total is unknown */
  public double fraction() {
    return total > 0 ? Math.min(1.0, (double) step / total) : Double.NaN;
  }
}
