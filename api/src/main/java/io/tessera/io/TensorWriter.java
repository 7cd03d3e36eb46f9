package io.tessera.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Collects named tensors and string metadata, then writes them as one safetensors file.
 *
 * <p>Layout, as in the safetensors reference implementation: an 8-byte little-endian header length {@code N}, a
 * compact JSON header of {@code N} bytes padded with spaces so the data starts at a multiple of 8, then the raw
 * little-endian data of every tensor back to back from offset 0. Tensors are ordered by descending {@link DType}
 * alignment and then by name (comparing UTF-8 bytes), the reference writer's order, which keeps each tensor aligned to
 * its element size; metadata keys are written sorted. The output therefore depends only on the set of tensors and
 * metadata, not on the order of the {@code put} calls: the same inputs always give the same bytes.
 *
 * <p>The writer keeps references to the arrays it is given (models can be large, and a copy would double the
 * memory): do not modify them until {@link #write} returns. Misuse (duplicate names, a shape that does not match the
 * data, a reserved name) throws {@link IllegalArgumentException} at the {@code put} call. Not thread-safe.
 */
public final class TensorWriter {
  private static final String METADATA_KEY = "__metadata__";
  private static final int CHUNK_ELEMENTS = 1 << 13;

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<String, String> metadata = new TreeMap<>(TensorWriter::compareUtf8);

  private TensorWriter() {
  }

  /** @return an empty writer */
  public static TensorWriter create() {
    return new TensorWriter();
  }

  /**
   * Adds a {@code __metadata__} entry (for example the model family and format version).
   *
   * @throws IllegalArgumentException if {@code key} was already set
   */
  public TensorWriter metadata(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    checkEncodable(key, "metadata key");
    checkEncodable(value, "metadata value for '" + key + "'");
    if (metadata.putIfAbsent(key, value) != null) {
      throw new IllegalArgumentException("duplicate metadata key '" + key + "'");
    }
    return this;
  }

  /**
   * Adds an {@link DType#F32} tensor.
   *
   * @param shape the dimensions, whose product must equal {@code data.length}; none means 1-D {@code [data.length]}
   */
  public TensorWriter putFloats(String name, float[] data, long... shape) {
    return add(name, DType.F32, data, data.length, shape);
  }

  /**
   * Adds an {@link DType#F64} tensor.
   *
   * @param shape the dimensions, whose product must equal {@code data.length}; none means 1-D {@code [data.length]}
   */
  public TensorWriter putDoubles(String name, double[] data, long... shape) {
    return add(name, DType.F64, data, data.length, shape);
  }

  /**
   * Adds an {@link DType#I32} tensor.
   *
   * @param shape the dimensions, whose product must equal {@code data.length}; none means 1-D {@code [data.length]}
   */
  public TensorWriter putInts(String name, int[] data, long... shape) {
    return add(name, DType.I32, data, data.length, shape);
  }

  /**
   * Adds an {@link DType#I64} tensor.
   *
   * @param shape the dimensions, whose product must equal {@code data.length}; none means 1-D {@code [data.length]}
   */
  public TensorWriter putLongs(String name, long[] data, long... shape) {
    return add(name, DType.I64, data, data.length, shape);
  }

  /**
   * Adds a {@link DType#U8} tensor.
   *
   * @param shape the dimensions, whose product must equal {@code data.length}; none means 1-D {@code [data.length]}
   */
  public TensorWriter putBytes(String name, byte[] data, long... shape) {
    return add(name, DType.U8, data, data.length, shape);
  }

  /**
   * Adds a tensor of any type from its raw little-endian bytes (for example {@link DType#F16} data).
   *
   * @param shape the dimensions, whose product times {@code dtype.size()} must equal {@code littleEndian.length};
   *              none means 1-D
   */
  public TensorWriter put(String name, DType dtype, byte[] littleEndian, long... shape) {
    Objects.requireNonNull(dtype, "dtype");
    if (littleEndian.length % dtype.size() != 0) {
      throw new IllegalArgumentException("tensor '" + name + "': " + littleEndian.length + " bytes is not a whole number"
          + " of " + dtype + " elements");
    }
    return add(name, dtype, littleEndian, littleEndian.length / dtype.size(), shape);
  }

  /** Adds a 0-d (shape {@code []}) {@link DType#F32} tensor. */
  public TensorWriter putScalar(String name, float value) {
    return add(name, DType.F32, new float[] {value}, 1, null);
  }

