package io.tessera.internal.text.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading mapped regions in chunks: {@link MappedSlice}. */
class MappedSliceTest {
  @TempDir
  Path dir;

  @Test
  void readsAcrossChunkBordersGiveTheStoredValues() throws IOException {
    // 13 header bytes, then 100 ints; 16-byte chunks put a border after every 4 ints.
    ByteBuffer b = ByteBuffer.allocate(13 + 400).order(ByteOrder.LITTLE_ENDIAN);
    b.position(13);
    for (int i = 0; i < 100; i++) {
      b.putInt(i * 1_000_003 - 7);
    }
    Path file = Files.write(dir.resolve("ints.bin"), b.array());
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      MappedSlice slice = MappedSlice.map(ch, 13, 400, 4);
      assertThat(slice.length()).isEqualTo(400);
      for (int from = 0; from < 100; from += 7) {
        int n = Math.min(13, 100 - from);
        int[] out = new int[n];
        slice.getInts(from, out, n);
        for (int k = 0; k < n; k++) {
          assertThat(out[k]).isEqualTo((from + k) * 1_000_003 - 7).isEqualTo(slice.getInt(from + k));
        }
      }
      MappedSlice longs = MappedSlice.map(ch, 13, 400, 3);
      assertThat(longs.getLong(1)).isEqualTo(((long) (3 * 1_000_003 - 7) << 32) | (2 * 1_000_003 - 7));
    }
  }
}
