package io.tessera.bench;

import io.tessera.engine.ComputeEngine;
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
 * The scalar reference SGEMM, single-shot and capped at n = 1024: it runs at about 1 GFLOP/s, so n = 2048
 * would take tens of seconds per call. It exists to show the size of the gap, not to be tuned.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1)
public class ScalarSgemmBenchmarks {
  @Param({"256", "512", "1024"})
  public int n;

  private ComputeEngine e;
  private float[][] abc;

  /** Creates the engine and random operands. */
  @Setup(Level.Trial)
  public void setUp() {
    e = Engines.create("scalar", 1);
    abc = SgemmBenchmarks.operands(n);
  }

  /** Closes the engine. */
  @TearDown(Level.Trial)
  public void tearDown() {
    e.close();
  }

  /** One product. */
  @Benchmark
  public float[] sgemm() {
    return SgemmBenchmarks.multiply(e, abc, n);
  }
}
