package io.tessera.cli;

import io.tessera.api.Tessera;
import io.tessera.engine.ComputeEngine;
import io.tessera.engine.Transpose;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code tessera bench engine}: single-precision GEMM throughput of the active engine, the figure that bounds how
 * fast the dense models train. Each size gets a warm-up run (C2 must compile the kernels first), then the best of
 * a few timed runs is reported.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
    header = "Measure sgemm GFLOP/s on the active engine.",
    description = {"Measures sgemm GFLOP/s (C = A * B, n x n, float) on the active engine: a warm-up run, then "
        + "the best of a few runs per size."})
final class BenchEngineCommand extends TesseraCommand {
  /** Small multiplies that get the kernels compiled before anything is timed: at least this many, for this long. */
  private static final int WARM_UP_SIZE = 256;
  private static final int WARM_UP_RUNS = 5;
  private static final Duration WARM_UP = Duration.ofMillis(500);

  @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "512,1024",
      description = "Matrix sizes (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(names = "--repeats", paramLabel = "R", defaultValue = "5",
      description = "Timed runs per size; the best counts (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--compare", description = "Also measure the scalar reference engine and show the speed-up.")
  boolean compare;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  /** One measured size. */
  record Result(int n, double bestMillis, double gflops) {
  }

  @Override
  int run(Tessera tessera) {
    for (int n : sizes) {
      if (n < 1 || n > 8192) {
        throw new ParameterException(spec.commandLine(),
            "--sizes: each size must lie in [1, 8192], got " + n);
      }
    }
    if (repeats < 1) {
      throw new ParameterException(spec.commandLine(), "--repeats must be at least 1");
    }
    ComputeEngine engine = tessera.engine();
    List<Result> active = measure(engine, repeats);
    List<Result> scalar = List.of();
    boolean compared = compare && !"scalar".equals(engine.name());
    if (compared) {
      try (Tessera reference = root().open("scalar")) {
        // One timed run: the reference is 10 to 100 times slower, and its figure only sets the scale.
        scalar = measure(reference.engine(), 1);
      }
    }
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("engine", engine.name());
      m.put("description", engine.description());
      m.put("threads", engine.threads());
      m.put("repeats", repeats);
      m.put("results", asJson(active));
      if (compared) {
        m.put("scalar", asJson(scalar));
      }
      printJson(m);
      return ExitCodes.OK;
    }
    PrintWriter out = out();
    out.printf("sgemm on %s: %s%n", engine.name(), engine.description());
    print(out, active);
    if (compared) {
      out.printf("%nsgemm on scalar (reference, one timed run):%n");
      print(out, scalar);
      Result last = active.getLast();
      Result base = scalar.getLast();
      out.printf(Locale.ROOT, "%n%s is %.1fx the scalar engine at n=%d%n", engine.name(),
          last.gflops() / base.gflops(), last.n());
    } else if (compare) {
      out.println("(--compare: the active engine is the scalar engine already)");
    }
    out.flush();
    return ExitCodes.OK;
  }

  private List<Result> measure(ComputeEngine engine, int runs) {
    warmUp(engine);
    List<Result> results = new ArrayList<>();
    for (int n : sizes) {
      float[][] abc = matrices(n);
      // Each size takes its own code path (packed or not, threaded or not): warm that path up too.
      long warmUntil = System.nanoTime() + WARM_UP.toNanos();
      do {
        gemm(engine, n, abc);
      } while (System.nanoTime() < warmUntil);
      long best = Long.MAX_VALUE;
      for (int r = 0; r < runs; r++) {
        long t0 = System.nanoTime();
        gemm(engine, n, abc);
        best = Math.min(best, System.nanoTime() - t0);
      }
      double flops = 2.0 * n * n * n;
      results.add(new Result(n, best / 1e6, flops / best));
    }
    return results;
  }

  /** Multiplies small matrices until C2 has had time to compile the kernels, so no timed run pays for it. */
  private static void warmUp(ComputeEngine engine) {
    float[][] abc = matrices(WARM_UP_SIZE);
    long until = System.nanoTime() + WARM_UP.toNanos();
    int done = 0;
    while (done < WARM_UP_RUNS || System.nanoTime() < until) {
      gemm(engine, WARM_UP_SIZE, abc);
      done++;
    }
  }

  private static void gemm(ComputeEngine engine, int n, float[][] abc) {
    engine.gemm(Transpose.NO, Transpose.NO, n, n, n, 1f, abc[0], 0, n, abc[1], 0, n, 0f, abc[2], 0, n);
  }

  private static float[][] matrices(int n) {
    SplittableRandom random = new SplittableRandom(n);
    float[] a = new float[n * n];
    float[] b = new float[n * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) (random.nextDouble() - 0.5);
      b[i] = (float) (random.nextDouble() - 0.5);
    }
    return new float[][] {a, b, new float[n * n]};
  }

  private static void print(PrintWriter out, List<Result> results) {
    out.printf("  %6s  %10s  %9s%n", "n", "best ms", "GFLOP/s");
    for (Result r : results) {
      out.printf(Locale.ROOT, "  %6d  %10.2f  %9.2f%n", r.n(), r.bestMillis(), r.gflops());
    }
  }

  private static List<Object> asJson(List<Result> results) {
    List<Object> list = new ArrayList<>();
    for (Result r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("n", r.n());
      m.put("best_ms", r.bestMillis());
      m.put("gflops", r.gflops());
      list.add(m);
    }
    return list;
  }
}
