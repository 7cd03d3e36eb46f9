package io.tessera.text;

/**
 * The permutation NumPy's default {@code argsort} (kind {@code quicksort}, an introsort) gives for an array of
 * 64-bit integers, equal elements included.
 *
 * <p>Why this exists: scikit-learn picks the {@code max_features} most frequent terms with
 * {@code (-tfs[mask]).argsort()[:max_features]}. That sort is not stable, so which of several terms tied at the
 * cut-off survive depends on the exact partitioning steps. Reproducing them (median-of-three pivot, Hoare-style
 * partition that stops on equal keys, insertion sort up to 16 elements, heapsort when the recursion depth
 * exceeds {@code 2 floor(log2 n)}) makes Tessera keep the same terms as scikit-learn. A fixture produced by NumPy
 * checks it.
 */
final class NumpyArgsort {
  private static final int SMALL = 15;

  private NumpyArgsort() {
  }

  /** @return the indices that sort {@code v} ascending, as {@code numpy.argsort(v)} returns them */
  static int[] argsort(long[] v) {
    int n = v.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (n > 1) {
      sort(v, order);
    }
    return order;
  }

  private static void sort(long[] v, int[] a) {
    int[] stack = new int[2 * 64];
    int[] depths = new int[64];
    int sp = 0;
    int dp = 0;
    int lo = 0;
    int hi = a.length - 1;
    int depth = 2 * (31 - Integer.numberOfLeadingZeros(a.length));
    while (true) {
      if (depth < 0) {
        heapsort(v, a, lo, hi - lo + 1);
      } else {
        while (hi - lo > SMALL) {
          int mid = lo + ((hi - lo) >> 1);
          if (v[a[mid]] < v[a[lo]]) {
            swap(a, mid, lo);
          }
          if (v[a[hi]] < v[a[mid]]) {
            swap(a, hi, mid);
          }
          if (v[a[mid]] < v[a[lo]]) {
            swap(a, mid, lo);
          }
          long pivot = v[a[mid]];
          int i = lo;
          int j = hi - 1;
          swap(a, mid, j);
          while (true) {
            do {
              i++;
            } while (v[a[i]] < pivot);
            do {
              j--;
            } while (pivot < v[a[j]]);
            if (i >= j) {
              break;
            }
            swap(a, i, j);
          }
          swap(a, i, hi - 1);
          // continue with the smaller side, remember the larger one
          if (i - lo < hi - i) {
            stack[sp++] = i + 1;
            stack[sp++] = hi;
            hi = i - 1;
          } else {
            stack[sp++] = lo;
            stack[sp++] = i - 1;
            lo = i + 1;
          }
          depths[dp++] = --depth;
        }
        insertionSort(v, a, lo, hi);
      }
      if (sp == 0) {
        return;
      }
      hi = stack[--sp];
      lo = stack[--sp];
      depth = depths[--dp];
    }
  }

  private static void insertionSort(long[] v, int[] a, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
      int moving = a[i];
      long key = v[moving];
      int j = i;
      while (j > lo && key < v[a[j - 1]]) {
        a[j] = a[j - 1];
        j--;
      }
      a[j] = moving;
    }
  }

  /** Heapsort of {@code a[from .. from + n)} with 1-based heap positions, as NumPy writes it. */
  private static void heapsort(long[] v, int[] a, int from, int n) {
    int base = from - 1;
    for (int l = n >> 1; l > 0; l--) {
      siftDown(v, a, base, l, n, a[base + l]);
    }
    for (int size = n; size > 1; ) {
      int last = a[base + size];
      a[base + size] = a[base + 1];
      size--;
      siftDown(v, a, base, 1, size, last);
    }
  }

  private static void siftDown(long[] v, int[] a, int base, int start, int n, int moving) {
    int i = start;
    int j = start << 1;
    while (j <= n) {
      if (j < n && v[a[base + j]] < v[a[base + j + 1]]) {
        j++;
      }
      if (v[moving] < v[a[base + j]]) {
        a[base + i] = a[base + j];
        i = j;
        j += j;
      } else {
        break;
      }
    }
    a[base + i] = moving;
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
