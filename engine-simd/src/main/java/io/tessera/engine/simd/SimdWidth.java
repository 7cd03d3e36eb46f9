package io.tessera.engine.simd;

import java.util.OptionalInt;

/**
 * Reads the {@value #PROPERTY} system property that forces the vector width. Kept free of Vector API types
 * so that {@link SimdEngineProvider} can validate the setting before any Vector API class is linked.
 */
final class SimdWidth {

  /** System property selecting the vector width in bits: 128, 256 or 512 (default: the CPU's preferred). */
  static final String PROPERTY = "tessera.simd.bits";

  private SimdWidth() {
  }

  /**
   * @return the forced width in bits, or empty when the property is unset or blank
   * @throws IllegalArgumentException with a one-line message when the property has another value
   */
  static OptionalInt requested() {
    String text = System.getProperty(PROPERTY);
    if (text == null || text.isBlank()) {
      return OptionalInt.empty();
    }
    return switch (text.trim()) {
      case "128" -> OptionalInt.of(128);
      case "256" -> OptionalInt.of(256);
      case "512" -> OptionalInt.of(512);
      default -> throw new IllegalArgumentException(
          "-D" + PROPERTY + "=" + text + " is not a supported vector width; use 128, 256 or 512, or leave it unset");
    };
  }
}
