package io.tessera.api;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Training progress as words and numbers: the one-line summaries written by {@link TrainingListeners#lines} and
 * {@link TrainingListeners#logging()}, and the pieces (counts, rates, ETA, metrics) that the command line's
 * progress bars are built from, so that a log file, a CI job and a terminal describe a run the same way.
 */
public final class ProgressText {
  private ProgressText() {
  }

  /**
   * Describes an event on one line, for example:
   * <pre>
   * train: started (100.0k samples)
   * train: epoch 2, 62% (62.5k/100.0k samples), 2500 samples/s, ETA 0:15; loss=0.4312
   * train: epoch 2 done at 40.1 s, 100% (100.0k/100.0k samples); loss=0.4127, val_acc=0.8125
   * train: done in 40.2 s (100.0k samples, 2488 samples/s); loss=0.4127, val_acc=0.8125
   * </pre>
   *
   * @param event   the event
   * @param stopped whether the run was cancelled: a phase that ends then reads "stopped after", not "done in"
   * @return the line, without a line break
   */
  public static String line(TrainingEvent event, boolean stopped) {
    String phase = event.phase() + ": ";
    return switch (event.kind()) {
      case PHASE_STARTED -> phase + "started" + (event.total() > 0
          ? " (" + count(event.total()) + " " + event.unit() + ")" : "");
      case PROGRESS -> phase + (event.epoch() > 0 ? "epoch " + event.epoch() + ", " : "") + position(event)
          + prefixed(", ", rate(event)) + eta(event).map(d -> ", ETA " + clock(d)).orElse("")
          + prefixed("; ", metrics(event.metrics()));
      case EPOCH_FINISHED -> phase + "epoch " + event.epoch() + " done at " + seconds(event.elapsed()) + ", "
          + position(event) + prefixed("; ", metrics(event.metrics()));
      case PHASE_FINISHED -> phase + (stopped ? "stopped after " : "done in ") + seconds(event.elapsed())
          + " (" + count(event.step()) + " " + event.unit() + prefixed(", ", rate(event)) + ")"
          + prefixed("; ", metrics(event.metrics()));
    };
  }

  private static String position(TrainingEvent e) {
    if (e.total() > 0) {
      return percent(e) + " (" + count(e.step()) + "/" + count(e.total()) + " " + e.unit() + ")";
    }
    return count(e.step()) + " " + e.unit();
  }

  private static String prefixed(String prefix, String text) {
    return text.isEmpty() ? "" : prefix + text;
  }

  /** @return the whole percent done, rounded down so that 100% means done (e.g. {@code 37%}), or {@code ""} */
  public static String percent(TrainingEvent event) {
    double f = event.fraction();
    return Double.isNaN(f) ? "" : (int) Math.floor(100 * f + 1e-9) + "%";
  }

  /**
   * @return the rate in the event's unit, e.g. {@code 2500 samples/s} or {@code 11.7 iterations/s}; {@code ""}
   *     when unknown
   */
  public static String rate(TrainingEvent event) {
    double r = event.throughput();
    if (!Double.isFinite(r) || r <= 0) {
      return "";
    }
    // Below a hundred, three significant digits with their zeros: the width stays put while the bar redraws.
    String value = r >= 100 ? count(Math.round(r)) : String.format(Locale.ROOT, "%.3g", r);
    return value + " " + event.unit() + "/s";
  }

  /**
   * @return the time left at the event's average rate, when both the total and the rate are known and the phase
   *     is not yet done
   */
  public static Optional<Duration> eta(TrainingEvent event) {
    double r = event.throughput();
    if (event.total() <= 0 || !Double.isFinite(r) || r <= 0 || event.step() >= event.total()) {
      return Optional.empty();
    }
    double seconds = (event.total() - event.step()) / r;
    return seconds > Duration.ofDays(365).toSeconds() ? Optional.empty()
        : Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
  }

  /** @return the metrics sorted by name, e.g. {@code loss=0.4312, lr=0.001}; {@code ""} when there are none */
  public static String metrics(Map<String, Double> metrics) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(metrics).forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=')
        .append(number(v)));
    return sb.toString();
  }

  /** @return a metric for people: integers as such, else four significant digits without trailing zeros */
  public static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return significant(v);
  }

  private static String significant(double v) {
    String s = String.format(Locale.ROOT, "%.4g", v);
    if (s.contains("e") || !s.contains(".")) {
      return s;
    }
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** @return a count for people: {@code 950}, {@code 12.3k}, {@code 4.56M} */
  public static String count(long n) {
    if (Math.abs(n) < 10_000) {
      return Long.toString(n);
    }
    if (Math.abs(n) < 10_000_000) {
      return String.format(Locale.ROOT, "%.1fk", n / 1e3);
    }
    return String.format(Locale.ROOT, "%.2fM", n / 1e6);
  }

  /** @return a duration as a clock, rounded to the second: {@code 0:07}, {@code 12:34}, {@code 1:02:03} */
  public static String clock(Duration d) {
    long s = Math.round(Math.max(0, d.toMillis()) / 1000.0);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** @return seconds with one decimal, e.g. {@code 2.4 s} */
  public static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
  }
}
