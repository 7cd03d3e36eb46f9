package io.tessera.engine.simd;

import io.tessera.engine.Activation;
import io.tessera.engine.ComputeEngine;
import io.tessera.engine.CsrMatrix;
import io.tessera.engine.Norm;
import io.tessera.engine.Transpose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vector API engine: every kernel of {@link ComputeEngine} on {@code FloatVector}s of one species
 * ({@link FloatSpecies}), with a blocked, packed, multi-threaded SGEMM ({@link Sgemm}) and its own compute
 * pool. Loaded by name from {@link SimdEngineProvider} only after the Vector API is known to be usable.
 *
 * <p>Determinism: for a given vector width, every result is independent of the thread count, because work is
 * split only across independent outputs (rows, columns, regions of C) and each output is always computed by
 * the same sequence of operations. Reductions and transcendentals use only IEEE basic operations in a fixed
 * order ({@link VectorMath}), so results are also the same before and after the JIT compiles the kernels.
 *
 * <p>Threads: {@link #parallelFor} runs tasks on the calling thread plus {@code threads - 1} dedicated pool
 * workers (daemon threads named {@code tessera-simd-*}); a task that calls {@code parallelFor} again runs the
 * inner loop inline. GEMM, large gemv and large softmax calls use the pool themselves.
 */
public final class SimdEngine implements ComputeEngine {
  private static final Logger LOG = LoggerFactory.getLogger(SimdEngine.class);

  private final ComputePool pool;
  private final Sgemm sgemm;

  /** Creates an engine with {@code threads} compute threads (the calling thread counts as one). */
  public SimdEngine(int threads) {
    this(threads, Sgemm.Blocking.standard());
  }

  SimdEngine(int threads, Sgemm.Blocking blocking) {
    this.pool = new ComputePool(threads);
    this.sgemm = new Sgemm(blocking, pool);
    LOG.debug("created {}", description());
  }

  @Override
  public String name() {
    return "simd";
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT,
        "simd engine: FloatVector %d-bit species (%d float lanes), %s, %d thread(s), sgemm %dx%d micro-kernel",
        FloatSpecies.F.vectorBitSize(), FloatSpecies.L, CpuFeatures.FMA, pool.threads(), Sgemm.MR, Sgemm.NR);
  }

  @Override
  public int floatLanes() {
    return FloatSpecies.L;
  }

  @Override
  public int threads() {
    return pool.threads();
  }

  // ---------------------------------------------------------------- level 1

  @Override
  public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
    return Level1.dot(n, x, xOff, y, yOff);
  }

  @Override
  public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
    Level1.axpy(n, alpha, x, xOff, y, yOff);
  }

  @Override
  public void scal(int n, float alpha, float[] x, int xOff) {
    Level1.scal(n, alpha, x, xOff);
  }

  @Override
  public float nrm2(int n, float[] x, int xOff) {
    return Level1.nrm2(n, x, xOff);
  }

  @Override
  public float sum(int n, float[] x, int xOff) {
    return Level1.sum(n, x, xOff);
  }

  @Override
  public int argmax(int n, float[] x, int xOff) {
    if (n < 1) {
      throw new IllegalArgumentException("argmax needs n >= 1, got " + n);
    }
    return Level1.argmax(n, x, xOff);
  }

  // ---------------------------------------------------------------- level 2 and 3

  @Override
  public void gemv(Transpose trans, int m, int n, float alpha, float[] a, int aOff, int lda,
                   float[] x, int xOff, float beta, float[] y, int yOff) {
    Objects.requireNonNull(trans, "trans");
    Gemv.run(pool, trans == Transpose.YES, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
  }

  @Override
  public void gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
                   float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                   float beta, float[] c, int cOff, int ldc) {
    Objects.requireNonNull(transA, "transA");
    Objects.requireNonNull(transB, "transB");
    sgemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
  }

  // ---------------------------------------------------------------- sparse

  @Override
  public void csrmm(Transpose transA, float alpha, CsrMatrix a, float[] b, int bOff, int ldb, int n,
                    float beta, float[] c, int cOff, int ldc) {
    Objects.requireNonNull(transA, "transA");
    if (n < 0 || ldb < n || ldc < n) {
      throw new IllegalArgumentException("csrmm: need 0 <= n <= ldb and n <= ldc, got n=" + n + ", ldb=" + ldb
          + ", ldc=" + ldc);
    }
    Sparse.csrmm(pool, transA == Transpose.NO ? a : a.transpose(), alpha, b, bOff, ldb, n, beta, c, cOff, ldc);
  }

  @Override
  public void csrRowNorms(CsrMatrix a, Norm norm, float[] out, int outOff) {
    Sparse.rowNorms(pool, a, norm, out, outOff);
  }

  @Override
  public CsrMatrix csrScaleRows(CsrMatrix a, float[] factors, int off) {
    return Sparse.scaleRows(pool, a, factors, off);
  }

  // ---------------------------------------------------------------- element-wise

  @Override
  public void add(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
    Level1.add(n, x, xOff, y, yOff, z, zOff);
  }

  @Override
  public void mul(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff) {
    Level1.mul(n, x, xOff, y, yOff, z, zOff);
  }

  @Override
  public void activate(Activation f, int n, float[] x, int xOff, float[] y, int yOff) {
    VectorActivations.forward(f, n, x, xOff, y, yOff);
  }

  @Override
  public void activateBackward(Activation f, int n, float[] x, int xOff, float[] y, int yOff,
                               float[] dy, int dyOff, float[] dx, int dxOff) {
    VectorActivations.backward(f, n, x, xOff, y, yOff, dy, dyOff, dx, dxOff);
  }

  @Override
  public void softmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
    VectorActivations.softmax(pool, rows, cols, x, xOff, ldx, y, yOff, ldy);
  }

  @Override
  public void logSoftmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
    VectorActivations.logSoftmax(pool, rows, cols, x, xOff, ldx, y, yOff, ldy);
  }

  @Override
  public void softmaxBackward(int rows, int cols, float[] y, int yOff, int ldy, float[] dy, int dyOff, int lddy,
                              float[] dx, int dxOff, int lddx) {
    VectorActivations.softmaxBackward(pool, rows, cols, y, yOff, ldy, dy, dyOff, lddy, dx, dxOff, lddx);
  }

  // ---------------------------------------------------------------- parallel execution

  @Override
  public void parallelFor(int tasks, IntConsumer task) {
    Objects.requireNonNull(task, "task");
    pool.parallelFor(tasks, task);
  }

  @Override
  public void close() {
    pool.close();
  }

  /** What the description says about fused multiply-add, read once from the OS where it tells. */
  private static final class CpuFeatures {
    static final String FMA = detectFma();

    private static String detectFma() {
      String arch = System.getProperty("os.arch", "");
      if (arch.equals("aarch64")) {
        return "FMA"; // every AArch64 core has fused multiply-add
      }
      Path cpuinfo = Path.of("/proc/cpuinfo");
      if (!Files.isReadable(cpuinfo)) {
        return "FMA unknown";
      }
      try (Stream<String> lines = Files.lines(cpuinfo)) {
        return lines.filter(l -> l.startsWith("flags")).findFirst()
            .map(l -> (" " + l.substring(l.indexOf(':') + 1) + " ").contains(" fma ") ? "FMA" : "no FMA (emulated)")
            .orElse("FMA unknown");
      } catch (IOException | java.io.UncheckedIOException e) {
        return "FMA unknown";
      }
    }
  }
}
