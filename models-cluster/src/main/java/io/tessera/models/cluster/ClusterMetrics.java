package io.tessera.models.cluster;

import java.util.Arrays;

/** External measures comparing two labellings of the same rows (e.g. found clusters against known classes). */
public final class ClusterMetrics {

  private ClusterMetrics() {
  }

  /**
   * The adjusted Rand index (Hubert and Arabie 1985) as scikit-learn's {@code adjusted_rand_score} computes
   * it: the Rand index corrected for chance, 1 for identical partitions (whatever the label values), about 0
   * for independent ones, and possibly negative. Label values are arbitrary ints (a noise label such as -1 is
   * one more group). Pair counts use {@code long} and the final ratio {@code double}, so it is exact up to
   * the last rounding for any number of rows.
   *
   * @param a one label per row
   * @param b another label per row, of the same length
   * @return the index; 1.0 when the partitions are identical, including the degenerate cases of fewer than
   *     two rows, everything in one group, or every row alone
   */
  public static double adjustedRandIndex(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("labellings differ in length: " + a.length + " and " + b.length);
    }
    int n = a.length;
    long sumA = pairsWithinGroups(Arrays.stream(a).asLongStream().toArray());
    long sumB = pairsWithinGroups(Arrays.stream(b).asLongStream().toArray());
    // Cells of the contingency table are runs of equal (a, b) pairs once the pairs are sorted.
    int[] ca = denseCodes(a);
    int[] cb = denseCodes(b);
    long[] cells = new long[n];
    for (int i = 0; i < n; i++) {
      cells[i] = ((long) ca[i] << 32) | cb[i];
    }
    long sumCells = pairsWithinGroups(cells);
    long total = (long) n * (n - 1) / 2;
    double expected = total == 0 ? 0 : (double) sumA * sumB / total;
    double max = (sumA + (double) sumB) / 2;
    if (max == expected) {
      // Happens only for identical trivial partitions (all together or all apart), where the ratio is 0/0.
      return 1.0;
    }
    return (sumCells - expected) / (max - expected);
  }

  /** @return sum over groups of C(size, 2), sorting {@code labels} in place */
  private static long pairsWithinGroups(long[] labels) {
    Arrays.sort(labels);
    long pairs = 0;
    for (int i = 0, j; i < labels.length; i = j) {
      j = i;
      while (j < labels.length && labels[j] == labels[i]) {
        j++;
      }
      pairs += (long) (j - i) * (j - i - 1) / 2;
    }
    return pairs;
  }

  /** @return each label's rank among the distinct labels, so codes are non-negative and below n */
  private static int[] denseCodes(int[] labels) {
    int[] distinct = Arrays.stream(labels).sorted().distinct().toArray();
    int[] codes = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      codes[i] = Arrays.binarySearch(distinct, labels[i]);
    }
    return codes;
  }
}
