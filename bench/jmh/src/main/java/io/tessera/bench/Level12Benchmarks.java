package io.tessera.bench;

import io.tessera.engine.ComputeEngine;
import io.tessera.engine.Transpose;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** dot and axpy on vectors of n elements, gemv on an n x n matrix (both transposes), simd against scalar. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class Level12Benchmarks {
  @Param({"simd", "scalar"})
  public String engine;

  @Param({"256", "512", "1024", "2048"})
  public int n;

  private ComputeEngine e;
  private float[] x;
  private float[] y;
  private float[] a;

  /** Creates the engine (one thread: level 1 and 2 kernels run on the caller) and random operands. */
  @Setup(Level.Trial)
  public void setUp() {
    e = Engines.create(engine, 1);
    SplittableRandom random = new SplittableRandom(n);
    x = new float[n];
    y = new float[n];
    a = new float[n * n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) random.nextDouble();
      y[i] = (float) random.nextDouble();
    }
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) random.nextDouble();
    }
  }

  /** Closes the engine. */
  @TearDown(Level.Trial)
  public void tearDown() {
    e.close();
  }

  /** @return x . y */
  @Benchmark
  public float dot() {
    return e.dot(n, x, 0, y, 0);
  }

  /** y += 1e-9 x (small alpha keeps y bounded over billions of calls). */
  @Benchmark
  public void axpy() {
    e.axpy(n, 1e-9f, x, 0, y, 0);
  }

  /** y = A x. */
  @Benchmark
  public void gemv() {
    e.gemv(Transpose.NO, n, n, 1f, a, 0, n, x, 0, 0f, y, 0);
  }

  /** y = A^T x. */
  @Benchmark
  public void gemvTransposed() {
    e.gemv(Transpose.YES, n, n, 1f, a, 0, n, x, 0, 0f, y, 0);
  }
}
