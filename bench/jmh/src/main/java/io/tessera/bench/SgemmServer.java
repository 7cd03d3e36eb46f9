package io.tessera.bench;

import io.tessera.engine.ComputeEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Java side of {@code bench/sgemm}: a long-lived process that answers one command per stdin line, so the
 * script can interleave it with numpy in the same run, with the JIT warm across measurements.
 *
 * <ul>
 *   <li>{@code info THREADS} prints the engine's description;</li>
 *   <li>{@code gemm N THREADS SECONDS} multiplies two random N x N matrices repeatedly for at least SECONDS
 *       and prints the GFLOP/s of that batch;</li>
 *   <li>{@code peak THREADS SECONDS} prints the GFLOP/s of a register-only FMA loop on THREADS threads (the
 *       machine's practical FMA ceiling for the preferred species);</li>
 *   <li>{@code quit} ends the process.</li>
 * </ul>
 */
public final class SgemmServer {
  private static final VectorSpecies<Float> PEAK_SPECIES = FloatVector.SPECIES_PREFERRED;
  /** Where the FMA loops' results go, so that C2 cannot drop them. */
  private static volatile float sink;

  private final Map<Integer, ComputeEngine> engines = new HashMap<>();
  private final Map<Integer, float[][]> operands = new HashMap<>();

  private SgemmServer() {
  }

  /** Runs the command loop on stdin/stdout. */
  public static void main(String[] args) throws Exception {
    String engineName = args.length > 0 ? args[0] : "simd";
    SgemmServer server = new SgemmServer();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      String[] w = line.trim().split("\\s+");
      switch (w[0]) {
        case "info" -> out.println(server.engine(engineName, Integer.parseInt(w[1])).description());
        case "gemm" -> out.println(String.format(Locale.ROOT, "%.3f", server.gemm(engineName,
            Integer.parseInt(w[1]), Integer.parseInt(w[2]), Double.parseDouble(w[3]))));
        case "peak" -> out.println(String.format(Locale.ROOT, "%.3f",
            peak(Integer.parseInt(w[1]), Double.parseDouble(w[2]))));
        case "quit" -> {
          server.engines.values().forEach(ComputeEngine::close);
          return;
        }
        default -> out.println("error: unknown command " + w[0]);
      }
    }
  }

  private ComputeEngine engine(String name, int threads) {
    return engines.computeIfAbsent(threads, t -> Engines.create(name, t));
  }

  private double gemm(String name, int n, int threads, double seconds) {
    ComputeEngine engine = engine(name, threads);
    float[][] abc = operands.computeIfAbsent(n, SgemmBenchmarks::operands);
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    int reps = 0;
    long now;
    do {
      SgemmBenchmarks.multiply(engine, abc, n);
      reps++;
      now = System.nanoTime();
    } while (now < deadline);
    return 2.0 * n * n * n * reps / (now - start);
  }

  /** Twelve independent FMA chains per thread: enough to cover the FMA latency on two pipes. */
  private static double peak(int threads, double seconds) throws InterruptedException {
    long iterations = 2_000_000L;
    for (int warm = 0; warm < 50; warm++) {
      fmaLoop(iterations / 100); // let C2 compile the loop before it is timed
    }
    double[] rates = new double[threads];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int id = t;
      workers[t] = new Thread(() -> {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long done = 0;
        float total = 0;
        do {
          total += fmaLoop(iterations);
          done += iterations;
        } while (System.nanoTime() < deadline);
        rates[id] = done * 12.0 * PEAK_SPECIES.length() * 2 / (System.nanoTime() - start);
        sink = total;
      });
      workers[t].start();
    }
    double total = 0;
    for (int t = 0; t < threads; t++) {
      workers[t].join();
      total += rates[t];
    }
    return total;
  }

  private static float fmaLoop(long iterations) {
    FloatVector a0 = FloatVector.broadcast(PEAK_SPECIES, 1f);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    FloatVector a4 = a0;
    FloatVector a5 = a0;
    FloatVector a6 = a0;
    FloatVector a7 = a0;
    FloatVector a8 = a0;
    FloatVector a9 = a0;
    FloatVector a10 = a0;
    FloatVector a11 = a0;
    FloatVector x = FloatVector.broadcast(PEAK_SPECIES, 0.999999f);
    FloatVector y = FloatVector.broadcast(PEAK_SPECIES, 1e-7f);
    for (long i = 0; i < iterations; i++) {
      a0 = a0.fma(x, y);
      a1 = a1.fma(x, y);
      a2 = a2.fma(x, y);
      a3 = a3.fma(x, y);
      a4 = a4.fma(x, y);
      a5 = a5.fma(x, y);
      a6 = a6.fma(x, y);
      a7 = a7.fma(x, y);
      a8 = a8.fma(x, y);
      a9 = a9.fma(x, y);
      a10 = a10.fma(x, y);
      a11 = a11.fma(x, y);
    }
    return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
        .reduceLanes(VectorOperators.ADD);
  }
}
