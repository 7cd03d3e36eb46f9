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

/**
 * C = A B for n x n matrices on the SIMD engine with 1 and 2 threads. GFLOP/s = 2 n^3 / time. The scalar
 * reference has its own class ({@link ScalarSgemmBenchmarks}) because it is far too slow for these sizes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SgemmBenchmarks {
  @Param({"256", "512", "1024", "2048"})
  public int n;

  @Param({"1", "2"})
  public int threads;

  private ComputeEngine e;
  private float[][] abc;

  /** Creates the engine and random operands. */
  @Setup(Level.Trial)
  public void setUp() {
    e = Engines.create("simd", threads);
    abc = operands(n);
  }

  /** Closes the engine. */
  @TearDown(Level.Trial)
  public void tearDown() {
    e.close();
  }

  /** One product. */
  @Benchmark
  public float[] sgemm() {
    return multiply(e, abc, n);
  }

  /** C = A B for {@code abc = {A, B, C}}, all n x n; returns C. */
  static float[] multiply(ComputeEngine engine, float[][] abc, int n) {
    engine.gemm(Transpose.NO, Transpose.NO, n, n, n, 1f, abc[0], 0, n, abc[1], 0, n, 0f, abc[2], 0, n);
    return abc[2];
  }

  /** @return {A, B, C}: two random n x n matrices (seeded by n) and room for their product */
  static float[][] operands(int n) {
    SplittableRandom random = new SplittableRandom(n);
    float[][] m = new float[3][n * n];
    for (int i = 0; i < n * n; i++) {
      m[0][i] = (float) random.nextDouble();
      m[1][i] = (float) random.nextDouble();
    }
    return m;
  }
}