  /** Adds a 0-d (shape {@code []}) {@link DType#F64} tensor. */
  public TensorWriter putScalar(String name, double value) {
    return add(name, DType.F64, new double[] {value}, 1, null);
  }

  /** Adds a 0-d (shape {@code []}) {@link DType#I32} tensor. */
  public TensorWriter putScalar(String name, int value) {
    return add(name, DType.I32, new int[] {value}, 1, null);
  }

  /** Adds a 0-d (shape {@code []}) {@link DType#I64} tensor. */
  public TensorWriter putScalar(String name, long value) {
    return add(name, DType.I64, new long[] {value}, 1, null);
  }

  /**
   * Adds a list of strings (such as a vocabulary) as two tensors: {@code name}, a {@link DType#U8} tensor of the
   * concatenated UTF-8 bytes, and {@code name + ".offsets"}, an {@link DType#I64} tensor of {@code n + 1} offsets
   * (string {@code i} is bytes {@code [offsets[i], offsets[i+1])}). Read back with {@link TensorFile#strings}.
   *
   * @throws IllegalArgumentException for a null element, an unpaired surrogate, or more than 2 GB of text
   */
  public TensorWriter putStrings(String name, List<String> strings) {
    checkName(name);
    checkName(name + ".offsets");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long[] offsets = new long[strings.size() + 1];
    for (int i = 0; i < strings.size(); i++) {
      String s = strings.get(i);
      if (s == null) {
        throw new IllegalArgumentException("strings '" + name + "': element " + i + " is null");
      }
      byte[] encoded = utf8(s, name, i);
      if ((long) bytes.size() + encoded.length > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("strings '" + name + "': more than 2 GB of UTF-8 text");
      }
      bytes.write(encoded, 0, encoded.length);
      offsets[i + 1] = bytes.size();
    }
    putBytes(name, bytes.toByteArray());
    return putLongs(name + ".offsets", offsets);
  }

