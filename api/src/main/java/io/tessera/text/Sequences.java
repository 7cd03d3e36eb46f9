package io.tessera.text;

import io.tessera.api.BadInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns variable-length id sequences into a rectangular batch for an RNN, with the semantics of Keras's
 * {@code pad_sequences}: every row gets {@code maxlen} columns; a longer sequence is truncated at the
 * {@code truncating} side (default {@link Side#PRE}: the beginning is cut and the last {@code maxlen} ids are
 * kept); a shorter one is filled with {@code value} on the {@code padding} side (default {@link Side#PRE}: the
 * ids end at the last column). An empty sequence gives a row of {@code value}. The default {@code maxlen} is
 * the longest sequence.
 */
public final class Sequences {

  /** Pass as {@code maxlen} to use the length of the longest sequence. */
  public static final int LONGEST = -1;

  /** Which end of a sequence padding or truncation applies to. */
  public enum Side {
    /** The beginning (Keras's {@code 'pre'}, the default for both). */
    PRE,
    /** The end (Keras's {@code 'post'}). */
    POST
  }

  private Sequences() {
  }

  /** @return {@code sequences} padded to the longest with 0 at the beginning (Keras's defaults) */
  public static PaddedSequences pad(List<int[]> sequences) {
    return pad(sequences, LONGEST, Side.PRE, Side.PRE, 0);
  }

  /** @return {@code sequences} padded or truncated to {@code maxlen} at the beginning, padding with 0 */
  public static PaddedSequences pad(List<int[]> sequences, int maxlen) {
    return pad(sequences, maxlen, Side.PRE, Side.PRE, 0);
  }

  /**
   * Pads and truncates {@code sequences} into one row-major {@code rows x maxlen} matrix.
   *
   * @param maxlen     the row length, or {@link #LONGEST}
   * @param padding    where {@code value} goes in a short row
   * @param truncating where a long sequence is cut
   * @param value      the padding value (the vocabulary's padding id, normally 0)
   * @throws BadInputException when {@code maxlen} is negative and not {@link #LONGEST}, or the matrix would
   *     exceed the largest Java array
   */
  public static PaddedSequences pad(List<int[]> sequences, int maxlen, Side padding, Side truncating, int value) {
    Objects.requireNonNull(padding, "padding");
    Objects.requireNonNull(truncating, "truncating");
    if (maxlen < 0 && maxlen != LONGEST) {
      throw BadInputException.parameter("maxlen", maxlen + " is negative (use Sequences.LONGEST for the longest)");
    }
    int rows = sequences.size();
    int cols = maxlen;
    if (cols == LONGEST) {
      cols = 0;
      for (int[] s : sequences) {
        cols = Math.max(cols, s.length);
      }
    }
    if ((long) rows * cols > Integer.MAX_VALUE - 8) {
      throw BadInputException.parameter("maxlen", rows + " rows x " + cols + " columns exceed the largest array");
    }
    int[] ids = new int[rows * cols];
    int[] lengths = new int[rows];
    if (value != 0) {
      Arrays.fill(ids, value);
    }
    for (int r = 0; r < rows; r++) {
      int[] s = sequences.get(r);
      int len = Math.min(s.length, cols);
      int from = truncating == Side.PRE ? s.length - len : 0;
      int to = padding == Side.PRE ? r * cols + cols - len : r * cols;
      System.arraycopy(s, from, ids, to, len);
      lengths[r] = len;
    }
    return new PaddedSequences(rows, cols, ids, lengths, padding);
  }
}
