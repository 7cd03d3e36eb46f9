package io.tessera.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FarmHashTest {

  private static long bucket(String word, int buckets) {
    return Long.remainderUnsigned(FarmHash.fingerprint64(word), buckets);
  }

  @Test
  void reproducesTensorFlowsDocumentedHashBuckets() {
    // tf.strings.to_hash_bucket_fast(["Hello", "TensorFlow", "2.x"], 3) -> [0, 2, 2] (TensorFlow API docs)
    assertThat(new long[] {bucket("Hello", 3), bucket("TensorFlow", 3), bucket("2.x", 3)}).containsExactly(0, 2, 2);
    // tf.lookup.StaticVocabularyTable over [emerson, lake, palmer] with 5 buckets maps king -> 6, crimson -> 7
    assertThat(3 + bucket("king", 5)).isEqualTo(6);
    assertThat(3 + bucket("crimson", 5)).isEqualTo(7);
  }

  /**
   * Expected values are FarmHash Fingerprint64 as computed by Guava's {@code Hashing.farmHashFingerprint64()} (an
   * independent implementation) for {@code length} bytes {@code (byte) (i * 131 + 17)}; the lengths reach every
   * branch of the algorithm (0, 1-3, 4-7, 8-16, 17-32, 33-64 and the 64-byte loop with its tail).
   */
  @ParameterizedTest
  @CsvSource({
      "0, 9ae16a3b2f90404f", "1, c1e85b3b818699e7", "2, e4b375192f565c30", "3, 7132d2b3725b6cf8",
      "4, 84e71ea48cad56ba", "7, e6d810c948bf6f84", "8, 172890724578852d", "15, 68a25264134eb372",
      "16, ca0d191ba976e82b", "17, 65b124e20258da5b", "31, 200c564e1aa07fa8", "32, 5a946ce46da3bcd8",
      "33, 65efde9657e2fae5", "63, 2edb5e1eba9aea85", "64, dfcab4c7c32f630a", "65, 008d2b7347712200",
      "127, 035ccf34d072b638", "128, 2bd93bdf24dbbaff", "129, 9038bdcfbbfc56a8", "1000, 70cb205f9ed06076"})
  void matchesTheReferenceFingerprintAtEveryLengthClass(int length, String hex) {
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      data[i] = (byte) (i * 131 + 17);
    }
    assertThat(FarmHash.fingerprint64(data)).isEqualTo(Long.parseUnsignedLong(hex, 16));
  }

  @Test
  void hashesStringsAsTheirUtf8Bytes() {
    assertThat(FarmHash.fingerprint64("the")).isEqualTo(0x6132d02e3f9faf6aL);
    assertThat(FarmHash.fingerprint64("영화")).isEqualTo(0x27a4984c1de10816L);
    assertThat(FarmHash.fingerprint64("state-of-the-art")).isEqualTo(0x9877888e64d8ae62L);
    assertThat(FarmHash.fingerprint64("n't")).isEqualTo(0x2680d7bd995ba255L);
  }
}
