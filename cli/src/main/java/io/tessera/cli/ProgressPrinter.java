package io.tessera.cli;

import io.tessera.api.CancellationToken;
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
  private final boolean detailed;
  private final CancellationToken cancellation;
  private long lastProgress = System.nanoTime();

  /**
   * @param err      where the lines go
   * @param interval the least time between two periodic progress lines
   * @param detailed     whether phase and epoch boundaries get a line too (the demo shows periodic progress only)
   * @param cancellation the run's token: a phase that ends after cancellation is reported as stopped, not done
   */
  ProgressPrinter(PrintWriter err, Duration interval, boolean detailed, CancellationToken cancellation) {
    this.err = err;
    this.intervalNanos = interval.toNanos();
    this.detailed = detailed;
    this.cancellation = cancellation;
  }

  @Override
  public synchronized void onEvent(TrainingEvent e) {
    if (!detailed && e.kind() != TrainingEvent.Kind.PROGRESS) {
      return;
    }
    String line = switch (e.kind()) {
      case PHASE_STARTED -> e.phase() + ": started" + (e.total() > 0 ? " (" + count(e.total()) + " " + e.unit() + ")" : "");
      case PROGRESS -> due() ? e.phase() + ": " + position(e) + rate(e) + metrics(e.metrics()) : null;
      case EPOCH_FINISHED -> e.phase() + ": epoch " + e.epoch() + " done after " + time(e.elapsed()) + metrics(e.metrics());
      case PHASE_FINISHED -> e.phase() + (cancellation.isCancelled() ? ": stopped after " : ": done in ")
          + time(e.elapsed()) + " (" + count(e.step()) + " " + e.unit() + rate(e) + ")" + metrics(e.metrics());
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
        .append(number(v)));
    return sb.toString();
  }

  /** @return a metric for people: integers as such, else four significant digits without trailing zeros */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    if (s.contains("e") || !s.contains(".")) {
      return s;
    }
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
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
