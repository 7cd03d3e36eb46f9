package io.tessera.engine;

/** Whether a matrix operand of {@link ComputeEngine#gemm} or {@link ComputeEngine#gemv} is used as stored or transposed. */
public enum Transpose {
  /** Use the operand as stored (row-major). */
  NO,
  /** Use the transpose of the stored operand. */
  YES;

  /** @return {@code YES} when {@code transposed} is true. */
  public static Transpose of(boolean transposed) {
    return transposed ? YES : NO;
  }
}
