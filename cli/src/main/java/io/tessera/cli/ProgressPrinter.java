package io.tessera.cli;

import io.tessera.api.TrainingEvent;
import io.tessera.api.TrainingListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shows training progress as plain lines on stderr: phase starts and ends, every epoch, and periodic progress at
 * most once per interval. Lines, not bars, so the output reads the same in a terminal, a log file and a CI job.
 */
final class ProgressPrinter implements TrainingListener {
  private final PrintWriter err;
  private final long intervalNanos;
  private long lastProgress = System.nanoTime();

  /**
   * @param err      where the lines go
   * @param interval the least time between two periodic progress lines
   */
  ProgressPrinter(PrintWriter err, Duration interval) {
    this.err = err;
    this.intervalNanos = interval.toNanos();
  }

  @Override
  public synchronized void onEvent(TrainingEvent e) {
    String line = switch (e.kind()) {
      case PHASE_STARTED -> e.phase() + ": started" + (e.total() > 0 ? " (" + count(e.total()) + " " + e.unit() + ")" : "");
      case PROGRESS -> due() ? e.phase() + ": " + position(e) + rate(e) + metrics(e.metrics()) : null;
      case EPOCH_FINISHED -> e.phase() + ": epoch " + e.epoch() + " done after " + time(e.elapsed()) + metrics(e.metrics());
      case PHASE_FINISHED -> e.phase() + ": done in " + time(e.elapsed()) + " (" + count(e.step()) + " " + e.unit()
          + rate(e) + ")" + metrics(e.metrics());
    };
    if (line != null) {
      err.println(line);
      err.flush();
    }
  }

  private boolean due() {
    long now = System.nanoTime();
    if (now - lastProgress < intervalNanos) {
      return false;
    }
    lastProgress = now;
    return true;
  }

  private static String position(TrainingEvent e) {
    String epoch = e.epoch() > 0 ? "epoch " + e.epoch() + ", " : "";
    if (e.total() > 0) {
      return epoch + String.format(Locale.ROOT, "%.0f%% (%s/%s %s)", 100 * e.fraction(), count(e.step()),
          count(e.total()), e.unit());
    }
    return epoch + count(e.step()) + " " + e.unit();
  }

  private static String rate(TrainingEvent e) {
    return Double.isNaN(e.throughput()) || Double.isInfinite(e.throughput()) ? ""
        : ", " + count(Math.round(e.throughput())) + " " + e.unit() + "/s";
  }

  private static String metrics(Map<String, Double> metrics) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(metrics).forEach((k, v) -> sb.append(sb.isEmpty() ? "; " : ", ").append(k).append('=')
        .append(String.format(Locale.ROOT, "%.4g", v)));
    return sb.toString();
  }

  /** @return a count for people: {@code 950}, {@code 12.3k}, {@code 4.56M} */
  static String count(long n) {
    if (Math.abs(n) < 10_000) {
      return Long.toString(n);
    }
    if (Math.abs(n) < 10_000_000) {
      return String.format(Locale.ROOT, "%.1fk", n / 1e3);
    }
    return String.format(Locale.ROOT, "%.2fM", n / 1e6);
  }

  private static String time(Duration d) {
    return Describe.seconds(d.toNanos());
  }
}
