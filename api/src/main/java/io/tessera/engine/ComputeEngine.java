package io.tessera.engine;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * The numeric kernels every model family trains on: BLAS-like levels 1 to 3 on {@code float[]} with
 * offsets and leading dimensions, element-wise activations with their derivatives, row-wise softmax, and
 * parallel execution on the engine's own compute pool.
 *
 * <p>All matrices are <b>row-major</b>: element {@code (i, j)} of a matrix stored at offset {@code off} with
 * leading dimension {@code ld} is {@code a[off + i * ld + j]}. Vectors are contiguous from their offset.
 * Output arrays may not alias input arrays unless a method says so.
 *
 * <p>Results promise: the same engine, vector width, thread count and inputs give identical bits. Kernels
 * that reduce (dot, sum, nrm2, gemm) may round differently from {@link ScalarEngine}; twin tests bound the
 * difference. {@link #parallelFor} runs a fixed set of tasks whose boundaries the caller chooses, so callers
 * that cut work into a fixed number of shards get results independent of {@link #threads()}.
 *
 * <p>Engines are thread-safe. An engine owns a dedicated pool (never the common ForkJoin pool) and must be
 * {@linkplain #close() closed} by whoever created it.
 */
public interface ComputeEngine extends AutoCloseable {

  /** @return the engine's id, as in {@link ComputeEngineProvider#name()} (e.g. {@code scalar}, {@code simd}) */
  String name();

  /** @return a one-line description: species, float lanes, FMA, threads */
  String description();

  /** @return the number of float lanes in one vector register (1 for a scalar engine) */
  int floatLanes();

  /** @return the vector width in bits the kernels use (32 for a scalar engine) */
  default int vectorBits() {
    return floatLanes() * Float.SIZE;
  }

  /** @return the number of worker threads of this engine's pool */
  int threads();

  // ---------------------------------------------------------------- level 1

  /** @return {@code sum(x[i] * y[i])} over {@code n} elements */
  float dot(int n, float[] x, int xOff, float[] y, int yOff);

  /** {@code y[i] += alpha * x[i]} over {@code n} elements. */
  void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff);

  /** {@code x[i] *= alpha} over {@code n} elements. */
  void scal(int n, float alpha, float[] x, int xOff);

  /** @return the Euclidean norm of {@code n} elements, computed without overflow for large values */
  float nrm2(int n, float[] x, int xOff);

  /** @return the sum of {@code n} elements */
  float sum(int n, float[] x, int xOff);

  /**
   * @return the index (0-based, relative to {@code xOff}) of the largest of {@code n >= 1} elements; the first
   *     one on ties; NaN is never chosen unless all elements are NaN (then 0)
   */
  int argmax(int n, float[] x, int xOff);

  // ---------------------------------------------------------------- level 2

  /**
   * {@code y = alpha * op(A) * x + beta * y}, with {@code A} stored as {@code m x n}; {@code op(A)} is
   * {@code A} ({@code y} has m elements, {@code x} has n) or its transpose ({@code y} has n, {@code x} has m).
   * With {@code beta == 0} the old contents of {@code y} are ignored (NaN does not propagate).
   */
  void gemv(Transpose trans, int m, int n, float alpha, float[] a, int aOff, int lda,
            float[] x, int xOff, float beta, float[] y, int yOff);

  // ---------------------------------------------------------------- level 3

  /**
   * {@code C = alpha * op(A) * op(B) + beta * C} where {@code op(A)} is {@code m x k}, {@code op(B)} is
   * {@code k x n} and {@code C} is {@code m x n}. {@code A} is stored {@code m x k} (or {@code k x m} when
   * transposed) with leading dimension {@code lda}; likewise {@code B}. With {@code beta == 0} the old
   * contents of {@code C} are ignored. May use all of the engine's threads.
   */
  void gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float beta, float[] c, int cOff, int ldc);

  // ---------------------------------------------------------------- sparse
  // Default methods (the reference implementations, on parallelRows), so that an engine written before the sparse
  // kernels existed still compiles and works; an engine overrides them to go faster, with the same bits.

  /**
   * Sparse times dense: {@code C = alpha * op(A) * B + beta * C}, where {@code A} is a CSR matrix
   * ({@code m x k}), {@code op(A)} is {@code A} or its transpose, {@code B} is dense row-major with {@code n}
   * columns ({@code k x n}, or {@code m x n} when transposed) and {@code C} is dense row-major ({@code m x n}, or
   * {@code k x n} when transposed). With {@code beta == 0} the old contents of {@code C} are ignored.
   *
   * <p>Each element of {@code C} is a sum over the stored entries of one row of {@code op(A)}, taken in
   * increasing order of their column (for the transpose: of the rows of {@code A} they came from). Rows of
   * {@code C} are independent and may be computed by all of the engine's threads; the result does not depend on
   * the thread count. The transposed product transposes {@code A} first (O(nnz) time and memory): callers that
   * multiply by the same transpose repeatedly should call {@link CsrMatrix#transpose()} once and pass
   * {@link Transpose#NO}.
   */
  default void csrmm(Transpose transA, float alpha, CsrMatrix a, float[] b, int bOff, int ldb, int n,
                     float beta, float[] c, int cOff, int ldc) {
    CsrMatrix s = sparseOperand(transA, a, ldb, n, ldc);
    parallelRows(s.rows(), sparseRowsPerTask(), (from, to) -> {
      double[] acc = new double[n];
      for (int i = from; i < to; i++) {
        Arrays.fill(acc, 0);
        for (int p = s.rowStart(i); p < s.rowEnd(i); p++) {
          double v = s.value(p);
          int br = bOff + s.column(p) * ldb;
          for (int j = 0; j < n; j++) {
            acc[j] += v * b[br + j];
          }
        }
        int cr = cOff + i * ldc;
        for (int j = 0; j < n; j++) {
          float old = beta == 0f ? 0f : beta * c[cr + j];
          c[cr + j] = (float) (alpha * acc[j]) + old;
        }
      }
    });
  }

  /** @return the rows per task of the default sparse kernels */
  private static int sparseRowsPerTask() {
    return 256;
  }

  private static CsrMatrix sparseOperand(Transpose transA, CsrMatrix a, int ldb, int n, int ldc) {
    Objects.requireNonNull(transA, "transA");
    if (n < 0 || ldb < n || ldc < n) {
      throw new IllegalArgumentException("csrmm: need 0 <= n <= ldb and n <= ldc, got n=" + n + ", ldb=" + ldb
          + ", ldc=" + ldc);
    }
    return transA == Transpose.NO ? a : a.transpose();
  }

  /**
   * Writes the {@link Norm#L1} or {@link Norm#L2} norm of every row of {@code a} to
   * {@code out[outOff + row]}; an empty row has norm 0. Sums are formed in {@code double}, as
   * {@link CsrMatrix#rowNorm} does, so every engine gives the same bits.
   *
   * @throws IllegalArgumentException for {@link Norm#NONE}
   */
  default void csrRowNorms(CsrMatrix a, Norm norm, float[] out, int outOff) {
    if (norm == Norm.NONE) {
      throw new IllegalArgumentException("Norm.NONE has no value to compute");
    }
    Objects.checkFromIndexSize(outOff, a.rows(), out.length);
    parallelRows(a.rows(), sparseRowsPerTask(), (from, to) -> {
      for (int i = from; i < to; i++) {
        out[outOff + i] = a.rowNorm(i, norm);
      }
    });
  }

  /**
   * @return a matrix with the structure of {@code a} whose row {@code i} is multiplied by
   *     {@code factors[off + i]} (one float multiplication per entry, so every engine gives the same bits). To
   *     normalize rows, pass the reciprocals of {@link #csrRowNorms}, replacing zero norms by 1.
   */
  default CsrMatrix csrScaleRows(CsrMatrix a, float[] factors, int off) {
    Objects.checkFromIndexSize(off, a.rows(), factors.length);
    float[] scaled = new float[a.nnz()];
    parallelRows(a.rows(), sparseRowsPerTask(), (from, to) -> {
      for (int i = from; i < to; i++) {
        float f = factors[off + i];
        for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
          scaled[p] = a.value(p) * f;
        }
      }
    });
    return a.withValues(scaled);
  }

  // ---------------------------------------------------------------- element-wise

  /** {@code z[i] = x[i] + y[i]}; {@code z} may alias {@code x} or {@code y}. */
  void add(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff);

  /** {@code z[i] = x[i] * y[i]} (Hadamard product); {@code z} may alias {@code x} or {@code y}. */
  void mul(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff);

  /** {@code y[i] = f(x[i])}; {@code y} may alias {@code x}. */
  void activate(Activation f, int n, float[] x, int xOff, float[] y, int yOff);

  /**
   * Back-propagates through an activation: {@code dx[i] = dy[i] * f'(x[i])}, where {@code y[i] = f(x[i])} is
   * the forward output (engines may use it, e.g. {@code sigmoid' = y (1 - y)}). {@code dx} may alias
   * {@code dy}.
   */
  void activateBackward(Activation f, int n, float[] x, int xOff, float[] y, int yOff,
                        float[] dy, int dyOff, float[] dx, int dxOff);

  /**
   * Row-wise softmax of a {@code rows x cols} matrix (max-subtracted, so large inputs do not overflow);
   * {@code y} may alias {@code x}.
   */
  void softmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy);

  /** Row-wise log-softmax (computed as {@code x - max - log(sum(exp(x - max)))}); {@code y} may alias {@code x}. */
  void logSoftmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy);

  /**
   * Back-propagates through a row-wise softmax with outputs {@code y}:
   * {@code dx[r, j] = y[r, j] * (dy[r, j] - sum_k dy[r, k] * y[r, k])}. {@code dx} may alias {@code dy}.
   */
  void softmaxBackward(int rows, int cols, float[] y, int yOff, int ldy, float[] dy, int dyOff, int lddy,
                       float[] dx, int dxOff, int lddx);

  // ---------------------------------------------------------------- parallel execution

  /**
   * Runs {@code task.accept(i)} for every {@code i} in {@code [0, tasks)} on this engine's pool and returns
   * when all have finished. The first exception thrown by a task is rethrown (others are suppressed into it).
   * The caller decides what a task is (a block of rows, a shard of documents), so results that are merged in
   * task order do not depend on the thread count. Calls from inside a task run inline.
   */
  void parallelFor(int tasks, IntConsumer task);

  /**
   * Splits {@code rows} into consecutive blocks of {@code blockRows} (the last may be shorter) and runs
   * {@code body.run(from, to)} for each block via {@link #parallelFor}.
   */
  default void parallelRows(int rows, int blockRows, RowBlock body) {
    if (blockRows <= 0) {
      throw new IllegalArgumentException("blockRows must be positive, got " + blockRows);
    }
    int blocks = (rows + blockRows - 1) / blockRows;
    parallelFor(blocks, b -> body.run(b * blockRows, Math.min(rows, (b + 1) * blockRows)));
  }

  /** A unit of work over the rows {@code [from, to)}. */
  @FunctionalInterface
  interface RowBlock {
    /** Processes rows {@code from} (inclusive) to {@code to} (exclusive). */
    void run(int from, int to);
  }

  /** Shuts the engine's pool down. Idempotent. */
  @Override
  void close();
}
