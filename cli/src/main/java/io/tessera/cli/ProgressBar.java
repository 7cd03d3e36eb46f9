package io.tessera.cli;

import io.tessera.api.CancellationToken;
import io.tessera.api.ProgressText;
import io.tessera.api.TrainingEvent;
import io.tessera.api.TrainingListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Draws training progress as one bar per phase on a terminal:
 * <pre>
 * kmeans  │██████▋                     │   24%  3.6k/15.0k iterations  361 iterations/s  ETA 0:32  epoch 12
 *     inertia=1.432e+05
 * </pre>
 * (one line, folded here).
 * The line is redrawn in place (carriage return, then spaces over any longer previous text; no escape sequences)
 * at most every {@link #REDRAW_NANOS}, and ends with a line break when the phase ends, showing how long it took or
 * that it stopped. A line never exceeds the terminal's width, which would break the redraw: on a narrow terminal
 * the least important pieces go first (further metrics, the rate, the epoch, the first metric, then the ETA), and
 * the bar shrinks.
 *
 * <p>It needs no thread of its own: events arrive a few times a second at most, and the line only changes then.
 */
final class ProgressBar implements TrainingListener {
  /** Ten redraws a second at most: smooth to the eye, nothing for the terminal. */
  static final long REDRAW_NANOS = 100_000_000L;
  static final int MIN_BAR = 10;
  static final int MAX_BAR = 30;
  private static final int MAX_PHASE = 24;
  private static final String SEP = "  ";
  private static final String EIGHTHS = " ▏▎▍▌▋▊▉";

  /** How far a phase has come, which decides the time shown: an ETA, or how long it took. */
  enum State { RUNNING, DONE, STOPPED }

  private final PrintWriter err;
  private final int width;
  private final boolean unicode;
  private final CancellationToken run;
  /** The phase whose bar is on the current line, or {@code null} when the cursor is at the start of a new line. */
  private String open;
  /** The phase that ended last: its stragglers (events sent from other threads just before the end) are dropped. */
  private String ended;
  private long lastDraw;
  private int drawn;

  /**
   * @param err     the terminal
   * @param columns the terminal's width
   * @param unicode whether block characters display (else the bar is drawn with {@code #} and {@code -})
   * @param run     the run's token: a phase that ends after cancellation shows "stopped after"
   */
  ProgressBar(PrintWriter err, int columns, boolean unicode, CancellationToken run) {
    this.err = err;
    this.width = columns - 1; // writing into the last column makes some terminals wrap at once
    this.unicode = unicode;
    this.run = run;
  }

  @Override
  public synchronized void onEvent(TrainingEvent e) {
    long at = e.elapsed().toNanos();
    switch (e.kind()) {
      case PHASE_STARTED -> {
        ended = null;
        newLine(e.phase());
        draw(e, State.RUNNING, at);
      }
      case PROGRESS, EPOCH_FINISHED -> {
        if (e.phase().equals(ended)) {
          return;
        }
        if (!e.phase().equals(open)) {
          newLine(e.phase());
        } else if (at - lastDraw < REDRAW_NANOS) {
          return;
        }
        draw(e, State.RUNNING, at);
      }
      case PHASE_FINISHED -> {
        if (!e.phase().equals(open)) {
          newLine(e.phase());
        }
        draw(e, run.isCancelled() ? State.STOPPED : State.DONE, at);
        err.println();
        err.flush();
        open = null;
        ended = e.phase();
      }
    }
  }

  /** Leaves another phase's unfinished bar as it stands and starts a line for {@code phase}. */
  private void newLine(String phase) {
    if (open != null) {
      err.println();
    }
    open = phase;
    drawn = 0;
  }

  private void draw(TrainingEvent e, State state, long at) {
    String line = render(e, state, width, unicode);
    err.print('\r');
    err.print(line);
    err.print(" ".repeat(Math.max(0, drawn - line.length())));
    err.flush();
    drawn = line.length();
    lastDraw = at;
  }

  /** A piece of the line, in the order shown, and how soon it is dropped from a line too long (higher: sooner; 0: never). */
  private record Piece(String text, int dropOrder) {
  }

  /**
   * Renders the bar line of an event.
   *
   * @param width   the most characters the line may have
   * @param unicode whether to draw with block characters
   * @return the line, without carriage return or line break
   */
  static String render(TrainingEvent e, State state, int width, boolean unicode) {
    String name = e.phase().length() > MAX_PHASE ? e.phase().substring(0, MAX_PHASE - 1) + "~" : e.phase();
    boolean bar = e.total() > 0;
    List<Piece> pieces = new ArrayList<>();
    if (bar) {
      String pct = state == State.DONE ? "100%" : ProgressText.percent(e);
      pieces.add(new Piece(" ".repeat(Math.max(0, 4 - pct.length())) + pct, 0));
    }
    boolean ofTotal = bar && state != State.DONE;
    pieces.add(new Piece(ProgressText.count(e.step()) + (ofTotal ? "/" + ProgressText.count(e.total()) : "")
        + " " + e.unit(), 0));
    // Dropped first on a narrow terminal: further metrics, the rate, the epoch, the first metric, then the ETA.
    List<String> metrics = new ArrayList<>();
    new TreeMap<>(e.metrics()).forEach((k, v) -> metrics.add(k + "=" + ProgressText.number(v)));
    pieces.add(new Piece(ProgressText.rate(e), 4));
    pieces.add(new Piece(switch (state) {
      case DONE -> "done in " + ProgressText.seconds(e.elapsed());
      case STOPPED -> "stopped after " + ProgressText.seconds(e.elapsed());
      case RUNNING -> ProgressText.eta(e).map(d -> "ETA " + ProgressText.clock(d))
          .orElse(bar ? "" : "elapsed " + ProgressText.clock(e.elapsed()));
    }, 1));
    pieces.add(new Piece(e.epoch() > 0 ? "epoch " + e.epoch() : "", 3));
    for (int i = 0; i < metrics.size(); i++) {
      pieces.add(new Piece(metrics.get(i), i == 0 ? 2 : 4 + i));
    }
    pieces.removeIf(p -> p.text().isEmpty());

    int barWidth = bar ? MIN_BAR : 0;
    while (length(name, barWidth, pieces) > width && pieces.stream().anyMatch(p -> p.dropOrder() > 0)) {
      pieces.remove(pieces.stream().max(Comparator.comparingInt(Piece::dropOrder)).orElseThrow());
    }
    if (bar) {
      barWidth = Math.clamp(width - length(name, 0, pieces) - SEP.length(), MIN_BAR, MAX_BAR);
    }
    StringBuilder line = new StringBuilder(name);
    if (bar) {
      line.append(SEP).append(bar(state == State.DONE ? 1 : e.fraction(), barWidth, unicode));
    }
    pieces.forEach(p -> line.append(SEP).append(p.text()));
    return line.length() > width ? line.substring(0, width) : line.toString();
  }

  private static int length(String name, int barWidth, List<Piece> pieces) {
    int n = name.length() + (barWidth > 0 ? SEP.length() + barWidth : 0);
    for (Piece p : pieces) {
      n += SEP.length() + p.text().length();
    }
    return n;
  }

  /** @return a bar of {@code width} characters, brackets included, filled to {@code fraction} */
  static String bar(double fraction, int width, boolean unicode) {
    int cells = width - 2;
    double filled = Math.clamp(fraction, 0, 1) * cells;
    int full = (int) Math.floor(filled + 1e-9);
    StringBuilder sb = new StringBuilder(width).append(unicode ? '│' : '[');
    if (unicode) {
      sb.append("█".repeat(full));
      if (full < cells) {
        sb.append(EIGHTHS.charAt((int) Math.floor((filled - full) * 8)));
        sb.append(" ".repeat(cells - full - 1));
      }
    } else {
      sb.append("#".repeat(full)).append("-".repeat(cells - full));
    }
    return sb.append(unicode ? '│' : ']').toString();
  }
}
