package io.tessera.internal.text.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * A read-only, memory-mapped region of a file read as little-endian {@code int}s or {@code long}s, of any length:
 * one mapping cannot exceed 2 GB, so the region is mapped in chunks of a power-of-two size (a multiple of 8, so no
 * element straddles two chunks). Reads are thread-safe (absolute gets only).
 */
public final class MappedSlice {
  private static final int DEFAULT_CHUNK_SHIFT = 30;

  private final ByteBuffer[] chunks;
  private final int shift;
  private final long mask;
  private final long length;

  /** Maps {@code length} bytes of {@code channel} from byte {@code start}. */
  public static MappedSlice map(FileChannel channel, long start, long length) throws IOException {
    return new MappedSlice(channel, start, length, DEFAULT_CHUNK_SHIFT);
  }

  /** Maps with chunks of {@code 1 << chunkShift} bytes, so tests can cross chunk borders on small files. */
  static MappedSlice map(FileChannel channel, long start, long length, int chunkShift) throws IOException {
    return new MappedSlice(channel, start, length, chunkShift);
  }

  private MappedSlice(FileChannel channel, long start, long length, int chunkShift) throws IOException {
    if (chunkShift < 3 || chunkShift > 30) {
      throw new IllegalArgumentException("chunk shift " + chunkShift + " outside [3, 30]");
    }
    this.shift = chunkShift;
    this.mask = (1L << chunkShift) - 1;
    this.length = length;
    long chunk = 1L << chunkShift;
    int n = Math.toIntExact((length + chunk - 1) >>> chunkShift);
    chunks = new ByteBuffer[n];
    for (int i = 0; i < n; i++) {
      long from = (long) i << chunkShift;
      chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, start + from, Math.min(chunk, length - from))
          .order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  /** @return the region's length in bytes */
  public long length() {
    return length;
  }

  /** @return the {@code index}-th {@code int} of the region */
  public int getInt(long index) {
    long at = index * Integer.BYTES;
    return chunks[(int) (at >>> shift)].getInt((int) (at & mask));
  }

  /** @return the {@code index}-th {@code long} of the region */
  public long getLong(long index) {
    long at = index * Long.BYTES;
    return chunks[(int) (at >>> shift)].getLong((int) (at & mask));
  }

  /** Copies {@code count} ints starting at int {@code from} into {@code out[0, count)}, chunk by chunk. */
  public void getInts(long from, int[] out, int count) {
    long at = from * Integer.BYTES;
    int done = 0;
    while (done < count) {
      int c = (int) (at >>> shift);
      int within = (int) (at & mask);
      int n = Math.min(count - done, (chunks[c].limit() - within) / Integer.BYTES);
      chunks[c].slice(within, n * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out, done, n);
      done += n;
      at += (long) n * Integer.BYTES;
    }
  }
}
