package io.tessera.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable sparse matrix in compressed sparse row (CSR) form, the layout of SciPy's {@code csr_matrix}:
 * the nonzeros of row {@code i} are at positions {@code [indptr[i], indptr[i+1])} of {@code indices} (their
 * columns) and {@code values}. Document–term matrices, LSA and online LDA use it with the engine's sparse kernels
 * ({@link ComputeEngine#csrmm}, {@link ComputeEngine#csrRowNorms}, {@link ComputeEngine#csrScaleRows}).
 *
 * <p><b>Canonical form.</b> Column indices increase strictly within each row (sorted, no duplicates), as after
 * SciPy's {@code sort_indices()} and {@code sum_duplicates()}; every constructor checks it. Stored entries may
 * be zero (an explicit zero is part of the structure), so {@link #equals} compares structure and values.
 *
 * <p><b>Index types.</b> Values are {@code float}, column indices and row pointers {@code int}. Row pointers
 * are {@code int} rather than {@code long} because the nonzeros live in Java arrays, whose length is an
 * {@code int}: a row pointer can never exceed {@link #nnz()} &lt; 2<sup>31</sup>, so a {@code long} would only
 * double the pointer memory. Matrices with more nonzeros must be split into row blocks.
 *
 * <p><b>Ownership.</b> Instances never expose their arrays: factories copy what they are given, accessors
 * return single elements or copies, so a matrix can be shared between threads freely. Read elements in hot
 * loops through {@link #rowStart}, {@link #rowEnd}, {@link #column} and {@link #value}, which the JIT inlines.
 */
public final class CsrMatrix {
  private final int rows;
  private final int cols;
  private final int[] indptr;
  private final int[] indices;
  private final float[] values;

  /** Wraps arrays that are already validated and owned by the new matrix. */
  private CsrMatrix(int rows, int cols, int[] indptr, int[] indices, float[] values) {
    this.rows = rows;
    this.cols = cols;
    this.indptr = indptr;
    this.indices = indices;
    this.values = values;
  }

  /**
   * Copies CSR arrays into a new matrix.
   *
   * @param indptr  {@code rows + 1} row pointers: {@code indptr[0] == 0}, non-decreasing, the last equal to the
   *                number of nonzeros
   * @param indices the column of each nonzero, strictly increasing within a row, in {@code [0, cols)}
   * @param values  the value of each nonzero
   * @throws IllegalArgumentException naming the first inconsistency
   */
  public static CsrMatrix of(int rows, int cols, int[] indptr, int[] indices, float[] values) {
    checkShape(rows, cols);
    if (indptr.length != rows + 1) {
      throw new IllegalArgumentException("indptr has " + indptr.length + " entries; " + rows + " rows need "
          + (rows + 1));
    }
    if (indptr[0] != 0) {
      throw new IllegalArgumentException("indptr[0] is " + indptr[0] + ", not 0");
    }
    int nnz = indptr[rows];
    if (indices.length != nnz || values.length != nnz) {
      throw new IllegalArgumentException("indptr ends at " + nnz + " but there are " + indices.length
          + " indices and " + values.length + " values");
    }
    for (int r = 0; r < rows; r++) {
      if (indptr[r + 1] < indptr[r] || indptr[r + 1] > nnz) {
        throw new IllegalArgumentException("indptr must not decrease nor exceed " + nnz + ", but row " + r
            + " runs from " + indptr[r] + " to " + indptr[r + 1]);
      }
      checkRow(r, cols, indices, indptr[r], indptr[r + 1]);
    }
    return new CsrMatrix(rows, cols, indptr.clone(), indices.clone(), values.clone());
  }

  /** @return a {@code rows x cols} matrix without nonzeros */
  public static CsrMatrix empty(int rows, int cols) {
    checkShape(rows, cols);
    return new CsrMatrix(rows, cols, new int[rows + 1], new int[0], new float[0]);
  }

  /**
   * @return the nonzero elements of the dense row-major {@code rows x cols} matrix at {@code a[off + i * lda + j]}
   *     (elements equal to {@code 0.0f} or {@code -0.0f} are left out)
   */
  public static CsrMatrix fromDense(int rows, int cols, float[] a, int off, int lda) {
    Builder b = builder(cols);
    int[] cs = new int[cols];
    float[] vs = new float[cols];
    for (int i = 0; i < rows; i++) {
      int n = 0;
      for (int j = 0; j < cols; j++) {
        float v = a[off + i * lda + j];
        if (v != 0f) {
          cs[n] = j;
          vs[n++] = v;
        }
      }
      b.addRow(cs, vs, n);
    }
    return b.build();
  }

  /**
   * Stacks matrices with the same number of columns on top of each other (SciPy's {@code vstack}), so that
   * rows built in separate shards become one matrix in shard order.
   *
   * @throws IllegalArgumentException if the column counts differ or the result has 2<sup>31</sup> or more rows
   *     or nonzeros
   */
  public static CsrMatrix vstack(List<CsrMatrix> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("vstack needs at least one matrix");
    }
    int cols = parts.get(0).cols;
    long rows = 0;
    long nnz = 0;
    for (CsrMatrix m : parts) {
      if (m.cols != cols) {
        throw new IllegalArgumentException("vstack: a matrix has " + m.cols + " columns instead of " + cols);
      }
      rows += m.rows;
      nnz += m.nnz();
    }
    if (rows > Integer.MAX_VALUE - 8 || nnz > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("vstack: " + rows + " rows and " + nnz + " nonzeros exceed the limits of"
          + " one CSR matrix (2^31 - 9 each)");
    }
    int[] indptr = new int[(int) rows + 1];
    int[] indices = new int[(int) nnz];
    float[] values = new float[(int) nnz];
    int r = 0;
    int p = 0;
    for (CsrMatrix m : parts) {
      for (int i = 0; i < m.rows; i++) {
        indptr[r + i + 1] = p + m.indptr[i + 1];
      }
      System.arraycopy(m.indices, 0, indices, p, m.nnz());
      System.arraycopy(m.values, 0, values, p, m.nnz());
      r += m.rows;
      p += m.nnz();
    }
    return new CsrMatrix((int) rows, cols, indptr, indices, values);
  }

  /** @return a builder that appends rows of a matrix with {@code cols} columns */
  public static Builder builder(int cols) {
    return new Builder(cols, 16, 64);
  }

  /**
   * @return a builder for a matrix with {@code cols} columns whose arrays start with room for {@code rows} rows and
   *     {@code nnz} stored entries, so that a caller who knows the sizes avoids growing and trimming copies
   */
  public static Builder builder(int cols, int rows, int nnz) {
    if (rows < 0 || nnz < 0 || rows > Integer.MAX_VALUE - 9) {
      throw new IllegalArgumentException("invalid capacity: " + rows + " rows, " + nnz + " nonzeros");
    }
    return new Builder(cols, rows + 1, nnz);
  }

  private static void checkShape(int rows, int cols) {
    if (rows < 0 || cols < 0 || rows == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("invalid shape " + rows + " x " + cols);
    }
  }

  private static void checkRow(int row, int cols, int[] columns, int from, int to) {
    int previous = -1;
    for (int p = from; p < to; p++) {
      int c = columns[p];
      if (c < 0 || c >= cols) {
        throw new IllegalArgumentException("row " + row + ": column " + c + " lies outside [0, " + cols + ")");
      }
      if (c <= previous) {
        throw new IllegalArgumentException("row " + row + ": column " + c + " follows column " + previous
            + " (columns must increase strictly within a row)");
      }
      previous = c;
    }
  }

  // ---------------------------------------------------------------- shape and elements

  /** @return the number of rows */
  public int rows() {
    return rows;
  }

  /** @return the number of columns */
  public int cols() {
    return cols;
  }

  /** @return the number of stored entries (nonzeros) */
  public int nnz() {
    return indptr[rows];
  }

  /** @return the position of the first stored entry of {@code row} (SciPy's {@code indptr[row]}) */
  public int rowStart(int row) {
    return indptr[row];
  }

  /** @return the position after the last stored entry of {@code row} (SciPy's {@code indptr[row + 1]}) */
  public int rowEnd(int row) {
    return indptr[row + 1];
  }

  /** @return the number of stored entries of {@code row} */
  public int rowNnz(int row) {
    return indptr[row + 1] - indptr[row];
  }

  /** @return the column of the stored entry at position {@code p} in {@code [0, nnz())} */
  public int column(int p) {
    return indices[p];
  }

  /** @return the value of the stored entry at position {@code p} in {@code [0, nnz())} */
  public float value(int p) {
    return values[p];
  }

  /** @return element {@code (row, col)}: the stored value, or 0 when the element is not stored */
  public float get(int row, int col) {
    Objects.checkIndex(row, rows);
    Objects.checkIndex(col, cols);
    int p = Arrays.binarySearch(indices, indptr[row], indptr[row + 1], col);
    return p >= 0 ? values[p] : 0f;
  }

  /** @return a copy of the columns of {@code row}'s stored entries, in increasing order */
  public int[] rowColumns(int row) {
    Objects.checkIndex(row, rows);
    return Arrays.copyOfRange(indices, indptr[row], indptr[row + 1]);
  }

  /** @return a copy of the values of {@code row}'s stored entries, in column order */
  public float[] rowValues(int row) {
    Objects.checkIndex(row, rows);
    return Arrays.copyOfRange(values, indptr[row], indptr[row + 1]);
  }

  /**
   * @return the norm of {@code row}, summed in {@code double} in column order and rounded once to float
   * @throws IllegalArgumentException for {@link Norm#NONE}
   */
  public float rowNorm(int row, Norm norm) {
    Objects.checkIndex(row, rows);
    double s = 0;
    switch (norm) {
      case L1 -> {
        for (int p = indptr[row]; p < indptr[row + 1]; p++) {
          s += Math.abs(values[p]);
        }
      }
      case L2 -> {
        for (int p = indptr[row]; p < indptr[row + 1]; p++) {
          double v = values[p];
          s += v * v;
        }
        s = Math.sqrt(s);
      }
      case NONE -> throw new IllegalArgumentException("Norm.NONE has no value to compute");
    }
    return (float) s;
  }

  /** @return a copy of the row pointers ({@code rows + 1} entries; SciPy's {@code indptr}) */
  public int[] indptr() {
    return indptr.clone();
  }

  /** @return a copy of the column indices of all stored entries (SciPy's {@code indices}) */
  public int[] indices() {
    return indices.clone();
  }

  /** @return a copy of the values of all stored entries (SciPy's {@code data}) */
  public float[] values() {
    return values.clone();
  }

  // ---------------------------------------------------------------- derived matrices

  /**
   * @return a matrix with the same structure and the given values (copied), one per stored entry in storage
   *     order; the structure arrays are shared, which is safe because neither matrix changes them
   */
  public CsrMatrix withValues(float[] newValues) {
    if (newValues.length != values.length) {
      throw new IllegalArgumentException(newValues.length + " values for " + values.length + " stored entries");
    }
    return new CsrMatrix(rows, cols, indptr, indices, newValues.clone());
  }

  /**
   * @return the {@code cols x rows} transpose in canonical form (a counting sort by column, O(nnz)); within each
   *     row of the result, entries keep the order of the rows they came from
   */
  public CsrMatrix transpose() {
    int nnz = nnz();
    int[] tptr = new int[cols + 1];
    for (int p = 0; p < nnz; p++) {
      tptr[indices[p] + 1]++;
    }
    for (int c = 0; c < cols; c++) {
      tptr[c + 1] += tptr[c];
    }
    int[] next = Arrays.copyOf(tptr, cols);
    int[] tind = new int[nnz];
    float[] tval = new float[nnz];
    for (int r = 0; r < rows; r++) {
      for (int p = indptr[r]; p < indptr[r + 1]; p++) {
        int q = next[indices[p]]++;
        tind[q] = r;
        tval[q] = values[p];
      }
    }
    return new CsrMatrix(cols, rows, tptr, tind, tval);
  }

  /**
   * @return the matrix as a dense row-major {@code rows x cols} array (for tests and small matrices)
   * @throws IllegalStateException if {@code rows * cols} does not fit in an array
   */
  public float[] toDense() {
    long size = (long) rows * cols;
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("a dense " + rows + " x " + cols + " matrix does not fit in one array");
    }
    float[] dense = new float[(int) size];
    for (int r = 0; r < rows; r++) {
      for (int p = indptr[r]; p < indptr[r + 1]; p++) {
        dense[r * cols + indices[p]] = values[p];
      }
    }
    return dense;
  }

  // ---------------------------------------------------------------- value semantics

  /**
   * Two matrices are equal when they have the same shape, the same stored entries and bit-identical values (as
   * {@link Arrays#equals(float[], float[])}: {@code NaN} equals {@code NaN}, {@code 0.0f} differs from
   * {@code -0.0f}). An explicit zero is a stored entry, so it makes a matrix differ from one without it.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof CsrMatrix m && rows == m.rows && cols == m.cols && Arrays.equals(indptr, m.indptr)
        && Arrays.equals(indices, m.indices) && Arrays.equals(values, m.values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * rows + cols) + Arrays.hashCode(indices)) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "CsrMatrix{" + rows + " x " + cols + ", " + nnz() + " nonzeros}";
  }

  // ---------------------------------------------------------------- builder

  /**
   * Appends rows one at a time; the arrays grow as needed and {@link #build} hands them to the matrix. Not
   * thread-safe: use one builder per shard and {@link CsrMatrix#vstack} the results.
   */
  public static final class Builder {
    private final int cols;
    private int rows;
    private int[] indptr;
    private int[] indices;
    private float[] values;
    private boolean built;

    private Builder(int cols, int pointers, int nnz) {
      checkShape(0, cols);
      this.cols = cols;
      this.indptr = new int[Math.max(2, pointers)];
      this.indices = new int[nnz];
      this.values = new float[nnz];
    }

    /** Appends a row from its full arrays ({@code columns.length} entries). */
    public Builder addRow(int[] columns, float[] rowValues) {
      if (columns.length != rowValues.length) {
        throw new IllegalArgumentException(columns.length + " columns but " + rowValues.length + " values");
      }
      return addRow(columns, rowValues, columns.length);
    }

    /**
     * Appends a row whose first {@code count} entries are {@code columns[i]}, {@code rowValues[i]}; columns
     * must increase strictly and lie in {@code [0, cols)}. The arrays are copied, so they can be reused.
     *
     * @throws IllegalArgumentException naming the row and column of a violation
     */
    public Builder addRow(int[] columns, float[] rowValues, int count) {
      if (built) {
        throw new IllegalStateException("the matrix was already built");
      }
      checkRow(rows, cols, columns, 0, count);
      int start = indptr[rows];
      long end = (long) start + count;
      if (end > Integer.MAX_VALUE - 8 || rows >= Integer.MAX_VALUE - 10) {
        throw new IllegalStateException("a CSR matrix holds fewer than 2^31 - 8 rows and nonzeros");
      }
      if (end > indices.length) {
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(Math.max(end, 64), 2L * indices.length));
        indices = Arrays.copyOf(indices, capacity);
        values = Arrays.copyOf(values, capacity);
      }
      if (rows + 2 > indptr.length) {
        indptr = Arrays.copyOf(indptr, (int) Math.min(Integer.MAX_VALUE - 8, 2L * indptr.length));
      }
      System.arraycopy(columns, 0, indices, start, count);
      System.arraycopy(rowValues, 0, values, start, count);
      indptr[++rows] = (int) end;
      return this;
    }

    /** @return the number of rows appended so far */
    public int rows() {
      return rows;
    }

    /** @return the matrix of the rows appended; the builder cannot be used afterwards */
    public CsrMatrix build() {
      if (built) {
        throw new IllegalStateException("the matrix was already built");
      }
      built = true;
      int nnz = indptr[rows];
      // arrays that are exactly full are handed over as they are: the builder can no longer touch them
      return new CsrMatrix(rows, cols, trim(indptr, rows + 1), trim(indices, nnz), trim(values, nnz));
    }

    private static int[] trim(int[] a, int length) {
      return a.length == length ? a : Arrays.copyOf(a, length);
    }

    private static float[] trim(float[] a, int length) {
      return a.length == length ? a : Arrays.copyOf(a, length);
    }
  }
}
