package io.tessera.models.cluster.internal;

import io.tessera.api.BadInputException;
import io.tessera.api.CancellationToken;
import io.tessera.engine.ComputeEngine;
import io.tessera.io.NumericTable;
import io.tessera.models.cluster.FeatureScaling;
import io.tessera.models.cluster.KMeansConfig;
import io.tessera.models.cluster.KMeansModel;
import io.tessera.spi.Progress;
import io.tessera.spi.Trainer;
import io.tessera.spi.TrainingContext;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * K-Means by Lloyd's algorithm with scikit-learn's semantics (1.2): greedy k-means++ or random seeding,
 * assignment and centroid update per iteration, relocation of empty clusters, convergence when the labels
 * stop changing or the squared centre shift falls to {@code tol} times the mean feature variance, and the
 * best of {@code n_init} runs by inertia.
 *
 * <p>Speed: the assignment step gets the {@code x.c} products of 256-row blocks from the engine's GEMM and
 * takes each row's argmin straight from the block ({@link CentreDistances}). Determinism: rows are split into
 * {@link Shards} that do not depend on the thread count, each shard accumulates centroid sums in
 * {@code double}, and shards are merged in order, so any number of threads gives identical bits.
 */
public final class KMeansTrainer implements Trainer<NumericTable, KMeansConfig, KMeansModel> {

  private static final Logger LOG = LoggerFactory.getLogger(KMeansTrainer.class);

  @Override
  public KMeansModel fit(NumericTable input, KMeansConfig config, TrainingContext context) {
    return fit(input, config, context, null);
  }

