package io.tessera.text.korean;

import io.tessera.engine.ScalarEngine;
import io.tessera.io.TextCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

/**
 * Measures Korean morpheme tokenization throughput on NSMC with 1 and 2 threads, interleaved. Not a test: run by
 * hand from the module directory after {@code mvn -pl text-korean -am test-compile}:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:../api/target/classes:$(lucene and slf4j jars) \
 *     io.tessera.text.korean.KoreanThroughput ../../shared/data/nsmc/ratings_train.tsv.gz [rounds]
 * </pre>
 *
 * <p>The documents are read into memory first (reading is not what is measured) and cut into a fixed number of
 * shards that the engine's threads take in turn, so both thread counts do exactly the same work. Throughput is
 * UTF-8 megabytes (10^6 bytes) of document text and tokens per second of wall time, best of the rounds; each round
 * also prints how many cores the process kept busy (CPU time over wall time), which tells a slow round on a shared
 * machine from a slow tokenizer.
 */
public final class KoreanThroughput {
  private static final int SHARDS = 64;

  private KoreanThroughput() {
  }

  /**
   * @param args the NSMC file, then optionally the number of timed rounds per thread count (default 3)
   */
  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<String> docs;
    try (Stream<String> s = TextCorpus.column(file, "document")) {
      docs = s.toList();
    }
    long bytes = 0;
    for (String d : docs) {
      bytes += d.getBytes(StandardCharsets.UTF_8).length;
    }
    KoreanTokenizer tokenizer = KoreanTokenizer.withDefaults();
    report("documents %d, %.2f MB UTF-8, tokenizer %s%n", docs.size(), bytes / 1e6, tokenizer.options());
    double[] best = new double[3];
    long tokens = 0;
    for (int round = -1; round < rounds; round++) {
      for (int threads = 1; threads <= 2; threads++) {
        try (ScalarEngine engine = new ScalarEngine(threads)) {
          AtomicLongArray perShard = new AtomicLongArray(SHARDS);
          Duration cpu0 = cpuTime();
          long t0 = System.nanoTime();
          engine.parallelFor(SHARDS, shard -> {
            int from = (int) ((long) docs.size() * shard / SHARDS);
            int to = (int) ((long) docs.size() * (shard + 1) / SHARDS);
            long[] n = new long[1];
            for (int i = from; i < to; i++) {
              tokenizer.forEachToken(docs.get(i), tok -> n[0]++);
            }
            perShard.set(shard, n[0]);
          });
          double seconds = (System.nanoTime() - t0) / 1e9;
          double cores = (cpuTime().toNanos() - cpu0.toNanos()) / 1e9 / seconds;
          tokens = 0;
          for (int s = 0; s < SHARDS; s++) {
            tokens += perShard.get(s);
          }
          String label = round < 0 ? "warm-up" : "round " + (round + 1);
          report("%-8s threads %d: %.2f s, %.2f MB/s, %.0f tokens/s, %.2f cores busy%n", label, threads, seconds,
              bytes / 1e6 / seconds, tokens / seconds, cores);
          if (round >= 0 && (best[threads] == 0 || seconds < best[threads])) {
            best[threads] = seconds;
          }
        }
      }
    }
    report("best: 1 thread %.2f MB/s %.0f tokens/s; 2 threads %.2f MB/s %.0f tokens/s; speed-up %.2fx (%d tokens)%n",
        bytes / 1e6 / best[1], tokens / best[1], bytes / 1e6 / best[2], tokens / best[2], best[1] / best[2], tokens);
  }

  /** CPU time of the whole process (all threads, GC and JIT included); shows whether the threads got their cores. */
  private static Duration cpuTime() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private static void report(String format, Object... args) {
    System.out.printf(Locale.ROOT, format, args);
  }
}
