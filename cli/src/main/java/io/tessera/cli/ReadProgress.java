package io.tessera.cli;

import io.tessera.api.TrainingEvent;
import io.tessera.api.TrainingListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;

/**
 * Progress of a text command through its input, for the CLI's progress display. The text commands run no trainer,
 * so this class sends the {@link TrainingEvent}s itself: a phase start, a sampled progress event (at most
 * {@link #MAX_RATE} per second) and a phase end when the input is exhausted. The start is announced with the first
 * progress event or the end, so an input that fails on its first lines shows its one-line error alone. The unit is bytes of the input as
 * stored, so a plain file has a known total (its size) and gzip input counts the compressed bytes consumed; stdin
 * has no total. The documents read so far go along as the metric {@code documents}. Not thread-safe: it is driven
 * by the one thread that reads the documents.
 */
final class ReadProgress {
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

  /** @return {@code in}, counting the bytes read through it (wrap the raw input, before any decompression) */
  InputStream count(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          bytes++;
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          bytes += n;
        }
        return n;
      }
    };
  }

  /** Starts the phase; called before the first document is read. */
  void start() {
    started = System.nanoTime();
    lastEvent = started;
    running = true;
  }

  /** Counts one document read, and reports progress when the last report is old enough. */
  void document() {
    documents++;
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

  /** Ends the phase at the end of the input; later calls do nothing. */
  void finish() {
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