  /**
   * Trains from the given initial centres instead of {@code config.init()}, as scikit-learn does with an
   * array {@code init}: a single run (so {@code n_init} is ignored) that reproduces another implementation's
   * run from the same start.
   *
   * @param initialCentres {@code k x d} values, row-major, in the scaled feature space
   */
  public KMeansModel fitFrom(NumericTable input, KMeansConfig config, TrainingContext context,
                             float[] initialCentres) {
    Objects.requireNonNull(initialCentres, "initialCentres");
    if (initialCentres.length != config.k() * input.cols()) {
      throw new IllegalArgumentException("initial centres need k x d = " + config.k() + " x " + input.cols()
          + " values, got " + initialCentres.length);
    }
    for (float v : initialCentres) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("initial centres must be finite, found " + v);
      }
    }
    return fit(input, config, context, initialCentres);
  }

  private static KMeansModel fit(NumericTable input, KMeansConfig config, TrainingContext context, float[] given) {
    Tables.requireFiniteRows(input);
    if (config.k() > input.rows()) {
      throw BadInputException.parameter("k", config.k() + " clusters need at least as many rows; the table has "
          + input.rows());
    }
    FeatureScaling scaling = config.scale() == KMeansConfig.Scale.STANDARD
        ? FeatureScaling.fitStandard(input) : FeatureScaling.none(input.cols());
    Data data = new Data(input, scaling, context, config.k());
    int runs = given != null ? 1 : config.nInit();
    SplittableRandom initStream = context.random("init");
    Run best = null;
    try (Progress progress = context.progress("kmeans", runs, "runs")) {
      for (int run = 0; run < runs; run++) {
        float[] start = given != null ? data.centred(given)
            : config.init() == KMeansConfig.Init.RANDOM ? randomRows(data, config.k(), initStream.split())
            : plusPlus(data, config.k(), initStream.split(), context.cancellation());
        Run r = lloyd(data, start, config, run, progress, context.cancellation());
        // Runs converge after an unknown number of iterations, well before max_iter: only runs make an honest total.
        progress.advance(1);
        progress.epochFinished(run + 1, Map.of("inertia", r.inertia, "iterations", (double) r.iterations));
        LOG.debug("k-means run {}/{}: inertia {} after {} iterations ({})", run + 1, runs, r.inertia,
            r.iterations, r.stop);
        if (best == null || r.inertia < best.inertia) {
          best = r;
        }
      }
    }
    KMeansModel model = new KMeansModel(context.card(), input.columns(), scaling, data.uncentred(best.centres),
        best.labels, input.labels(), best.inertia, best.iterations);
    long empty = Arrays.stream(model.clusterSizes()).filter(size -> size == 0).count();
    if (empty > 0) {
      LOG.warn("k-means found only {} non-empty clusters of k={}: the data has fewer distinct rows than k",
          config.k() - empty, config.k());
    }
    return model;
  }

  /** Why a run stopped. */
  private enum Stop {
    LABELS_STABLE("labels stable"), WITHIN_TOL("centre shift within tol"), MAX_ITER("max_iter reached");

    private final String text;

    Stop(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** The outcome of one run; centres are in the centred space of {@link Data}. */
  private record Run(float[] centres, int[] labels, double inertia, int iterations, Stop stop) {
  }

  private static Run lloyd(Data data, float[] initial, KMeansConfig config, int run, Progress progress,
                           CancellationToken cancellation) {
    int n = data.n;
    int k = config.k();
    float[] centres = initial;
    float[] next = new float[k * data.d];
    int[] labels = new int[n];
    int[] previous = new int[n];
    Arrays.fill(previous, -1);
    float[] distances = new float[n];
    Sums sums = new Sums(data.shards.count(), k, data.d);
    double tolerance = config.tol() * data.meanVariance;
    Stop stop = Stop.MAX_ITER;
    int iterations = 0;
    while (iterations < config.maxIter()) {
      cancellation.throwIfCancelled("k-means run " + (run + 1) + ", iteration " + (iterations + 1));
      double inertia = data.assign(centres, k, labels, distances, sums);
      relocateEmptyClusters(data, sums, labels, distances);
      double shift = sums.centresInto(centres, next);
      float[] swap = centres;
      centres = next;
      next = swap;
      iterations++;
      progress.advance(0, Map.of("inertia", inertia, "iteration", (double) iterations));
      if (Arrays.equals(labels, previous)) {
        stop = Stop.LABELS_STABLE;
        break;
      }
      if (shift <= tolerance) {
        stop = Stop.WITHIN_TOL;
        break;
      }
      System.arraycopy(labels, 0, previous, 0, n);
    }
    // Unless the labels were already stable, assign once more so the labels match the final centres; the
    // reported inertia is then summed exactly, not from the GEMM form.
    if (stop != Stop.LABELS_STABLE) {
      data.assign(centres, k, labels, distances, null);
    }
    double inertia = data.inertia(centres, labels);
    return new Run(centres, labels, inertia, iterations, stop);
  }

  /**
   * Gives each empty cluster a row, as scikit-learn does: the rows farthest from their assigned (old) centres,
   * the farthest to the lowest-numbered empty cluster, each moved out of its cluster's sums. Labels are left
   * as assigned, like scikit-learn's. A cluster emptied by losing its only row keeps its previous centre
   * (scikit-learn would leave it at the zero vector of its centred space, i.e. the data mean).
   */
  private static void relocateEmptyClusters(Data data, Sums sums, int[] labels, float[] distances) {
    int[] empty = sums.emptyClusters();
    if (empty.length == 0) {
      return;
    }
    int[] far = farthest(distances, empty.length);
    for (int t = 0; t < empty.length; t++) {
      sums.move(data.x, far[t], labels[far[t]], empty[t]);
    }
    LOG.debug("relocated {} empty cluster(s) to the farthest rows", empty.length);
  }

  /** @return the indices of the {@code m} largest distances, largest first, lower index first on ties */
  static int[] farthest(float[] distances, int m) {
    PriorityQueue<Integer> heap = new PriorityQueue<>(m + 1, (a, b) -> distances[a] != distances[b]
        ? Float.compare(distances[a], distances[b]) : Integer.compare(b, a));
    for (int i = 0; i < distances.length; i++) {
      heap.add(i);
      if (heap.size() > m) {
        heap.poll();
      }
    }
    int[] out = new int[heap.size()];
    for (int t = out.length - 1; t >= 0; t--) {
      out[t] = heap.poll();
    }
    return out;
  }

  /** @return {@code k} distinct rows drawn uniformly (Floyd's algorithm: O(k) draws and memory) */
  private static float[] randomRows(Data data, int k, SplittableRandom random) {
    Set<Integer> chosen = new LinkedHashSet<>();
    for (int j = data.n - k; j < data.n; j++) {
      int t = random.nextInt(j + 1);
      chosen.add(chosen.contains(t) ? j : t);
    }
    float[] centres = new float[k * data.d];
    int c = 0;
    for (int row : chosen) {
      System.arraycopy(data.x, row * data.d, centres, c++ * data.d, data.d);
    }
    return centres;
  }

  /**
   * Greedy k-means++ (scikit-learn's {@code _kmeans_plusplus}): the first centre is a uniform row; each next
   * one is the best of {@code 2 + floor(ln k)} rows drawn with probability proportional to their squared
   * distance to the nearest centre so far, "best" meaning the lowest resulting potential (sum of those
   * distances).
   */
  private static float[] plusPlus(Data data, int k, SplittableRandom random, CancellationToken cancellation) {
    int n = data.n;
    int d = data.d;
    int trials = 2 + (int) Math.log(k);
    float[] centres = new float[k * d];
    float[] closest = new float[n];
    Arrays.fill(closest, Float.POSITIVE_INFINITY);
    float[] chosen = new float[d];
    System.arraycopy(data.x, random.nextInt(n) * d, chosen, 0, d);
    System.arraycopy(chosen, 0, centres, 0, d);
    double potential = data.potentials(chosen, 1, closest, true)[0];
    double[] cumulative = new double[n];
    float[] candidates = new float[trials * d];
    int[] ids = new int[trials];
    for (int c = 1; c < k; c++) {
      cancellation.throwIfCancelled("k-means++ seeding, centre " + (c + 1) + " of " + k);
      double running = 0;
      for (int i = 0; i < n; i++) {
        running += closest[i];
        cumulative[i] = running;
      }
      for (int t = 0; t < trials; t++) {
        ids[t] = firstAtLeast(cumulative, random.nextDouble() * potential);
        System.arraycopy(data.x, ids[t] * d, candidates, t * d, d);
      }
      double[] potentials = data.potentials(candidates, trials, closest, false);
      int best = 0;
      for (int t = 1; t < trials; t++) {
        if (potentials[t] < potentials[best]) {
          best = t;
        }
      }
      System.arraycopy(data.x, ids[best] * d, chosen, 0, d);
      System.arraycopy(chosen, 0, centres, c * d, d);
      potential = data.potentials(chosen, 1, closest, true)[0];
    }
    return centres;
  }

  /** @return the first index whose cumulative value reaches {@code v} (numpy's searchsorted), clipped to the end */
  static int firstAtLeast(double[] cumulative, double v) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] >= v) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * The training rows prepared once per fit: scaled, then centred on their mean in {@code double} (as
   * scikit-learn does), which keeps the GEMM form of the distances accurate in {@code float}.
   */
  private static final class Data {
    final int n;
    final int d;
    final float[] x;
    final double[] offset;
    final double meanVariance;
    final float[] normsSq;
    final Shards shards;
    final ComputeEngine engine;

    Data(NumericTable input, FeatureScaling scaling, TrainingContext context, int k) {
      this.n = input.rows();
      this.d = input.cols();
      this.engine = context.engine();
      this.x = new float[n * d];
      scaling.apply(input.values(), 0, x, 0, n);
      this.offset = new double[d];
      for (int i = 0; i < n; i++) {
        for (int f = 0; f < d; f++) {
          offset[f] += x[i * d + f];
        }
      }
      double[] variance = new double[d];
      for (int f = 0; f < d; f++) {
        offset[f] /= n;
      }
      for (int i = 0; i < n; i++) {
        for (int f = 0; f < d; f++) {
          double dev = x[i * d + f] - offset[f];
          variance[f] += dev * dev;
          x[i * d + f] = (float) dev;
        }
      }
      this.meanVariance = Arrays.stream(variance).sum() / n / d;
      this.normsSq = new float[n];
      for (int i = 0; i < n; i++) {
        normsSq[i] = (float) Distances.squaredNorm(x, i * d, d);
      }
      this.shards = Shards.plan(n, (long) k * d + k);
    }

    float[] centred(float[] centres) {
      float[] out = new float[centres.length];
      for (int i = 0; i < centres.length; i++) {
        out[i] = (float) (centres[i] - offset[i % d]);
      }
      return out;
    }

    float[] uncentred(float[] centres) {
      float[] out = new float[centres.length];
      for (int i = 0; i < centres.length; i++) {
        out[i] = (float) (centres[i] + offset[i % d]);
      }
      return out;
    }

    /**
     * Assigns every row to its nearest centre, recording its squared distance (GEMM form, accurate enough to
     * rank rows for relocation and to report progress), and, when {@code sums} is given, accumulates the rows
     * into per-shard centroid sums and merges them in shard order.
     *
     * @return the sum of the recorded distances
     */
    double assign(float[] centres, int k, int[] labels, float[] distances, Sums sums) {
      CentreDistances near = new CentreDistances(engine, centres, k, d);
      double[] total = new double[shards.count()];
      engine.parallelFor(shards.count(), s -> {
        double[] sum = sums == null ? null : sums.clearShard(s);
        long[] count = sums == null ? null : sums.counts[s];
        forEachBlock(near, s, (from, rows, block) -> {
          double acc = 0;
          for (int r = 0; r < rows; r++) {
            int i = from + r;
            int c = near.nearest(block, r);
            labels[i] = c;
            distances[i] = near.distance(block, r, c, normsSq[i]);
            acc += distances[i];
            if (sum != null) {
              count[c]++;
              int row = i * d;
              int centre = c * d;
              for (int f = 0; f < d; f++) {
                sum[centre + f] += x[row + f];
              }
            }
          }
          total[s] += acc;
        });
      });
      if (sums != null) {
        sums.merge();
      }
      return Arrays.stream(total).sum();
    }

    /** What to do with the distances of one block: rows {@code [from, from + rows)}, see {@link #forEachBlock}. */
    @FunctionalInterface
    interface BlockBody {
      void accept(int from, int rows, float[] block);
    }

    /** Walks shard {@code s} block by block, handing each block's {@link CentreDistances#products} to {@code body}. */
    void forEachBlock(CentreDistances near, int s, BlockBody body) {
      float[] block = near.newBlockBuffer();
      int end = shards.to(s);
      for (int from = shards.from(s); from < end; from += CentreDistances.BLOCK_ROWS) {
        int rows = Math.min(CentreDistances.BLOCK_ROWS, end - from);
        near.products(x, from, rows, block);
        body.accept(from, rows, block);
      }
    }

    /** @return the sum of squared distances from each row to the centre it is labelled with */
    double inertia(float[] centres, int[] labels) {
      double[] partial = new double[shards.count()];
      engine.parallelFor(shards.count(), s -> {
        double acc = 0;
        for (int i = shards.from(s); i < shards.to(s); i++) {
          acc += Distances.squared(x, i * d, centres, labels[i] * d, d);
        }
        partial[s] = acc;
      });
      return Arrays.stream(partial).sum();
    }

    /**
     * For each of {@code m} candidate centres, the potential {@code sum_i min(closest[i], |x_i - c|^2)};
     * with {@code update} (and {@code m == 1}) also lowers {@code closest} to the new minimum.
     */
    double[] potentials(float[] candidates, int m, float[] closest, boolean update) {
      CentreDistances near = new CentreDistances(engine, candidates, m, d);
      double[][] partial = new double[shards.count()][m];
      engine.parallelFor(shards.count(), s -> forEachBlock(near, s, (from, rows, block) -> {
        double[] pot = partial[s];
        for (int r = 0; r < rows; r++) {
          int i = from + r;
          for (int t = 0; t < m; t++) {
            float v = Math.min(closest[i], Math.max(0f, normsSq[i] + block[r * m + t]));
            pot[t] += v;
            if (update) {
              closest[i] = v;
            }
          }
        }
      }));
      double[] total = new double[m];
      for (double[] p : partial) {
        for (int t = 0; t < m; t++) {
          total[t] += p[t];
        }
      }
      return total;
    }
  }

  /** Centroid sums and counts: one partial per shard, and their merge in shard order. */
  private static final class Sums {
    final int k;
    final int d;
    final double[][] sums;
    final long[][] counts;
    final double[] merged;
    final long[] mergedCounts;

    Sums(int shards, int k, int d) {
      this.k = k;
      this.d = d;
      this.sums = new double[shards][k * d];
      this.counts = new long[shards][k];
      this.merged = new double[k * d];
      this.mergedCounts = new long[k];
    }

    double[] clearShard(int s) {
      Arrays.fill(sums[s], 0);
      Arrays.fill(counts[s], 0);
      return sums[s];
    }

    void merge() {
      Arrays.fill(merged, 0);
      Arrays.fill(mergedCounts, 0);
      for (int s = 0; s < sums.length; s++) {
        for (int j = 0; j < merged.length; j++) {
          merged[j] += sums[s][j];
        }
        for (int c = 0; c < k; c++) {
          mergedCounts[c] += counts[s][c];
        }
      }
    }

    int[] emptyClusters() {
      return IntStream.range(0, k).filter(c -> mergedCounts[c] == 0).toArray();
    }

    /** Moves row {@code i} of {@code x} from cluster {@code from} to the empty cluster {@code to}. */
    void move(float[] x, int i, int from, int to) {
      for (int f = 0; f < d; f++) {
        merged[from * d + f] -= x[i * d + f];
        merged[to * d + f] = x[i * d + f];
      }
      mergedCounts[from]--;
      mergedCounts[to] = 1;
    }

    /**
     * Writes the new centres (sum / count; a cluster without rows keeps its old centre) into {@code next}.
     *
     * @return the summed squared shift of the centres
     */
    double centresInto(float[] old, float[] next) {
      double shift = 0;
      for (int c = 0; c < k; c++) {
        for (int f = 0; f < d; f++) {
          int j = c * d + f;
          next[j] = mergedCounts[c] == 0 ? old[j] : (float) (merged[j] / mergedCounts[c]);
          double diff = (double) next[j] - old[j];
          shift += diff * diff;
        }
      }
      return shift;
    }
  }
}
