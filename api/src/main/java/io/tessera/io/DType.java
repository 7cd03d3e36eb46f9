package io.tessera.io;

import java.util.Optional;

/**
 * Element types of the safetensors format. The constant names are the header names ({@code "F32"}, {@code "I64"},
 * ...). Values are stored little-endian.
 *
 * <p>The constants are declared in the order of the safetensors reference implementation, which orders them by
 * alignment; {@link TensorWriter} lays tensors out in descending order of it so every tensor starts at a multiple of
 * its element size, as the reference writer does.
 */
public enum DType {
  /** Boolean, one byte (0 or 1). */
  BOOL(1),
  /** Unsigned 8-bit integer. */
  U8(1),
  /** Signed 8-bit integer. */
  I8(1),
  /** 8-bit float with 5 exponent and 2 mantissa bits. */
  F8_E5M2(1),
  /** 8-bit float with 4 exponent and 3 mantissa bits. */
  F8_E4M3(1),
  /** Signed 16-bit integer. */
  I16(2),
  /** Unsigned 16-bit integer. */
  U16(2),
  /** IEEE 754 half-precision float. */
  F16(2),
  /** bfloat16: the top half of an IEEE 754 single-precision float. */
  BF16(2),
  /** Signed 32-bit integer. */
  I32(4),
  /** Unsigned 32-bit integer. */
  U32(4),
  /** IEEE 754 single-precision float. */
  F32(4),
  /** IEEE 754 double-precision float. */
  F64(8),
  /** Signed 64-bit integer. */
  I64(8),
  /** Unsigned 64-bit integer. */
  U64(8);

  private final int size;

  DType(int size) {
    this.size = size;
  }

  /** @return bytes per element */
  public int size() {
    return size;
  }

  /** @return the name used in safetensors headers, e.g. {@code "F32"} */
  public String headerName() {
    return name();
  }

  /** @return the type whose header name is exactly {@code name}, or empty for an unknown name */
  public static Optional<DType> fromHeaderName(String name) {
    for (DType t : values()) {
      if (t.name().equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
