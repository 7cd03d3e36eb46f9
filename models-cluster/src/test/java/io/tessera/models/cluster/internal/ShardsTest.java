package io.tessera.models.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardsTest {

  @ParameterizedTest(name = "{0} rows, partial of {1} doubles")
  @CsvSource({"1, 10", "255, 10", "256, 10", "257, 10", "100000, 10", "100000, 1000000", "3000000, 20",
      "2147483647, 1"})
  @DisplayName("shards cover every row once, in whole blocks, within the shard and memory limits")
  void coverRowsInWholeBlocks(int rows, long partial) {
    Shards shards = Shards.plan(rows, partial);

    assertThat(shards.from(0)).isZero();
    for (int s = 1; s < shards.count(); s++) {
      assertThat(shards.from(s)).isEqualTo(shards.to(s - 1));
    }
    assertThat(shards.to(shards.count() - 1)).isEqualTo(rows);
    assertThat(shards.to(shards.count() - 1)).isGreaterThan(shards.from(shards.count() - 1));
    assertThat(shards.shardRows() % CentreDistances.BLOCK_ROWS).isZero();
    assertThat(shards.count()).isBetween(1, Shards.MAX_SHARDS);
    assertThat(shards.count() == 1 || shards.count() * partial <= Shards.BUDGET_DOUBLES).isTrue();
  }
}
