package io.tessera.engine;

import io.tessera.api.BadInputException;
import java.util.Locale;

/**
 * A vector norm for normalizing rows: the sum of absolute values ({@link #L1}), the Euclidean length
 * ({@link #L2}), or no normalization ({@link #NONE}, which has no value: kernels that compute norms reject it).
 */
public enum Norm {
  /** Rows are left as they are. */
  NONE,
  /** {@code sum |x_i|}. */
  L1,
  /** {@code sqrt(sum x_i^2)}. */
  L2;

  /**
   * @return the norm named {@code name} ({@code none}, {@code l1} or {@code l2}, in any case)
   * @throws BadInputException naming the parameter {@code norm} and the choices otherwise
   */
  public static Norm parse(String name) {
    for (Norm n : values()) {
      if (n.name().equalsIgnoreCase(name)) {
        return n;
      }
    }
    throw BadInputException.parameter("norm", "'" + name + "' is not one of none, l1, l2");
  }

  /** @return the lower-case name used in options and files ({@code none}, {@code l1}, {@code l2}) */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