  /**
   * @return {@code s} as UTF-8; {@link String#getBytes} is fast but writes '?' for an unpaired surrogate, so only a
   *     result holding '?' is scanned for one
   * @throws IllegalArgumentException naming element {@code i} of {@code name} for an unpaired surrogate
   */
  private static byte[] utf8(String s, String name, int i) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    for (byte x : b) {
      if (x == '?') {
        if (unpairedSurrogate(s) >= 0) {
          throw new IllegalArgumentException("strings '" + name + "': element " + i + " is not valid Unicode"
              + " (unpaired surrogate)");
        }
        break;
      }
    }
    return b;
  }

  /** @return whether a tensor called {@code name} was added */
  public boolean has(String name) {
    return entries.containsKey(name);
  }

  /**
   * Writes the file atomically (see {@link AtomicFiles}): a reader sees the old file or the complete new one.
   *
   * @throws UncheckedIOException naming {@code file} if it cannot be written
   * @throws IllegalStateException if the header would exceed the format's 100 MB limit
   */
  public void write(Path file) {
    List<Entry> ordered = ordered();
    byte[] header = header(ordered);
    AtomicFiles.write(file, out -> writeTo(out, header, ordered));
  }

  /**
   * @return the complete file content in memory (for small tensor sets and tests)
   * @throws IllegalStateException if the content exceeds 2 GB or the header the format's 100 MB limit
   */
  public byte[] toByteArray() {
    List<Entry> ordered = ordered();
    byte[] header = header(ordered);
    long total = 8L + header.length + ordered.stream().mapToLong(e -> e.bytes).sum();
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("tensor file of " + total + " bytes does not fit in a byte array");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) total);
    try {
      writeTo(out, header, ordered);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private TensorWriter add(String name, DType dtype, Object data, int length, long[] shape) {
    checkName(name);
    Objects.requireNonNull(data, "data");
    long[] dims = shape == null ? new long[0] : shape.length == 0 ? new long[] {length} : shape.clone();
    long product = 1;
    for (long d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException("tensor '" + name + "': negative dimension in shape " + Arrays.toString(dims));
      }
      try {
        product = Math.multiplyExact(product, d);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(dims) + " overflows", e);
      }
    }
    if (product != length) {
      throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(dims) + " has " + product
          + " elements but the data has " + length);
    }
    entries.put(name, new Entry(name, dtype, dims, data, (long) length * dtype.size()));
    return this;
  }

  private void checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("tensor name must not be empty");
    }
    if (name.equals(METADATA_KEY)) {
      throw new IllegalArgumentException("'" + METADATA_KEY + "' is reserved for metadata, not a tensor name");
    }
    checkEncodable(name, "tensor name");
    if (entries.containsKey(name)) {
      throw new IllegalArgumentException("duplicate tensor name '" + name + "'");
    }
  }

  /** Rejects unpaired surrogates, which UTF-8 cannot encode (Java would silently write '?'). */
  private static void checkEncodable(String s, String what) {
    int at = unpairedSurrogate(s);
    if (at >= 0) {
      throw new IllegalArgumentException(what + " contains an unpaired surrogate at index " + at);
    }
  }

  /** @return the index of the first unpaired surrogate in {@code s}, or -1 */
  private static int unpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }


  private List<Entry> ordered() {
    List<Entry> list = new ArrayList<>(entries.values());
    list.sort(Comparator.comparing((Entry e) -> e.dtype.ordinal()).reversed()
        .thenComparing((a, b) -> compareUtf8(a.name, b.name)));
    return list;
  }

  private byte[] header(List<Entry> ordered) {
    StringBuilder json = new StringBuilder("{");
    if (!metadata.isEmpty()) {
      Json.quote(METADATA_KEY, json);
      json.append(":{");
      boolean first = true;
      for (Map.Entry<String, String> m : metadata.entrySet()) {
        if (!first) {
          json.append(',');
        }
        first = false;
        Json.quote(m.getKey(), json);
        json.append(':');
        Json.quote(m.getValue(), json);
      }
      json.append('}');
    }
    long offset = 0;
    for (Entry e : ordered) {
      if (json.length() > 1) {
        json.append(',');
      }
      Json.quote(e.name, json);
      json.append(":{\"dtype\":\"").append(e.dtype.headerName()).append("\",\"shape\":[");
      for (int i = 0; i < e.shape.length; i++) {
        json.append(i == 0 ? "" : ",").append(e.shape[i]);
      }
      json.append("],\"data_offsets\":[").append(offset).append(',').append(offset + e.bytes).append("]}");
      offset += e.bytes;
    }
    json.append('}');
    byte[] text = json.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (text.length + 7) & ~7;
    if (padded > TensorFile.MAX_HEADER_BYTES) {
      throw new IllegalStateException("tensor file header of " + padded + " bytes exceeds the format's limit of "
          + TensorFile.MAX_HEADER_BYTES + " bytes (too many tensors or too much metadata)");
    }
    byte[] header = Arrays.copyOf(text, padded);
    Arrays.fill(header, text.length, padded, (byte) ' ');
    return header;
  }

  private static void writeTo(OutputStream out, byte[] header, List<Entry> ordered) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(CHUNK_ELEMENTS * 8).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(0, header.length);
    out.write(buf.array(), 0, 8);
    out.write(header);
    for (Entry e : ordered) {
      writeData(out, e.data, buf);
    }
  }

  /** Streams one array as little-endian bytes through a small reusable buffer. */
  private static void writeData(OutputStream out, Object data, ByteBuffer buf) throws IOException {
    if (data instanceof byte[] b) {
      out.write(b);
      return;
    }
    int length = java.lang.reflect.Array.getLength(data);
    for (int from = 0; from < length; from += CHUNK_ELEMENTS) {
      int n = Math.min(CHUNK_ELEMENTS, length - from);
      buf.clear();
      int bytes = switch (data) {
        case float[] f -> {
          buf.asFloatBuffer().put(f, from, n);
          yield n * Float.BYTES;
        }
        case double[] d -> {
          buf.asDoubleBuffer().put(d, from, n);
          yield n * Double.BYTES;
        }
        case int[] i -> {
          buf.asIntBuffer().put(i, from, n);
          yield n * Integer.BYTES;
        }
        case long[] l -> {
          buf.asLongBuffer().put(l, from, n);
          yield n * Long.BYTES;
        }
        default -> throw new IllegalStateException("unexpected tensor data " + data.getClass());
      };
      out.write(buf.array(), 0, bytes);
    }
  }

  /** Orders strings by their UTF-8 bytes, as the reference implementation (Rust) orders names. */
  private static int compareUtf8(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private record Entry(String name, DType dtype, long[] shape, Object data, long bytes) {
  }
}
