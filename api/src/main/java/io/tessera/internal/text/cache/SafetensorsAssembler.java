package io.tessera.internal.text.cache;

import io.tessera.io.AtomicFiles;
import io.tessera.io.DType;
import io.tessera.io.Json;
import io.tessera.io.TensorFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes a safetensors file whose tensors need not be in memory: each tensor is a {@link Source} that streams its
 * little-endian bytes, such as a temporary file of token ids larger than the heap.
 *
 * <p>{@link io.tessera.io.TensorWriter} takes whole arrays; this class produces the same bytes (the same tensor
 * order, header text and padding, so a file reads back identically through {@link TensorFile}) from streamed
 * parts, and writes them atomically through {@link AtomicFiles}. Not thread-safe.
 */
public final class SafetensorsAssembler {
  private static final String METADATA_KEY = "__metadata__";

  /** Streams the data of one tensor. */
  @FunctionalInterface
  public interface Source {
    /** Writes exactly the tensor's byte count to {@code out}. */
    void copyTo(OutputStream out) throws IOException;
  }

  private record Part(String name, DType dtype, long[] shape, long bytes, Source source) {
  }

  private final Map<String, Part> parts = new LinkedHashMap<>();
  private final Map<String, String> metadata = new TreeMap<>(SafetensorsAssembler::compareUtf8);

  /** Adds a metadata entry; a key may be set once. */
  public SafetensorsAssembler metadata(String key, String value) {
    Objects.requireNonNull(value, "value");
    if (metadata.putIfAbsent(Objects.requireNonNull(key, "key"), value) != null) {
      throw new IllegalArgumentException("duplicate metadata key '" + key + "'");
    }
    return this;
  }

  /** Adds a tensor of {@code bytes} bytes that {@code source} streams. */
  public SafetensorsAssembler tensor(String name, DType dtype, long[] shape, long bytes, Source source) {
    long elements = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("tensor '" + name + "': negative dimension in " + Arrays.toString(shape));
      }
      elements = Math.multiplyExact(elements, d);
    }
    if (Math.multiplyExact(elements, dtype.size()) != bytes) {
      throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape) + " of " + dtype
          + " needs " + elements * dtype.size() + " bytes, the source has " + bytes);
    }
    if (name.isEmpty() || name.equals(METADATA_KEY) || parts.containsKey(name)) {
      throw new IllegalArgumentException("tensor name '" + name + "' is empty, reserved or used twice");
    }
    parts.put(name, new Part(name, dtype, shape.clone(), bytes, Objects.requireNonNull(source, "source")));
    return this;
  }

  /** Adds a 1-D tensor whose data is the whole content of {@code file}. */
  public SafetensorsAssembler tensorFromFile(String name, DType dtype, Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (size % dtype.size() != 0) {
      throw new IllegalArgumentException("tensor '" + name + "': " + file + " has " + size + " bytes, not a whole"
          + " number of " + dtype + " elements");
    }
    return tensor(name, dtype, new long[] {size / dtype.size()}, size, out -> copyFile(file, out));
  }

  /**
   * Adds every tensor and metadata entry of {@code safetensors}, the bytes of a small file produced by
   * {@link io.tessera.io.TensorWriter#toByteArray()} (a trusted source: the header is parsed, not re-validated).
   */
  public SafetensorsAssembler addAll(byte[] safetensors) {
    ByteBuffer buf = ByteBuffer.wrap(safetensors).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength = Math.toIntExact(buf.getLong(0));
    int dataStart = 8 + headerLength;
    String header = new String(safetensors, 8, headerLength, StandardCharsets.UTF_8);
    Map<?, ?> json = (Map<?, ?>) Json.parse(header);
    for (Map.Entry<?, ?> e : json.entrySet()) {
      String name = (String) e.getKey();
      if (name.equals(METADATA_KEY)) {
        ((Map<?, ?>) e.getValue()).forEach((k, v) -> metadata((String) k, (String) v));
        continue;
      }
      Map<?, ?> entry = (Map<?, ?>) e.getValue();
      DType dtype = DType.fromHeaderName((String) entry.get("dtype")).orElseThrow();
      long[] shape = ((List<?>) entry.get("shape")).stream().mapToLong(d -> (Long) d).toArray();
      List<?> offsets = (List<?>) entry.get("data_offsets");
      int begin = dataStart + Math.toIntExact((Long) offsets.get(0));
      int end = dataStart + Math.toIntExact((Long) offsets.get(1));
      tensor(name, dtype, shape, end - begin, out -> out.write(safetensors, begin, end - begin));
    }
    return this;
  }

  /**
   * Writes the file atomically: a reader sees the previous file or the complete new one.
   *
   * @throws UncheckedIOException naming {@code target} if it cannot be written
   */
  public void write(Path target) {
    List<Part> ordered = ordered();
    byte[] header = header(ordered);
    AtomicFiles.write(target, out -> {
      ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.length);
      out.write(length.array());
      out.write(header);
      for (Part p : ordered) {
        CountingOutput counted = new CountingOutput(out);
        p.source().copyTo(counted);
        if (counted.count != p.bytes()) {
          throw new IOException("tensor '" + p.name() + "' streamed " + counted.count + " bytes, expected "
              + p.bytes());
        }
      }
    });
  }

  /** Orders tensors as the reference writer does: descending alignment (dtype order), then name. */
  private List<Part> ordered() {
    List<Part> list = new ArrayList<>(parts.values());
    list.sort(Comparator.comparing((Part p) -> p.dtype().ordinal()).reversed()
        .thenComparing((a, b) -> compareUtf8(a.name(), b.name())));
    return list;
  }

  private byte[] header(List<Part> ordered) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (!metadata.isEmpty()) {
      json.put(METADATA_KEY, metadata);
    }
    long offset = 0;
    for (Part p : ordered) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("dtype", p.dtype().headerName());
      entry.put("shape", p.shape());
      entry.put("data_offsets", new long[] {offset, offset + p.bytes()});
      json.put(p.name(), entry);
      offset += p.bytes();
    }
    byte[] text = Json.write(json).getBytes(StandardCharsets.UTF_8);
    int padded = (text.length + 7) & ~7;
    if (padded > TensorFile.MAX_HEADER_BYTES) {
      throw new IllegalStateException("tensor file header of " + padded + " bytes exceeds the format's limit");
    }
    byte[] header = Arrays.copyOf(text, padded);
    Arrays.fill(header, text.length, padded, (byte) ' ');
    return header;
  }

  private static void copyFile(Path file, OutputStream out) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      long at = 0;
      var target = Channels.newChannel(out);
      while (at < size) {
        at += ch.transferTo(at, size - at, target);
      }
    }
  }

  private static int compareUtf8(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** Counts what a source writes, so that a source of the wrong length fails the write instead of a later read. */
  private static final class CountingOutput extends OutputStream {
    private final OutputStream out;
    private long count;

    CountingOutput(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
