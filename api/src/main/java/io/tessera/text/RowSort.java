package io.tessera.text;

/**
 * Sorts the packed entries of one matrix row (distinct longs) in ascending order. A small quicksort with insertion
 * sort for short ranges: rows hold tens to hundreds of entries, and this compact code is compiled quickly, where
 * {@link java.util.Arrays#sort(long[], int, int)} inlines a large general-purpose sort into every caller that the
 * JIT compiler must then optimise, which costs a short command a noticeable share of its time.
 */
final class RowSort {
  private static final int INSERTION = 24;

  private RowSort() {
  }

  /** Sorts {@code a[0, n)}; the values must be distinct. */
  static void sort(long[] a, int n) {
    int lo = 0;
    int hi = n - 1;
    while (hi - lo > INSERTION) {
      int p = partition(a, lo, hi);
      if (p - lo < hi - p) { // recurse into the smaller side, loop on the larger: the stack stays logarithmic
        sort(a, lo, p + 1);
        lo = p + 1;
      } else {
        sort(a, p + 1, hi + 1);
        hi = p;
      }
    }
    insertion(a, lo, hi);
  }

  private static void sort(long[] a, int from, int to) {
    if (to - from > INSERTION) {
      int p = partition(a, from, to - 1);
      sort(a, from, p + 1);
      sort(a, p + 1, to);
    } else {
      insertion(a, from, to - 1);
    }
  }

  /** Hoare partition around the median of the ends and the middle; returns p with a[lo..p] <= a[p+1..hi]. */
  private static int partition(long[] a, int lo, int hi) {
    int mid = (lo + hi) >>> 1;
    long x = a[lo];
    long y = a[mid];
    long z = a[hi];
    long pivot = x < y ? (y < z ? y : Math.max(x, z)) : (x < z ? x : Math.max(y, z));
    int i = lo - 1;
    int j = hi + 1;
    while (true) {
      do {
        i++;
      } while (a[i] < pivot);
      do {
        j--;
      } while (a[j] > pivot);
      if (i >= j) {
        return j;
      }
      long t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static void insertion(long[] a, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
      long v = a[i];
      int j = i - 1;
      while (j >= lo && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }
}
