package io.tessera.internal.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A table from terms, as UTF-8 bytes, to dense ids in insertion order, for counting tokens without making a
 * string of each: the term bytes live in one growing array, and the slots (open addressing, linear probing) hold a
 * term's hash, id + 1 and its first seven bytes with its length, side by side. A probe reads one cache line, and
 * a term of up to seven bytes (most words) is recognised there without reading the term array, which is a cache
 * miss for all but the most frequent terms. A token is looked up with the hash its tokenizer computed while scanning it ({@link #hash}). Not
 * thread-safe while {@link #add} is called; once filled, concurrent {@link #get} calls are safe.
 */
public final class Utf8Terms {
  private static final int MIN_SLOTS = 1 << 10;

  private byte[] bytes;
  private int used;
  /** Term {@code id} is {@code bytes[offsets[id], offsets[id + 1])}. */
  private int[] offsets;
  private int[] hashes;
  /**
   * Per slot {@code s}: {@code slots[2s]} the hash (high half) and the id + 1 (low half; 0 for an empty slot),
   * {@code slots[2s + 1]} the term's {@link #key}.
   */
  private long[] slots;
  private int mask;
  private int size;

  /** Creates a table sized for {@code expected} terms without growing. */
  public Utf8Terms(int expected) {
    int capacity = Math.max(MIN_SLOTS, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) << 1);
    slots = new long[2 * capacity];
    mask = capacity - 1;
    offsets = new int[capacity / 2 + 1];
    hashes = new int[capacity / 2];
    bytes = new byte[Math.max(1 << 12, expected * 8)];
  }

  /** One step of the hash of a term's bytes: {@code h} so far, then byte {@code b}. */
  public static int step(int h, int b) {
    return 31 * h + (b & 0xff);
  }

  /** @return the hash of {@code b[from, to)}, as {@link #step} computes it byte by byte */
  public static int hash(byte[] b, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = step(h, b[i]);
    }
    return h;
  }

  /** Murmur3's finalizer: every bit of the hash moves the slot, so similar terms do not cluster. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  /** @return the term's first seven bytes (little-endian) with its length (up to 255) in the top byte */
  private static long key(byte[] b, int from, int to) {
    int length = to - from;
    long key = (long) Math.min(length, 255) << 56;
    for (int i = 0, n = Math.min(length, 7); i < n; i++) {
      key |= (b[from + i] & 0xffL) << (8 * i);
    }
    return key;
  }

  /**
   * @param hash {@link #hash} of the term
   * @return the id of the term {@code b[from, to)}, adding it with the next id if it is new
   */
  public int add(byte[] b, int from, int to, int hash) {
    int s = slot(b, from, to, hash);
    int e = (int) slots[2 * s];
    return e != 0 ? e - 1 : insert(b, from, to, hash, s);
  }

  /** @return the id of term {@code id} of {@code other} in this table, adding the term if it is new */
  public int add(Utf8Terms other, int id) {
    return add(other.bytes, other.offsets[id], other.offsets[id + 1], other.hashes[id]);
  }

  /** @return the id of the string {@code term}, adding it if it is new */
  public int add(String term) {
    byte[] b = term.getBytes(StandardCharsets.UTF_8);
    return add(b, 0, b.length, hash(b, 0, b.length));
  }

  /** @return the id of the term {@code b[from, to)} with hash {@code hash}, or -1 if it is not in the table */
  public int get(byte[] b, int from, int to, int hash) {
    return (int) slots[2 * slot(b, from, to, hash)] - 1;
  }

  /** @return the id of the string {@code term}, or -1 if it is not in the table */
  public int get(String term) {
    byte[] b = term.getBytes(StandardCharsets.UTF_8);
    return get(b, 0, b.length, hash(b, 0, b.length));
  }

  /** @return the slot that holds the term, or the empty slot where it would go */
  private int slot(byte[] b, int from, int to, int hash) {
    int s = mix(hash) & mask;
    long key = key(b, from, to);
    while (true) {
      long e = slots[2 * s];
      if ((int) e == 0) {
        return s;
      }
      if ((int) (e >>> 32) == hash && slots[2 * s + 1] == key) {
        int length = to - from;
        if (length <= 7) {
          return s;
        }
        int start = offsets[(int) e - 1];
        if (offsets[(int) e] - start == length && same(start + 7, b, from + 7, length - 7)) {
          return s;
        }
      }
      s = (s + 1) & mask;
    }
  }

  /**
   * Compares the stored bytes from {@code start} with {@code b[from, from + length)}: a plain loop, because terms
   * are short and {@link Arrays#equals(byte[], int, int, byte[], int, int)} costs more to set up than to run.
   */
  private boolean same(int start, byte[] b, int from, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[start + i] != b[from + i]) {
        return false;
      }
    }
    return true;
  }

  private int insert(byte[] b, int from, int to, int hash, int slot) {
    int id = size++;
    int length = to - from;
    if (id == hashes.length) {
      hashes = Arrays.copyOf(hashes, id * 2);
      offsets = Arrays.copyOf(offsets, id * 2 + 1);
    }
    if (used + length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(used + length, bytes.length * 2));
    }
    System.arraycopy(b, from, bytes, used, length);
    used += length;
    offsets[id + 1] = used;
    hashes[id] = hash;
    slots[2 * slot] = (long) hash << 32 | (id + 1);
    slots[2 * slot + 1] = key(b, from, to);
    if (size * 2 > mask + 1) {
      rehash();
    }
    return id;
  }

  /** Doubles the slots, keeping the load factor at most 1/2 so that probe sequences stay short. */
  private void rehash() {
    int capacity = 2 * (mask + 1);
    if (capacity <= 0 || 2 * capacity <= 0) {
      throw new IllegalStateException("more than 2^29 distinct terms");
    }
    long[] grown = new long[2 * capacity];
    int m = capacity - 1;
    for (int id = 0; id < size; id++) {
      int s = mix(hashes[id]) & m;
      while ((int) grown[2 * s] != 0) {
        s = (s + 1) & m;
      }
      grown[2 * s] = (long) hashes[id] << 32 | (id + 1);
      grown[2 * s + 1] = key(bytes, offsets[id], offsets[id + 1]);
    }
    slots = grown;
    mask = m;
  }

  /**
   * Sorts {@code ids} by their terms' bytes, compared unsigned and a prefix first: UTF-8 keeps code-point order, so
   * this is the terms' code-point order (Python's {@code str} order) without making a string of each. An MSD radix
   * sort on the bytes, with insertion sort for small groups.
   */
  public void sortByBytes(int[] ids) {
    radixSort(ids, new int[ids.length], 0, ids.length, 0);
  }

  /** Sorts {@code ids[from, to)}, whose terms share their first {@code depth} bytes. */
  private void radixSort(int[] ids, int[] scratch, int from, int to, int depth) {
    if (to - from < 32) {
      insertionSort(ids, from, to, depth);
      return;
    }
    // Bucket 0 holds the terms that end at depth (they sort first), bucket 1 + b those whose next byte is b.
    int[] start = new int[258];
    for (int i = from; i < to; i++) {
      start[byteAt(ids[i], depth) + 2]++;
    }
    for (int b = 1; b < start.length; b++) {
      start[b] += start[b - 1];
    }
    for (int i = from; i < to; i++) {
      scratch[from + start[byteAt(ids[i], depth) + 1]++] = ids[i];
    }
    System.arraycopy(scratch, from, ids, from, to - from);
    // start[b] is now the end of bucket b; bucket 0 (ended terms) holds at most one term, so it needs no sort.
    for (int b = 1; b < 257; b++) {
      int lo = from + start[b - 1];
      int hi = from + start[b];
      if (hi - lo > 1) {
        radixSort(ids, scratch, lo, hi, depth + 1);
      }
    }
  }

  private void insertionSort(int[] ids, int from, int to, int depth) {
    for (int i = from + 1; i < to; i++) {
      int id = ids[i];
      int j = i - 1;
      while (j >= from && compareFrom(ids[j], id, depth) > 0) {
        ids[j + 1] = ids[j];
        j--;
      }
      ids[j + 1] = id;
    }
  }

  /** @return byte {@code depth} of term {@code id} (0..255), or -1 when the term is shorter */
  private int byteAt(int id, int depth) {
    int at = offsets[id] + depth;
    return at < offsets[id + 1] ? bytes[at] & 0xff : -1;
  }

  /** Compares two terms' bytes unsigned from {@code depth} on. */
  private int compareFrom(int a, int b, int depth) {
    int i = offsets[a] + depth;
    int j = offsets[b] + depth;
    int aEnd = offsets[a + 1];
    int bEnd = offsets[b + 1];
    int mismatch = Arrays.mismatch(bytes, i, aEnd, bytes, j, bEnd);
    if (mismatch < 0) {
      return 0;
    }
    if (i + mismatch == aEnd || j + mismatch == bEnd) {
      return (aEnd - i) - (bEnd - j);
    }
    return (bytes[i + mismatch] & 0xff) - (bytes[j + mismatch] & 0xff);
  }

  /** @return the number of terms */
  public int size() {
    return size;
  }

  /** @return the term with id {@code id} */
  public String term(int id) {
    int start = offsets[id];
    return new String(bytes, start, offsets[id + 1] - start, StandardCharsets.UTF_8);
  }
}
