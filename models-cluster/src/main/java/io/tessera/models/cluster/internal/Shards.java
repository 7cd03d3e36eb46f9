package io.tessera.models.cluster.internal;

/**
 * A fixed split of rows into consecutive shards, each a whole number of {@link CentreDistances#BLOCK_ROWS}
 * blocks. The split depends only on the data size and on how large a shard's partial result is, never on
 * the thread count: partial results merged in shard order then give the same bits on 1 or 64 threads.
 *
 * @param rows      the number of rows split
 * @param shardRows the rows per shard (the last shard may have fewer)
 * @param count     the number of shards
 */
record Shards(int rows, int shardRows, int count) {

  /** At most this many shards: enough to keep a large machine busy, few enough to merge quickly. */
  static final int MAX_SHARDS = 64;
  /** Partial results of all shards together stay under this many doubles (32 MiB). */
  static final long BUDGET_DOUBLES = 4L << 20;

  /**
   * @param rows             the number of rows
   * @param partialPerShard  the size, in doubles, of one shard's partial result (e.g. k x d centroid sums)
   * @return the split
   */
  static Shards plan(int rows, long partialPerShard) {
    long byMemory = BUDGET_DOUBLES / Math.max(1, partialPerShard);
    int maxShards = (int) Math.max(1, Math.min(MAX_SHARDS, byMemory));
    int block = CentreDistances.BLOCK_ROWS;
    long perShard = Math.max(1, ((long) rows + maxShards - 1) / maxShards);
    int shardRows = (int) Math.min(Integer.MAX_VALUE - block, (perShard + block - 1) / block * block);
    int count = Math.max(1, (int) (((long) rows + shardRows - 1) / shardRows));
    return new Shards(rows, shardRows, count);
  }

  /** @return the first row of shard {@code s} */
  int from(int s) {
    return s * shardRows;
  }

  /** @return one past the last row of shard {@code s} */
  int to(int s) {
    return (int) Math.min(rows, (long) (s + 1) * shardRows);
  }
}
