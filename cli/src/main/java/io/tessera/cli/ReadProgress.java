package io.tessera.cli;

import io.tessera.api.TrainingEvent;
import io.tessera.api.TrainingListener;
import io.tessera.io.ReadListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Progress of a text command through its input, for the CLI's progress display. The text commands run no trainer,
 * so this class sends the {@link TrainingEvent}s itself: a phase start, a sampled progress event (at most
 * {@link #MAX_RATE} per second) and a phase end when the input is exhausted. The start is announced with the first
 * progress event or the end, so an input that fails on its first lines shows its one-line error alone. The unit is
 * bytes of the input as stored, so plain files have a known total (their size) and gzip input counts the
 * compressed bytes consumed; stdin has no total. The documents parsed so far go along as the metric
 * {@code documents}. As the {@link ReadListener} of a {@link io.tessera.io.TextCorpus} it is told of bytes and
 * documents by the reading and worker threads, and counts the lines they skip; its methods are synchronized.
 */
final class ReadProgress implements ReadListener {
  /** Progress events per second at most; the display throttles further on pipes. */
  static final int MAX_RATE = 10;
  private static final long GAP_NANOS = 1_000_000_000L / MAX_RATE;

  private final TrainingListener listener;
  private final String phase;
  private final long total;
  private long bytes;
  private long documents;
  private long started;
  private long lastEvent;
  private boolean running;
  private boolean announced;
  private long skipped;
  /** The first skipped line of each source. */
  private final Map<String, Long> firstSkipped = new HashMap<>();

  /**
   * @param listener receives the events ({@link TrainingListener#NONE} for none)
   * @param phase    the phase's name, e.g. {@code tokenize}
   * @param total    the input's size in bytes, or 0 when unknown (stdin)
   */
  ReadProgress(TrainingListener listener, String phase, long total) {
    this.listener = listener;
    this.phase = phase;
    this.total = Math.max(0, total);
  }

  @Override
  public synchronized void bytesRead(long n) {
    bytes += n;
  }

  /** Counts documents parsed, and reports progress when the last report is old enough. */
  @Override
  public synchronized void documentsRead(long n) {
    documents += n;
    if (!running) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastEvent >= GAP_NANOS) {
      lastEvent = now;
      announce(now);
      send(TrainingEvent.Kind.PROGRESS, now);
    }
  }

  /** Counts a skipped line (lines arrive in any order when workers parse in parallel). */
  @Override
  public synchronized void lineSkipped(String source, long line) {
    skipped++;
    firstSkipped.merge(source, line, Math::min);
  }

  /** @return the number of lines skipped for invalid UTF-8 */
  synchronized long skipped() {
    return skipped;
  }

  /** @return the first line skipped in {@code source}, or 0 when none was */
  synchronized long firstSkippedLine(String source) {
    return firstSkipped.getOrDefault(source, 0L);
  }

  /** Starts the phase; called before the first document is read. */
  synchronized void start() {
    started = System.nanoTime();
    lastEvent = started;
    running = true;
  }

  /** Ends the phase at the end of the input; later calls do nothing. */
  synchronized void finish() {
    if (running) {
      running = false;
      long now = System.nanoTime();
      announce(now);
      send(TrainingEvent.Kind.PHASE_FINISHED, now);
    }
  }

  private void announce(long now) {
    if (!announced) {
      announced = true;
      send(TrainingEvent.Kind.PHASE_STARTED, now);
    }
  }

  private void send(TrainingEvent.Kind kind, long now) {
    long elapsed = now - started;
    double rate = elapsed > 0 && bytes > 0 ? bytes / (elapsed / 1e9) : Double.NaN;
    listener.onEvent(new TrainingEvent(kind, phase, 0, bytes, total, "bytes", rate, Duration.ofNanos(elapsed),
        Map.of("documents", (double) documents)));
  }
}
