package io.tessera.internal.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * FarmHash's {@code Fingerprint64} (the "na" variant), the stable 64-bit string fingerprint TensorFlow uses for
 * {@code tf.strings.to_hash_bucket_fast} and the out-of-vocabulary buckets of
 * {@code tf.lookup.StaticVocabularyTable}. The value depends only on the input bytes, never on the JVM, the
 * platform or the run, so hashed ids written into a model file stay valid forever.
 *
 * <p>Strings are hashed as their UTF-8 bytes, as TensorFlow does; unsigned arithmetic on {@code long} wraps
 * exactly like the reference's {@code uint64_t}.
 */
public final class FarmHash {
  private static final long K0 = 0xc3a5c85c97cb3127L;
  private static final long K1 = 0xb492b66fbe98f273L;
  private static final long K2 = 0x9ae16a3b2f90404fL;
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private FarmHash() {
  }

  /** @return the fingerprint of {@code text}'s UTF-8 encoding */
  public static long fingerprint64(String text) {
    return fingerprint64(text.getBytes(StandardCharsets.UTF_8));
  }

  /** @return the fingerprint of all of {@code data} */
  public static long fingerprint64(byte[] data) {
    int len = data.length;
    if (len <= 16) {
      return hashLen0to16(data, len);
    }
    if (len <= 32) {
      return hashLen17to32(data, len);
    }
    if (len <= 64) {
      return hashLen33to64(data, len);
    }
    return hashLongerThan64(data, len);
  }

  private static long fetch64(byte[] s, int i) {
    return (long) LONG_LE.get(s, i);
  }

  private static long fetch32(byte[] s, int i) {
    return Integer.toUnsignedLong((int) INT_LE.get(s, i));
  }

  private static long shiftMix(long v) {
    return v ^ (v >>> 47);
  }

  private static long hashLen16(long u, long v, long mul) {
    long a = (u ^ v) * mul;
    a ^= a >>> 47;
    long b = (v ^ a) * mul;
    b ^= b >>> 47;
    return b * mul;
  }

  private static long hashLen0to16(byte[] s, int len) {
    if (len >= 8) {
      long mul = K2 + len * 2L;
      long a = fetch64(s, 0) + K2;
      long b = fetch64(s, len - 8);
      long c = Long.rotateRight(b, 37) * mul + a;
      long d = (Long.rotateRight(a, 25) + b) * mul;
      return hashLen16(c, d, mul);
    }
    if (len >= 4) {
      long mul = K2 + len * 2L;
      long a = fetch32(s, 0);
      return hashLen16(len + (a << 3), fetch32(s, len - 4), mul);
    }
    if (len > 0) {
      int a = s[0] & 0xff;
      int b = s[len >> 1] & 0xff;
      int c = s[len - 1] & 0xff;
      long y = Integer.toUnsignedLong(a + (b << 8));
      long z = Integer.toUnsignedLong(len + (c << 2));
      return shiftMix(y * K2 ^ z * K0) * K2;
    }
    return K2;
  }

  private static long hashLen17to32(byte[] s, int len) {
    long mul = K2 + len * 2L;
    long a = fetch64(s, 0) * K1;
    long b = fetch64(s, 8);
    long c = fetch64(s, len - 8) * mul;
    long d = fetch64(s, len - 16) * K2;
    return hashLen16(Long.rotateRight(a + b, 43) + Long.rotateRight(c, 30) + d,
        a + Long.rotateRight(b + K2, 18) + c, mul);
  }

  private static long hashLen33to64(byte[] s, int len) {
    long mul = K2 + len * 2L;
    long a = fetch64(s, 0) * K2;
    long b = fetch64(s, 8);
    long c = fetch64(s, len - 8) * mul;
    long d = fetch64(s, len - 16) * K2;
    long y = Long.rotateRight(a + b, 43) + Long.rotateRight(c, 30) + d;
    long z = hashLen16(y, a + Long.rotateRight(b + K2, 18) + c, mul);
    long e = fetch64(s, 16) * mul;
    long f = fetch64(s, 24);
    long g = (y + fetch64(s, len - 32)) * mul;
    long h = (z + fetch64(s, len - 24)) * mul;
    return hashLen16(Long.rotateRight(e + f, 43) + Long.rotateRight(g, 30) + h,
        e + Long.rotateRight(f + a, 18) + g, mul);
  }

  private static long hashLongerThan64(byte[] s, int len) {
    final long seed = 81;
    long x = seed;
    long y = seed * K1 + 113;
    long z = shiftMix(y * K2 + 113) * K2;
    // v and w are the reference's pairs of 64-bit lanes: index 0 is .first, index 1 is .second.
    long[] v = new long[2];
    long[] w = new long[2];
    x = x * K2 + fetch64(s, 0);
    int end = ((len - 1) / 64) * 64;
    int last64 = end + ((len - 1) & 63) - 63;
    int p = 0;
    do {
      x = Long.rotateRight(x + y + v[0] + fetch64(s, p + 8), 37) * K1;
      y = Long.rotateRight(y + v[1] + fetch64(s, p + 48), 42) * K1;
      x ^= w[1];
      y += v[0] + fetch64(s, p + 40);
      z = Long.rotateRight(z + w[0], 33) * K1;
      weakHashLen32WithSeeds(s, p, v[1] * K1, x + w[0], v);
      weakHashLen32WithSeeds(s, p + 32, z + w[1], y + fetch64(s, p + 16), w);
      long t = z;
      z = x;
      x = t;
      p += 64;
    } while (p != end);
    long mul = K1 + ((z & 0xff) << 1);
    p = last64;
    w[0] += (len - 1) & 63;
    v[0] += w[0];
    w[0] += v[0];
    x = Long.rotateRight(x + y + v[0] + fetch64(s, p + 8), 37) * mul;
    y = Long.rotateRight(y + v[1] + fetch64(s, p + 48), 42) * mul;
    x ^= w[1] * 9;
    y += v[0] * 9 + fetch64(s, p + 40);
    z = Long.rotateRight(z + w[0], 33) * mul;
    weakHashLen32WithSeeds(s, p, v[1] * mul, x + w[0], v);
    weakHashLen32WithSeeds(s, p + 32, z + w[1], y + fetch64(s, p + 16), w);
    long t = z;
    z = x;
    x = t;
    return hashLen16(hashLen16(v[0], w[0], mul) + shiftMix(y) * K0 + z, hashLen16(v[1], w[1], mul) + x, mul);
  }

  /** Mixes the 32 bytes at {@code s[p..p+32)} with seeds {@code a}, {@code b} into {@code out[0..1]}. */
  private static void weakHashLen32WithSeeds(byte[] s, int p, long a, long b, long[] out) {
    long w = fetch64(s, p);
    long x = fetch64(s, p + 8);
    long y = fetch64(s, p + 16);
    long z = fetch64(s, p + 24);
    a += w;
    b = Long.rotateRight(b + a + z, 21);
    long c = a;
    a += x;
    a += y;
    b += Long.rotateRight(a, 44);
    out[0] = a + z;
    out[1] = b + c;
  }
}
