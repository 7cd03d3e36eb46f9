package io.tessera.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import io.tessera.api.ModelFormatException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TensorFileTest {
  @TempDir
  Path dir;

  /** A file made of a little-endian header length, the header text as UTF-8, and {@code dataBytes} zero bytes. */
  private Path raw(String header, int dataBytes) throws IOException {
    return rawBytes(header.getBytes(StandardCharsets.UTF_8), dataBytes);
  }

  private Path rawBytes(byte[] header, int dataBytes) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(header.length).put(header);
    Path p = dir.resolve("model.safetensors");
    Files.write(p, b.array());
    return p;
  }

  private Path lengthOnly(long claimedHeaderLength, int fileSize) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(fileSize).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(claimedHeaderLength);
    Path p = dir.resolve("model.safetensors");
    Files.write(p, b.array());
    return p;
  }

  private static String problem(Path file, String text) {
    return file + ": " + text;
  }

  @Test
  void readsBackEveryTypeTheWriterPuts() {
    Path p = dir.resolve("all.safetensors");
    float[] f = {1.5f, -2f, Float.MIN_VALUE, Float.NaN, Float.POSITIVE_INFINITY, -0f};
    double[] d = {Math.PI, -1e300, Double.MIN_VALUE};
    int[] i = {Integer.MIN_VALUE, 0, Integer.MAX_VALUE, 7};
    long[] l = {Long.MIN_VALUE, Long.MAX_VALUE};
    byte[] b = {0, 1, (byte) 0xff, (byte) 0x80};
    List<String> vocab = List.of("the", "", "한국어", "emoji 😀🎉", "tab\tnew\nline", "why?");
    TensorWriter.create()
        .metadata("family", "embedding").metadata("format", "1")
        .putFloats("f", f, 2, 3)
        .putDoubles("d", d)
        .putInts("i", i, 2, 2)
        .putLongs("l", l, 1, 2, 1)
        .putBytes("b", b)
        .putStrings("vocab", vocab)
        .putScalar("sf", 3.25f).putScalar("sd", 2.5).putScalar("si", 42).putScalar("sl", -42L)
        .putFloats("empty", new float[0])
        .putInts("empty2d", new int[0], 3, 0)
        .write(p);

    try (TensorFile t = TensorFile.open(p)) {
      assertThat(t.metadata()).isEqualTo(Map.of("family", "embedding", "format", "1"));
      assertThat(t.floats("f", 2, 3)).containsExactly(f);
      assertThat(t.doubles("d")).containsExactly(d);
      assertThat(t.ints("i", 2, 2)).containsExactly(i);
      assertThat(t.longs("l", 1, 2, 1)).containsExactly(l);
      assertThat(t.bytes("b")).containsExactly(b);
      assertThat(t.strings("vocab")).containsExactlyElementsOf(vocab);
      assertThat(t.floats("sf")).containsExactly(3.25f);
      assertThat(t.info("sf").shape()).isEmpty();
      assertThat(t.doubles("sd")).containsExactly(2.5);
      assertThat(t.ints("si")).containsExactly(42);
      assertThat(t.longs("sl")).containsExactly(-42L);
      assertThat(t.floats("empty", 0)).isEmpty();
      assertThat(t.ints("empty2d", 3, 0)).isEmpty();
      assertThat(t.info("f")).isEqualTo(new TensorInfo("f", DType.F32, new long[] {2, 3},
          t.info("f").begin(), t.info("f").begin() + 24));
      assertThat(t.names()).containsExactlyInAnyOrder("f", "d", "i", "l", "b", "vocab", "vocab.offsets",
          "sf", "sd", "si", "sl", "empty", "empty2d");
      assertThat(t.has("f")).isTrue();
      assertThat(t.has("g")).isFalse();
    }
  }

  @Test
  void everyTensorStartsAtAMultipleOfItsElementSize() {
    Path p = dir.resolve("aligned.safetensors");
    TensorWriter.create().putBytes("a", new byte[3]).putDoubles("b", new double[1]).putFloats("c", new float[3])
        .putInts("d", new int[1]).putLongs("e", new long[2]).write(p);

    try (TensorFile t = TensorFile.open(p)) {
      for (String name : t.names()) {
        TensorInfo info = t.info(name);
        assertThat(info.begin() % info.dtype().size()).as(name).isZero();
      }
      assertThat(t.names()).containsExactly("e", "b", "c", "d", "a");
    }
  }

  @Test
  void outputDependsOnlyOnTheContentNotTheCallOrder() {
    byte[] one = TensorWriter.create().metadata("x", "1").metadata("a", "2")
        .putFloats("w", new float[] {1, 2}).putFloats("b", new float[] {3}).toByteArray();
    byte[] two = TensorWriter.create().putFloats("b", new float[] {3}).metadata("a", "2")
        .putFloats("w", new float[] {1, 2}).metadata("x", "1").toByteArray();

    assertThat(one).isEqualTo(two);
  }

  @Test
  void writesTheSameBytesAsTheReferenceImplementation() {
    // Expected bytes from the safetensors reference implementation's own serialization tests.
    byte[] tensor = TensorWriter.create().putFloats("attn.0", new float[] {0, 1, 2, 3, 4, 5}, 1, 2, 3).toByteArray();
    byte[] empty = TensorWriter.create().toByteArray();
    byte[] metadataOnly = TensorWriter.create().metadata("framework", "pt").toByteArray();

    assertThat(tensor).isEqualTo(bytes(64, 0, 0, 0, 0, 0, 0, 0, 123, 34, 97, 116, 116, 110, 46, 48, 34, 58, 123, 34,
        100, 116, 121, 112, 101, 34, 58, 34, 70, 51, 50, 34, 44, 34, 115, 104, 97, 112, 101, 34, 58, 91, 49, 44, 50,
        44, 51, 93, 44, 34, 100, 97, 116, 97, 95, 111, 102, 102, 115, 101, 116, 115, 34, 58, 91, 48, 44, 50, 52, 93,
        125, 125, 0, 0, 0, 0, 0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160, 64));
    assertThat(empty).isEqualTo(bytes(8, 0, 0, 0, 0, 0, 0, 0, 123, 125, 32, 32, 32, 32, 32, 32));
    assertThat(metadataOnly).isEqualTo(bytes(40, 0, 0, 0, 0, 0, 0, 0, 123, 34, 95, 95, 109, 101, 116, 97, 100, 97,
        116, 97, 95, 95, 34, 58, 123, 34, 102, 114, 97, 109, 101, 119, 111, 114, 107, 34, 58, 34, 112, 116, 34, 125,
        125, 32, 32, 32, 32, 32));
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void readsTheReferenceLayoutWithoutPaddingAndInAnyHeaderOrder() throws IOException {
    Path p = raw("{\"b\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[4,8]},"
        + "\"a\":{\"dtype\":\"I32\",\"shape\":[],\"data_offsets\":[0,4]}}", 8);

    try (TensorFile t = TensorFile.open(p)) {
      assertThat(t.names()).containsExactly("a", "b");
      assertThat(t.metadata()).isEmpty();
      assertThat(t.ints("a")).containsExactly(0);
    }
  }

  @Test
  void readsFilesWithNoTensors() throws IOException {
    try (TensorFile t = TensorFile.open(raw("{}", 0))) {
      assertThat(t.names()).isEmpty();
      assertThatThrownBy(() -> t.floats("w"))
          .isInstanceOf(ModelFormatException.class)
          .hasMessageEndingWith("no tensor 'w'; the file has no tensors");
    }
  }

  @Test
  void rejectsFilesShorterThanTheLengthField() throws IOException {
    Path p = dir.resolve("short.safetensors");
    Files.write(p, new byte[] {1, 2, 3});

    assertThatThrownBy(() -> TensorFile.open(p))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(problem(p, "file has 3 bytes, too short for a safetensors header length (8 bytes)"));
  }

  @Test
  void rejectsAHeaderLengthPastTheEndOfTheFile() throws IOException {
    Path p = lengthOnly(100, 50);

    assertThatThrownBy(() -> TensorFile.open(p))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(problem(p, "header length 100 runs past the end of the file (50 bytes)"));
  }

  @Test
  void rejectsAHugeHeaderLengthBeforeAllocatingIt() throws IOException {
    Path p = lengthOnly(200_000_000L, 16);
    Path q = dir.resolve("max.safetensors");
    Files.write(q, bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, '{', '}'));

    assertThatThrownBy(() -> TensorFile.open(p))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(problem(p, "header length 200000000 exceeds the limit of 100000000 bytes"));
    assertThatThrownBy(() -> TensorFile.open(q))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(problem(q, "header length 18446744073709551615 exceeds the limit of 100000000 bytes"));
  }

  @Test
  void rejectsAHeaderOver100MegabytesEvenWhenTheFileIsThatLarge() throws IOException {
    // A sparse file: 200 MB long on paper, almost nothing on disk, and the reader must not read it all.
    Path p = dir.resolve("sparse.safetensors");
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(200_000_100L);
      f.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(200_000_000L).array());
    }

    assertThatThrownBy(() -> TensorFile.open(p))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(problem(p, "header length 200000000 exceeds the limit of 100000000 bytes"));
  }

  @Test
  void rejectsAZeroHeaderLength() throws IOException {
    Path p = lengthOnly(0, 8);

    assertThatThrownBy(() -> TensorFile.open(p))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(problem(p, "header length is 0; the header must be a JSON object"));
  }

  @Test
  void rejectsAHeaderThatIsNotUtf8() throws IOException {
    byte[] header = "{\"a\":1}".getBytes(StandardCharsets.US_ASCII);
    header[2] = (byte) 0xc3; // a lead byte followed by an ASCII byte
    Path p = rawBytes(header, 0);

    assertThatThrownBy(() -> TensorFile.open(p))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(problem(p, "header is not valid UTF-8 (byte 10 of the file)"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"a\":                        | header is not valid JSON: unexpected end of text, expected a value at offset 5",
      "{}x                            | header is not valid JSON: unexpected text after the JSON value at offset 2",
      "[]                             | header is not a JSON object",
      "{\"a\":1}                      | tensor 'a' is not a JSON object",
      "{\"__metadata__\":[]}          | __metadata__ is not a JSON object",
      "{\"__metadata__\":{\"k\":1}}   | __metadata__ value for 'k' is not a string: 1",
      "{\"__metadata__\":{\"k\":null}}| __metadata__ value for 'k' is not a string: null",
      "{\"a\":{\"dtype\":\"F33\",\"shape\":[],\"data_offsets\":[0,4]}}  | tensor 'a' has unknown dtype 'F33'",
      "{\"a\":{\"dtype\":\"f32\",\"shape\":[],\"data_offsets\":[0,4]}}  | tensor 'a' has unknown dtype 'f32'",
      "{\"a\":{\"dtype\":4,\"shape\":[],\"data_offsets\":[0,4]}}        | tensor 'a' dtype is not a string: 4",
      "{\"a\":{\"shape\":[],\"data_offsets\":[0,4]}}                    | tensor 'a' has no 'dtype'",
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4],\"x\":1}} | tensor 'a' has an unknown field 'x'",
      "{\"a\":{\"dtype\":\"F32\",\"shape\":\"1\",\"data_offsets\":[0,4]}} | tensor 'a' shape is not an array: \"1\"",
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}  | tensor 'a' shape entry -1 is not a non-negative integer",
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[1.0],\"data_offsets\":[0,4]}} | tensor 'a' shape entry 1.0 is not a non-negative integer",
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}     | tensor 'a' data_offsets has 1 entries, expected 2",
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}   | tensor 'a' data_offsets [4, 0] end before they begin",
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,8]}}   | tensor 'a' data_offsets [0, 8] run past the end of the file (4 data bytes)",
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}   | tensor 'a' is F32 [2], which needs 8 bytes, but data_offsets [0, 4] span 4",
      "{\"a\":{\"dtype\":\"U8\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,4]}} | tensor 'a' shape [4294967296, 4294967296] overflows a 64-bit size",
      "{\"a\":{\"dtype\":\"F64\",\"shape\":[2305843009213693952],\"data_offsets\":[0,4]}} | tensor 'a' shape [2305843009213693952] overflows a 64-bit size",
      "{\"a\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[0,2]}}    | tensors cover 2 data bytes but the file has 4 bytes after the header",
      "{\"a\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[2,4]}}    | tensor 'a' data_offsets [2, 4] leave a gap after byte 0",
      "{\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]},\"b\":{\"dtype\":\"U8\",\"shape\":[3],\"data_offsets\":[1,4]},\"c\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[2,4]}} | tensor 'c' data_offsets [2, 4] overlap the previous tensor, which ends at 4",
      "{\"a\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[0,2]},\"b\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[3,4]}} | tensor 'b' data_offsets [3, 4] leave a gap after byte 2",
  })
  void rejectsInvalidHeadersNamingFileAndProblem(String header, String message) throws IOException {
    Path p = raw(header, 4);

    assertThatThrownBy(() -> TensorFile.open(p))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(problem(p, message));
  }

  @Test
  void keepsMessagesOnOneLineWhateverTheFileContains() throws IOException {
    Path p = raw("{\"a\\nb\\u2028\":{\"dtype\":\"F\\r33\",\"shape\":[],\"data_offsets\":[0,4]}}", 4);
    assertThatThrownBy(() -> TensorFile.open(p))
        .hasMessage(problem(p, "tensor 'a\\nb\\u2028' has unknown dtype 'F\\r33'"));

    Path q = raw("{\"\\\n\":1}", 0);
    assertThatThrownBy(() -> TensorFile.open(q))
        .hasMessage(problem(q, "header is not valid JSON: invalid escape '\\\\n' at offset 3"));
  }

  @Test
  void checksDtypeAndShapeWhenReading() {
    Path p = dir.resolve("m.safetensors");
    TensorWriter.create().putFloats("weight", new float[6], 2, 3).write(p);

    try (TensorFile t = TensorFile.open(p)) {
      assertThatThrownBy(() -> t.floats("weight", 3, 2))
          .isInstanceOf(ModelFormatException.class)
          .hasMessage(problem(p, "tensor 'weight' has shape [2, 3], expected [3, 2]"));
      assertThatThrownBy(() -> t.doubles("weight"))
          .isInstanceOf(ModelFormatException.class)
          .hasMessage(problem(p, "tensor 'weight' is F32, expected F64"));
      assertThatThrownBy(() -> t.bytes("weight"))
          .hasMessage(problem(p, "tensor 'weight' is F32, expected one of [U8, I8, BOOL]"));
      assertThatThrownBy(() -> t.floats("weigth"))
          .isInstanceOf(ModelFormatException.class)
          .hasMessage(problem(p, "no tensor 'weigth' (did you mean 'weight'?); tensors: weight"));
      assertThat(t.raw("weight")).hasSize(24);
    }
  }

  @Test
  void rejectsBrokenStringTables() throws IOException {
    String bytesEntry = "\"v\":{\"dtype\":\"U8\",\"shape\":[3],\"data_offsets\":[0,3]}";
    String offsets = "\"v.offsets\":{\"dtype\":\"I64\",\"shape\":[3],\"data_offsets\":[3,27]}";
    Path p = raw("{" + bytesEntry + "," + offsets + "}", 27);
    ByteBuffer data = ByteBuffer.allocate(27).order(ByteOrder.LITTLE_ENDIAN);

    writeData(p, data.put(new byte[] {'a', 'b', 'c'}).putLong(0).putLong(2).putLong(1));
    try (TensorFile t = TensorFile.open(p)) {
      assertThatThrownBy(() -> t.strings("v"))
          .hasMessage(problem(p, "strings 'v' offsets run from 0 to 1 but must run from 0 to 3"));
    }
    writeData(p, data.clear().put(new byte[] {'a', 'b', 'c'}).putLong(0).putLong(9).putLong(3));
    try (TensorFile t = TensorFile.open(p)) {
      assertThatThrownBy(() -> t.strings("v"))
          .hasMessage(problem(p, "strings 'v' offsets decrease at entry 2 (9 > 3)"));
    }
    writeData(p, data.clear().put(new byte[] {'a', (byte) 0xff, 'c'}).putLong(0).putLong(1).putLong(3));
    try (TensorFile t = TensorFile.open(p)) {
      assertThatThrownBy(() -> t.strings("v"))
          .hasMessage(problem(p, "strings 'v' entry 1 is not valid UTF-8"));
    }
  }

  private static void writeData(Path p, ByteBuffer data) throws IOException {
    byte[] file = Files.readAllBytes(p);
    System.arraycopy(data.array(), 0, file, file.length - data.capacity(), data.capacity());
    Files.write(p, file);
  }

  @Test
  void readsTheSameDataWhenMappedInSmallRegions() {
    Path p = dir.resolve("regions.safetensors");
    float[] f = new float[1001];
    long[] l = new long[77];
    for (int i = 0; i < f.length; i++) {
      f[i] = i * 0.5f;
    }
    for (int i = 0; i < l.length; i++) {
      l[i] = -i * 1_000_000_007L;
    }
    TensorWriter.create().putFloats("f", f).putLongs("l", l).putStrings("s", List.of("가", "나다", "")).write(p);

    try (TensorFile t = TensorFile.open(p, 0, 16)) {
      assertThat(t.floats("f")).containsExactly(f);
      assertThat(t.longs("l")).containsExactly(l);
      assertThat(t.strings("s")).containsExactly("가", "나다", "");
    }
  }

  @Test
  void readsTensorsBeyondTwoGigabytes() throws IOException {
    // Sparse: the 2.5 GB zero tensor takes no disk space; the small tensor after it is at a > 2^31 offset.
    long big = 2_500_000_000L;
    String header = "{\"big\":{\"dtype\":\"U8\",\"shape\":[" + big + "],\"data_offsets\":[0," + big + "]},"
        + "\"tail\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[" + big + "," + (big + 8) + "]}}";
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    Path p = dir.resolve("large.safetensors");
    long tailAt = 8 + h.length + big;
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
      f.write(h);
      f.seek(tailAt);
      f.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).array());
    }

    try (TensorFile t = TensorFile.open(p)) {
      assertThat(t.floats("tail", 2)).containsExactly(1.5f, -2f);
      assertThat(t.info("big").byteLength()).isEqualTo(big);
      assertThatThrownBy(() -> t.bytes("big"))
          .isInstanceOf(ModelFormatException.class)
          .hasMessage(problem(p, "tensor 'big' has 2500000000 bytes, too many for one Java array"));
    }
  }

  @Test
  void refusesReadsAfterClose() {
    Path p = dir.resolve("c.safetensors");
    TensorWriter.create().putInts("x", new int[] {1}).write(p);
    TensorFile t = TensorFile.open(p);
    t.close();
    t.close();

    assertThatThrownBy(() -> t.ints("x")).isInstanceOf(IllegalStateException.class).hasMessageEndingWith("is closed");
  }

  @Test
  void aMissingFileIsBadInputNotAFormatError() {
    Path p = dir.resolve("nope.safetensors");

    assertThatThrownBy(() -> TensorFile.open(p))
        .isInstanceOf(BadInputException.class)
        .hasMessage(p + ": no such file");
  }
}
