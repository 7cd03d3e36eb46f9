package io.tessera.io;

import io.tessera.api.BadInputException;
import io.tessera.api.ModelFormatException;
import io.tessera.spi.ParamValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A safetensors file, validated when opened and read through a memory mapping.
 *
 * <p>{@link #open} checks everything the safetensors reference implementation checks, and a little more, before it
 * allocates anything in proportion to what the header claims: the file has at least 8 bytes; the header length is at
 * most 100,000,000 and fits in the file; the header is valid UTF-8 and one strict JSON object; every tensor entry has
 * exactly {@code dtype} (a known {@link DType}), {@code shape} (non-negative integers) and {@code data_offsets} (two
 * integers, begin &le; end); the product of the shape times the element size, computed with overflow checks, equals
 * {@code end - begin}; the tensors, ordered by offset, cover the data section from 0 without gaps or overlaps and
 * end exactly at the end of the file; {@code __metadata__}, if present, maps strings to strings. Any violation is a
 * {@link ModelFormatException} whose one-line message names the file and the problem.
 *
 * <p>Files up to 2 GB are mapped whole; larger ones are mapped piecewise, one region per read, so tensors beyond
 * 2 GB are readable (each one must still fit in a Java array to be returned as one). Reads copy into fresh arrays and
 * are thread-safe. {@link #close} closes the file; Java 21 has no public call that unmaps a buffer, so the mapping
 * itself is released when it is garbage-collected. Another process truncating the file while it is mapped can crash
 * reads with an {@link InternalError}, as with any memory mapping.
 */
public final class TensorFile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TensorFile.class);
  /** The header-size limit of the reference implementation. */
  public static final long MAX_HEADER_BYTES = 100_000_000L;
  /** Region size for files too large for one mapping; a multiple of 8 so no element straddles two regions. */
  private static final long REGION_BYTES = 1L << 30;
  private static final String METADATA_KEY = "__metadata__";
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final Set<String> ENTRY_FIELDS = Set.of("dtype", "shape", "data_offsets");

  private final Path path;
  private final FileChannel channel;
  private final long dataStart;
  private final long regionBytes;
  private final Map<String, String> metadata;
  private final Map<String, TensorInfo> tensors;
  /** The whole file, when it fits one mapping; {@code null} for piecewise mapping. */
  private final MappedByteBuffer whole;
  private volatile boolean closed;

  private TensorFile(Path path, FileChannel channel, long dataStart, long regionBytes, Map<String, String> metadata,
                     Map<String, TensorInfo> tensors, MappedByteBuffer whole) {
    this.path = path;
    this.channel = channel;
    this.dataStart = dataStart;
    this.regionBytes = regionBytes;
    this.metadata = metadata;
    this.tensors = tensors;
    this.whole = whole;
  }

  /**
   * Opens and validates {@code file}.
   *
   * @throws ModelFormatException if the file is not a valid safetensors file
   * @throws BadInputException    if the file does not exist
   * @throws UncheckedIOException naming the file for other I/O errors
   */
  public static TensorFile open(Path file) {
    return open(file, MAX_ARRAY, REGION_BYTES);
  }

  /** Opens with explicit mapping limits, so tests can exercise piecewise mapping on small files. */
  static TensorFile open(Path file, long maxWholeMapping, long regionBytes) {
    FileChannel ch;
    try {
      ch = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw BadInputException.inFile(file, 0, "no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
    }
    try {
      TensorFile tf = read(file, ch, maxWholeMapping, regionBytes);
      ch = null; // now owned by tf
      return tf;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } finally {
      if (ch != null) {
        closeQuietly(ch);
      }
    }
  }

  private static TensorFile read(Path file, FileChannel ch, long maxWholeMapping, long regionBytes)
      throws IOException {
    long size = ch.size();
    if (size < 8) {
      throw bad(file, "file has " + size + " bytes, too short for a safetensors header length (8 bytes)");
    }
    ByteBuffer lengthBytes = readFully(ch, 0, 8);
    long n = lengthBytes.order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    if (n < 0 || n > MAX_HEADER_BYTES) {
      throw bad(file, "header length " + Long.toUnsignedString(n) + " exceeds the limit of " + MAX_HEADER_BYTES
          + " bytes");
    }
    if (n > size - 8) {
      throw bad(file, "header length " + n + " runs past the end of the file (" + size + " bytes)");
    }
    if (n == 0) {
      throw bad(file, "header length is 0; the header must be a JSON object");
    }
    String text = decodeUtf8(file, readFully(ch, 8, (int) n));
    Object json;
    try {
      json = Json.parse(text);
    } catch (Json.JsonException e) {
      throw bad(file, "header is not valid JSON: " + e.getMessage());
    }
    if (!(json instanceof Map<?, ?> header)) {
      throw bad(file, "header is not a JSON object");
    }
    long dataStart = 8 + n;
    long dataLength = size - dataStart;
    Map<String, String> metadata = Map.of();
    List<TensorInfo> list = new ArrayList<>(header.size());
    for (Map.Entry<?, ?> e : header.entrySet()) {
      String name = (String) e.getKey();
      if (name.equals(METADATA_KEY)) {
        metadata = metadata(file, e.getValue());
      } else {
        list.add(entry(file, name, e.getValue(), dataLength));
      }
    }
    list.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
    long expected = 0;
    for (TensorInfo t : list) {
      if (t.begin() != expected) {
        throw bad(file, "tensor '" + t.name() + "' data_offsets [" + t.begin() + ", " + t.end() + "] "
            + (t.begin() < expected ? "overlap the previous tensor, which ends at " + expected
                : "leave a gap after byte " + expected));
      }
      expected = t.end();
    }
    if (expected != dataLength) {
      throw bad(file, "tensors cover " + expected + " data bytes but the file has " + dataLength
          + " bytes after the header");
    }
    Map<String, TensorInfo> byName = new LinkedHashMap<>();
    list.forEach(t -> byName.put(t.name(), t));
    MappedByteBuffer whole = size <= maxWholeMapping ? ch.map(FileChannel.MapMode.READ_ONLY, 0, size) : null;
    return new TensorFile(file, ch, dataStart, regionBytes, Collections.unmodifiableMap(metadata),
        Collections.unmodifiableMap(byName), whole);
  }

  private static Map<String, String> metadata(Path file, Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw bad(file, "__metadata__ is not a JSON object");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        throw bad(file, "__metadata__ value for '" + e.getKey() + "' is not a string: " + abbreviate(e.getValue()));
      }
      out.put((String) e.getKey(), s);
    }
    return out;
  }

  private static TensorInfo entry(Path file, String name, Object value, long dataLength) {
    String what = "tensor '" + name + "'";
    if (!(value instanceof Map<?, ?> map)) {
      throw bad(file, what + " is not a JSON object");
    }
    for (Object key : map.keySet()) {
      if (!ENTRY_FIELDS.contains(key)) {
        throw bad(file, what + " has an unknown field '" + key + "'");
      }
    }
    for (String field : ENTRY_FIELDS) {
      if (!map.containsKey(field)) {
        throw bad(file, what + " has no '" + field + "'");
      }
    }
    if (!(map.get("dtype") instanceof String dtypeName)) {
      throw bad(file, what + " dtype is not a string: " + abbreviate(map.get("dtype")));
    }
    DType dtype = DType.fromHeaderName(dtypeName)
        .orElseThrow(() -> bad(file, what + " has unknown dtype '" + clip(dtypeName) + "'"));
    long[] shape = longs(file, what + " shape", map.get("shape"), -1);
    long[] offsets = longs(file, what + " data_offsets", map.get("data_offsets"), 2);
    long begin = offsets[0];
    long end = offsets[1];
    if (end < begin) {
      throw bad(file, what + " data_offsets [" + begin + ", " + end + "] end before they begin");
    }
    if (end > dataLength) {
      throw bad(file, what + " data_offsets [" + begin + ", " + end + "] run past the end of the file ("
          + dataLength + " data bytes)");
    }
    long bytes;
    try {
      long elements = 1;
      for (long d : shape) {
        elements = Math.multiplyExact(elements, d);
      }
      bytes = Math.multiplyExact(elements, dtype.size());
    } catch (ArithmeticException e) {
      throw bad(file, what + " shape " + clip(Arrays.toString(shape)) + " overflows a 64-bit size");
    }
    if (bytes != end - begin) {
      throw bad(file, what + " is " + dtype + " " + clip(Arrays.toString(shape)) + ", which needs " + bytes
          + " bytes, but data_offsets [" + begin + ", " + end + "] span " + (end - begin));
    }
    return new TensorInfo(name, dtype, shape, begin, end);
  }

  /** Reads a JSON array of non-negative integers; {@code length} &lt; 0 means any length. */
  private static long[] longs(Path file, String what, Object value, int length) {
    if (!(value instanceof List<?> list)) {
      throw bad(file, what + " is not an array: " + abbreviate(value));
    }
    if (length >= 0 && list.size() != length) {
      throw bad(file, what + " has " + list.size() + " entries, expected " + length);
    }
    long[] out = new long[list.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(list.get(i) instanceof Long v) || v < 0) {
        throw bad(file, what + " entry " + abbreviate(list.get(i)) + " is not a non-negative integer");
      }
      out[i] = v;
    }
    return out;
  }

  private static String decodeUtf8(Path file, ByteBuffer bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars = CharBuffer.allocate(bytes.remaining());
    CoderResult r = decoder.decode(bytes, chars, true);
    if (r.isError()) {
      throw bad(file, "header is not valid UTF-8 (byte " + (8 + bytes.position()) + " of the file)");
    }
    decoder.flush(chars);
    return chars.flip().toString();
  }

  private static ByteBuffer readFully(FileChannel ch, long position, int length) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length);
    while (buf.hasRemaining()) {
      if (ch.read(buf, position + buf.position()) < 0) {
        throw new IOException("unexpected end of file at byte " + (position + buf.position()));
      }
    }
    return buf.flip();
  }

  /** @return the file this was opened from */
  public Path path() {
    return path;
  }

  /** @return the {@code __metadata__} entries in header order (empty when the file has none) */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** @return the tensor names, in the order of their data in the file */
  public Set<String> names() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(tensors.keySet()));
  }

  /** @return whether the file has a tensor called {@code name} */
  public boolean has(String name) {
    return tensors.containsKey(name);
  }

  /**
   * @return the header entry of tensor {@code name}
   * @throws ModelFormatException if there is no such tensor (the message suggests a close name)
   */
  public TensorInfo info(String name) {
    TensorInfo t = tensors.get(name);
    if (t == null) {
      List<String> names = List.copyOf(tensors.keySet());
      String listed = names.size() <= 10 ? String.join(", ", names)
          : String.join(", ", names.subList(0, 10)) + ", ... (" + names.size() + " in all)";
      throw bad(path, "no tensor '" + name + "'" + ParamValues.suggestion(name, names)
          + (names.isEmpty() ? "; the file has no tensors" : "; tensors: " + listed));
    }
    return t;
  }

  /**
   * Reads an {@link DType#F32} tensor.
   *
   * @param expectedShape if given, the shape the tensor must have
   * @throws ModelFormatException for a missing tensor, another dtype or another shape
   */
  public float[] floats(String name, long... expectedShape) {
    return typed(name, expectedShape, DType.F32, float[]::new, (buf, out, at) -> {
      int n = buf.remaining() / Float.BYTES;
      buf.asFloatBuffer().get(out, at, n);
      return n;
    });
  }

  /**
   * Reads an {@link DType#F64} tensor.
   *
   * @param expectedShape if given, the shape the tensor must have
   * @throws ModelFormatException for a missing tensor, another dtype or another shape
   */
  public double[] doubles(String name, long... expectedShape) {
    return typed(name, expectedShape, DType.F64, double[]::new, (buf, out, at) -> {
      int n = buf.remaining() / Double.BYTES;
      buf.asDoubleBuffer().get(out, at, n);
      return n;
    });
  }

  /**
   * Reads an {@link DType#I32} tensor.
   *
   * @param expectedShape if given, the shape the tensor must have
   * @throws ModelFormatException for a missing tensor, another dtype or another shape
   */
  public int[] ints(String name, long... expectedShape) {
    return typed(name, expectedShape, DType.I32, int[]::new, (buf, out, at) -> {
      int n = buf.remaining() / Integer.BYTES;
      buf.asIntBuffer().get(out, at, n);
      return n;
    });
  }

  /**
   * Reads an {@link DType#I64} tensor.
   *
   * @param expectedShape if given, the shape the tensor must have
   * @throws ModelFormatException for a missing tensor, another dtype or another shape
   */
  public long[] longs(String name, long... expectedShape) {
    return typed(name, expectedShape, DType.I64, long[]::new, (buf, out, at) -> {
      int n = buf.remaining() / Long.BYTES;
      buf.asLongBuffer().get(out, at, n);
      return n;
    });
  }

  /**
   * Reads a one-byte tensor ({@link DType#U8}, {@link DType#I8} or {@link DType#BOOL}) as raw bytes.
   *
   * @param expectedShape if given, the shape the tensor must have
   * @throws ModelFormatException for a missing tensor, another dtype or another shape
   */
  public byte[] bytes(String name, long... expectedShape) {
    TensorInfo t = check(name, expectedShape, DType.U8, DType.I8, DType.BOOL);
    return rawCopy(t);
  }

  /**
   * Reads any tensor's data as its raw little-endian bytes (for dtypes without a typed reader, such as
   * {@link DType#F16}).
   *
   * @throws ModelFormatException for a missing tensor
   */
  public byte[] raw(String name) {
    return rawCopy(info(name));
  }

  /**
   * Reads a list of strings written by {@link TensorWriter#putStrings}: the {@link DType#U8} tensor {@code name} and
   * the {@link DType#I64} tensor {@code name + ".offsets"}.
   *
   * @throws ModelFormatException if either tensor is missing or malformed, the offsets do not start at 0, decrease or
   *                              do not end at the byte count, or a string is not valid UTF-8
   */
  public List<String> strings(String name) {
    TensorInfo bytesInfo = check(name, new long[0], DType.U8);
    String offsetsName = name + ".offsets";
    TensorInfo offsetsInfo = check(offsetsName, new long[0], DType.I64);
    if (bytesInfo.rank() != 1 || offsetsInfo.rank() != 1 || offsetsInfo.elementCount() < 1) {
      throw bad(path, "strings '" + name + "' need a 1-D U8 tensor and a 1-D I64 offsets tensor of n + 1 entries,"
          + " got " + bytesInfo.shapeText() + " and " + offsetsInfo.shapeText());
    }
    byte[] bytes = rawCopy(bytesInfo);
    long[] offsets = longs(offsetsName);
    if (offsets[0] != 0 || offsets[offsets.length - 1] != bytes.length) {
      throw bad(path, "strings '" + name + "' offsets run from " + offsets[0] + " to " + offsets[offsets.length - 1]
          + " but must run from 0 to " + bytes.length);
    }
    for (int i = 1; i < offsets.length; i++) {
      if (offsets[i] < offsets[i - 1]) {
        throw bad(path, "strings '" + name + "' offsets decrease at entry " + i + " (" + offsets[i - 1] + " > "
            + offsets[i] + ")");
      }
    }
    // Now 0 = offsets[0] <= ... <= offsets[n] = bytes.length, so every slice below is in bounds.
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    List<String> out = new ArrayList<>(offsets.length - 1);
    for (int i = 0; i + 1 < offsets.length; i++) {
      int from = (int) offsets[i];
      int to = (int) offsets[i + 1];
      try {
        out.add(decoder.decode(ByteBuffer.wrap(bytes, from, to - from)).toString());
      } catch (java.nio.charset.CharacterCodingException e) {
        throw bad(path, "strings '" + name + "' entry " + i + " is not valid UTF-8");
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Closes the file. Reading afterwards throws {@link IllegalStateException}. Closing twice is harmless. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(channel);
  }

  @Override
  public String toString() {
    return "TensorFile[" + path + ", " + tensors.size() + " tensors]";
  }

  private TensorInfo check(String name, long[] expectedShape, DType... allowed) {
    if (closed) {
      throw new IllegalStateException(path + " is closed");
    }
    TensorInfo t = info(name);
    if (!Arrays.asList(allowed).contains(t.dtype())) {
      throw bad(path, "tensor '" + name + "' is " + t.dtype() + ", expected "
          + (allowed.length == 1 ? allowed[0].toString() : "one of " + Arrays.toString(allowed)));
    }
    if (expectedShape.length > 0 && !Arrays.equals(expectedShape, t.shape())) {
      throw bad(path, "tensor '" + name + "' has shape " + t.shapeText() + ", expected "
          + Arrays.toString(expectedShape));
    }
    return t;
  }

  /** Copies little-endian elements from a region into {@code out} at {@code at}; returns how many. */
  @FunctionalInterface
  private interface Getter<A> {
    int get(ByteBuffer littleEndianRegion, A out, int at);
  }

  private <A> A typed(String name, long[] expectedShape, DType dtype, IntFunction<A> allocate, Getter<A> getter) {
    TensorInfo t = check(name, expectedShape, dtype);
    A out = allocate.apply(arrayLength(t));
    copy(t, (buf, at) -> getter.get(buf, out, at));
    return out;
  }

  private int arrayLength(TensorInfo t) {
    long n = t.elementCount();
    if (n > MAX_ARRAY) {
      throw bad(path, "tensor '" + t.name() + "' has " + n + " elements, too many for one Java array");
    }
    return (int) n;
  }

  private byte[] rawCopy(TensorInfo t) {
    if (closed) {
      throw new IllegalStateException(path + " is closed");
    }
    if (t.byteLength() > MAX_ARRAY) {
      throw bad(path, "tensor '" + t.name() + "' has " + t.byteLength() + " bytes, too many for one Java array");
    }
    byte[] out = new byte[(int) t.byteLength()];
    copy(t, (buf, at) -> {
      int n = buf.remaining();
      buf.get(out, at, n);
      return n;
    });
    return out;
  }

  /** Receives the tensor's bytes region by region and returns how many elements it stored. */
  @FunctionalInterface
  private interface Sink {
    int take(ByteBuffer littleEndianRegion, int firstElement);
  }

  private void copy(TensorInfo t, Sink sink) {
    long from = dataStart + t.begin();
    long length = t.byteLength();
    if (whole != null) {
      sink.take(whole.slice((int) from, (int) length).order(ByteOrder.LITTLE_ENDIAN), 0);
      return;
    }
    int at = 0;
    try {
      for (long done = 0; done < length; ) {
        long n = Math.min(regionBytes, length - done);
        at += sink.take(channel.map(FileChannel.MapMode.READ_ONLY, from + done, n).order(ByteOrder.LITTLE_ENDIAN), at);
        done += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tensor '" + t.name() + "' from " + path + ": " + e.getMessage(), e);
    }
  }

  private static ModelFormatException bad(Path file, String problem) {
    return new ModelFormatException(file + ": " + Printable.escape(problem));
  }

  /** A JSON value for a message: strings quoted, long values cut. */
  private static String abbreviate(Object value) {
    return clip(value instanceof String str ? '"' + str + '"' : String.valueOf(value));
  }

  private static String clip(String s) {
    return Printable.clip(s);
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException e) {
      // Closing a read-only channel loses nothing; the caller's own error, if any, matters more.
      LOG.debug("cannot close {}: {}", ch, e.toString());
    }
  }
}
