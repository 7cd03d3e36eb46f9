package io.tessera.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * A batch of sequences padded to equal length by {@link Sequences#pad}: a row-major {@code rows x maxlen}
 * matrix of ids, ready for an RNN. The arrays are shared, not copied, to avoid duplicating large batches.
 *
 * @param rows    the number of sequences
 * @param maxlen  the number of columns
 * @param ids     the matrix, {@code ids[r * maxlen + c]}
 * @param lengths per row, how many columns hold sequence ids rather than padding ({@code min(len, maxlen)})
 * @param padding the side the padding is on, which tells where each row's ids start ({@link #offset})
 */
public record PaddedSequences(int rows, int maxlen, int[] ids, int[] lengths, Sequences.Side padding) {

  /** Checks that the arrays fit {@code rows x maxlen}. */
  public PaddedSequences {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(lengths, "lengths");
    Objects.requireNonNull(padding, "padding");
    if (rows < 0 || maxlen < 0 || (long) rows * maxlen != ids.length || lengths.length != rows) {
      throw new IllegalArgumentException(rows + " x " + maxlen + " padded sequences need " + (long) rows * maxlen
          + " ids and " + rows + " lengths, got " + ids.length + " and " + lengths.length);
    }
  }

  /** @return the id at ({@code row}, {@code col}) */
  public int get(int row, int col) {
    return ids[Objects.checkIndex(row, rows) * maxlen + Objects.checkIndex(col, maxlen)];
  }

  /** @return a copy of row {@code row} */
  public int[] row(int row) {
    int from = Objects.checkIndex(row, rows) * maxlen;
    return Arrays.copyOfRange(ids, from, from + maxlen);
  }

  /** @return the column of row {@code row}'s first sequence id ({@code maxlen - length} when padded in front) */
  public int offset(int row) {
    return padding == Sequences.Side.PRE ? maxlen - lengths[Objects.checkIndex(row, rows)] : 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaddedSequences p && rows == p.rows && maxlen == p.maxlen && padding == p.padding
        && Arrays.equals(ids, p.ids) && Arrays.equals(lengths, p.lengths);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rows, maxlen, padding, Arrays.hashCode(ids), Arrays.hashCode(lengths));
  }

  @Override
  public String toString() {
    return "PaddedSequences{" + rows + " x " + maxlen + ", padding " + padding + "}";
  }
}
