package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link NumpyArgsort} gives NumPy's permutations, ties included, on the arrays of {@code numpy-argsort.tsv}
 * (sizes 1 to 3000 around the insertion-sort cut-off, 2 to 100 distinct values, constant and presorted arrays).
 */
class NumpyArgsortTest {

  @Test
  void reproducesNumpysPermutationForArraysWithManyTies() throws IOException {
    List<String> lines = Files.readAllLines(VectorizerFixtures.resource("numpy-argsort.tsv"), StandardCharsets.UTF_8);
    int cases = 0;
    for (String line : lines) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      long[] values = Arrays.stream(parts[0].split(",")).mapToLong(Long::parseLong).toArray();
      int[] expected = Arrays.stream(parts[1].split(",")).mapToInt(Integer::parseInt).toArray();
      assertThat(NumpyArgsort.argsort(values)).as("argsort of %d values (case %d)", values.length, cases)
          .containsExactly(expected);
      cases++;
    }
    assertThat(cases).isEqualTo(34);
  }

  @Test
  void sortsAscendingWhateverTheTies() {
    long[] values = {5, -1, 5, 3, 3, 9, -1, 0, 5, 2, 2, 2, 7, 1, 4, 6, 8, 3, 3, 5, 0, -2};
    int[] order = NumpyArgsort.argsort(values);
    for (int i = 1; i < order.length; i++) {
      assertThat(values[order[i - 1]]).isLessThanOrEqualTo(values[order[i]]);
    }
    assertThat(Arrays.stream(order).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, 22).toArray());
    assertThat(NumpyArgsort.argsort(new long[0])).isEmpty();
  }
}
