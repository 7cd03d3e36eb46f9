import io.tessera.api.Tessera;
import io.tessera.engine.ComputeEngine;
import io.tessera.engine.Transpose;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Tessera side of the {@code sgemm} bench case (bench/cases/sgemm.toml): a long-lived JVM that answers one
 * request per stdin line with one JSON line, so that bench/run can interleave it with numpy while the JIT stays
 * warm. The engine comes from the platform exactly as an application gets it ({@code Tessera.builder()}).
 *
 * <p>Launched from source by the JDK against the launcher's jars (no build of its own):
 * {@code java --module-path build/launcher/lib --add-modules io.tessera.api,jdk.incubator.vector
 * SgemmServer.java --threads T [--engine auto]}.
 *
 * <ul>
 *   <li>{@code info}: the engine's description (species, lanes, FMA, threads), vector bits, the JVM and its flags;</li>
 *   <li>{@code gemm N SECONDS}: multiplies two random N x N matrices for at least SECONDS, answers the GFLOP/s
 *       of that batch and the product's residual (see {@link #residual});</li>
 *   <li>{@code peak SECONDS}: the GFLOP/s of a register-only FMA loop on every engine thread: the practical
 *       ceiling of the preferred vector species.</li>
 * </ul>
 * End of input ends the process.
 */
public final class SgemmServer {
  private static final VectorSpecies<Float> PEAK_SPECIES = FloatVector.SPECIES_PREFERRED;
  /** Where the FMA loops' results go, so that C2 cannot drop them. */
  private static volatile float sink;

  private final ComputeEngine engine;
  private final Map<Integer, float[][]> operands = new HashMap<>();

  private SgemmServer(ComputeEngine engine) {
    this.engine = engine;
  }

  /** Runs the request loop on stdin/stdout. */
  public static void main(String[] args) throws Exception {
    int threads = 0;
    String engineName = "auto";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--engine" -> engineName = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (threads < 1 || args.length % 2 != 0) {
      throw new IllegalArgumentException("usage: SgemmServer --threads T [--engine auto|simd|scalar]");
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (Tessera tessera = Tessera.builder().threads(threads).engine(engineName).build()) {
      SgemmServer server = new SgemmServer(tessera.engine());
      for (String line; (line = in.readLine()) != null; ) {
        String[] w = line.trim().split("\\s+");
        try {
          out.println(switch (w[0]) {
            case "info" -> server.info();
            case "gemm" -> server.gemm(Integer.parseInt(w[1]), Double.parseDouble(w[2]));
            case "peak" -> String.format(Locale.ROOT, "{\"gflops\": %.3f}", peak(threads, Double.parseDouble(w[1])));
            default -> "error: unknown request " + w[0];
          });
        } catch (RuntimeException e) {
          out.println("error: " + line + ": " + e);
        }
      }
    }
  }

  private String info() {
    // The description names the engine, species, lanes, FMA and threads already.
    return String.format(Locale.ROOT, "{\"engine\": %s, \"vector_bits\": %d, \"java\": %s, \"jvm_flags\": %s}",
        quote(engine.description()), engine.vectorBits(),
        quote(Runtime.version() + " " + System.getProperty("java.vm.name")),
        quote(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())));
  }

  private String gemm(int n, double seconds) {
    float[][] abc = operands.computeIfAbsent(n, SgemmServer::operands);
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    int products = 0;
    long now;
    do {
      engine.gemm(Transpose.NO, Transpose.NO, n, n, n, 1f, abc[0], 0, n, abc[1], 0, n, 0f, abc[2], 0, n);
      products++;
      now = System.nanoTime();
    } while (now < deadline);
    double gflops = 2.0 * n * n * n * products / (now - start);
    return String.format(Locale.ROOT, "{\"gflops\": %.3f, \"products\": %d, \"residual\": %.3e}", gflops, products,
        residual(abc, n));
  }

  /**
   * ||C x - A (B x)|| / ||A (B x)|| in double precision for a fixed random x: a cheap check (O(n^2)) that C is
   * the product, comparable with the numpy side's same figure. Float32 rounding puts it near 1e-7.
   */
  private static double residual(float[][] abc, int n) {
    SplittableRandom random = new SplittableRandom(7);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextDouble();
    }
    double[] bx = multiply(abc[1], x, n);
    double[] abx = multiply(abc[0], bx, n);
    double[] cx = multiply(abc[2], x, n);
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < n; i++) {
      diff += (cx[i] - abx[i]) * (cx[i] - abx[i]);
      norm += abx[i] * abx[i];
    }
    return Math.sqrt(diff / norm);
  }

  private static double[] multiply(float[] m, double[] x, int n) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += m[i * n + j] * x[j];
      }
      y[i] = s;
    }
    return y;
  }

  /** {A, B, C}: two random n x n matrices with entries in [0, 1) (seeded by n) and room for their product. */
  private static float[][] operands(int n) {
    SplittableRandom random = new SplittableRandom(n);
    float[][] m = new float[3][n * n];
    for (int i = 0; i < n * n; i++) {
      m[0][i] = (float) random.nextDouble();
      m[1][i] = (float) random.nextDouble();
    }
    return m;
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
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
