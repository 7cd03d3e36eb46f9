package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowSortTest {
  @Test
  void sortsDistinctValuesOfAnyLengthAndOrderAsArraysSortDoes() {
    Random random = new Random(7);
    for (int n : new int[] {0, 1, 2, 3, 24, 25, 26, 100, 1000, 5000}) {
      for (String order : new String[] {"random", "ascending", "descending", "organ pipe"}) {
        long[] a = random.longs(n * 3L).distinct().limit(n).toArray();
        if (a.length < n) {
          continue;
        }
        switch (order) {
          case "ascending" -> Arrays.sort(a);
          case "descending" -> {
            Arrays.sort(a);
            for (int i = 0; i < n / 2; i++) {
              long t = a[i];
              a[i] = a[n - 1 - i];
              a[n - 1 - i] = t;
            }
          }
          case "organ pipe" -> {
            Arrays.sort(a);
            long[] pipe = new long[n];
            for (int i = 0; i < n; i++) {
              pipe[i % 2 == 0 ? i / 2 : n - 1 - i / 2] = a[i];
            }
            a = pipe;
          }
          default -> { }
        }
        long[] expected = a.clone();
        Arrays.sort(expected);
        long[] padded = Arrays.copyOf(a, n + 5);
        RowSort.sort(padded, n);
        assertThat(Arrays.copyOf(padded, n)).as("%d values, %s", n, order).isEqualTo(expected);
      }
    }
  }
}
