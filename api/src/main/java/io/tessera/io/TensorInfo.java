package io.tessera.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor's entry in a safetensors header.
 *
 * @param name  the tensor's name
 * @param dtype its element type
 * @param shape its dimensions (empty for a 0-d scalar); copied on the way in and out, so the record is immutable
 * @param begin the first byte of its data, relative to the start of the data section
 * @param end   one past its last byte, relative to the start of the data section
 */
public record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) {

  /** Validates the parts and copies {@code shape}. */
  public TensorInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dtype, "dtype");
    shape = shape.clone();
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("bad data offsets [" + begin + ", " + end + "] for tensor '" + name + "'");
    }
  }

  /** @return a copy of the dimensions */
  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** @return the number of dimensions (0 for a scalar) */
  public int rank() {
    return shape.length;
  }

  /**
   * @return the number of elements, the product of the shape (1 for a scalar)
   * @throws ArithmeticException if the product overflows a {@code long} ({@link TensorFile} never returns such)
   */
  public long elementCount() {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** @return the number of data bytes, {@code end - begin} */
  public long byteLength() {
    return end - begin;
  }

  /** @return the shape written as {@code [2, 3]} */
  public String shapeText() {
    return Arrays.toString(shape);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape)
        && begin == t.begin && end == t.end;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dtype, Arrays.hashCode(shape), begin, end);
  }

  @Override
  public String toString() {
    return name + ": " + dtype + " " + shapeText() + " @ [" + begin + ", " + end + ")";
  }
}
