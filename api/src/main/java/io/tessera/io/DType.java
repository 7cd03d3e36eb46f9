package io.tessera.io;

/** Element types of the safetensors format, by their header names. PENDING: helper B completes. */
public enum DType {
  BOOL(1), U8(1), I8(1), I16(2), U16(2), F16(2), BF16(2), I32(4), U32(4), F32(4), I64(8), U64(8), F64(8);

  private final int size;

  DType(int size) {
    this.size = size;
  }

  /** @return bytes per element */
  public int size() {
    return size;
  }
}
