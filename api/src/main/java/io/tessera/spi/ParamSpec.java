package io.tessera.spi;

import java.util.List;
import java.util.Objects;

/**
 * Describes one hyperparameter: its name (as typed in {@code key=value}), type, default, allowed values and
 * documentation. The CLI builds its help from these, and {@link ParamValues#parse} validates user input
 * against them.
 *
 * @param name         the key, lower-case with underscores (e.g. {@code max_iter}); also the config record's
 *                     component name in camelCase ({@code maxIter})
 * @param type         the value type
 * @param defaultValue the default, already of the right type ({@code Integer}, {@code Long}, {@code Double},
 *                     {@code Boolean} or {@code String})
 * @param range        allowed interval for numeric types ({@link Range#ANY} otherwise)
 * @param choices      allowed values for {@link Type#CHOICE} (empty otherwise)
 * @param doc          one line of documentation
 * @param <T>          the Java type of the value
 */
public record ParamSpec<T>(String name, Type type, T defaultValue, Range range, List<String> choices, String doc) {

  /** The value types a hyperparameter can have. */
  public enum Type { INT, LONG, DOUBLE, BOOLEAN, STRING, CHOICE }

  public ParamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(range, "range");
    choices = List.copyOf(choices);
    Objects.requireNonNull(doc, "doc");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("parameter name must be lower_snake_case: '" + name + "'");
    }
    if (type == Type.CHOICE && !choices.contains(String.valueOf(defaultValue))) {
      throw new IllegalArgumentException("default of '" + name + "' is not one of " + choices);
    }
    if (defaultValue instanceof Number n && !range.contains(n.doubleValue())) {
      throw new IllegalArgumentException("default of '" + name + "' lies outside " + range);
    }
  }

  /** An {@code int} hyperparameter. */
  public static ParamSpec<Integer> ofInt(String name, int defaultValue, Range range, String doc) {
    return new ParamSpec<>(name, Type.INT, defaultValue, range, List.of(), doc);
  }

  /** A {@code long} hyperparameter (seeds, sample counts). */
  public static ParamSpec<Long> ofLong(String name, long defaultValue, Range range, String doc) {
    return new ParamSpec<>(name, Type.LONG, defaultValue, range, List.of(), doc);
  }

  /** A {@code double} hyperparameter. */
  public static ParamSpec<Double> ofDouble(String name, double defaultValue, Range range, String doc) {
    return new ParamSpec<>(name, Type.DOUBLE, defaultValue, range, List.of(), doc);
  }

  /** A boolean hyperparameter ({@code true}/{@code false}). */
  public static ParamSpec<Boolean> ofBoolean(String name, boolean defaultValue, String doc) {
    return new ParamSpec<>(name, Type.BOOLEAN, defaultValue, Range.ANY, List.of(), doc);
  }

  /** A free-text hyperparameter. */
  public static ParamSpec<String> ofString(String name, String defaultValue, String doc) {
    return new ParamSpec<>(name, Type.STRING, defaultValue, Range.ANY, List.of(), doc);
  }

  /** A hyperparameter that takes one of a fixed set of words. */
  public static ParamSpec<String> ofChoice(String name, String defaultValue, List<String> choices, String doc) {
    return new ParamSpec<>(name, Type.CHOICE, defaultValue, Range.ANY, choices, doc);
  }

  /** @return the allowed values as shown in help and errors (e.g. {@code [1, inf)}, {@code one of a|b}) */
  public String allowed() {
    return switch (type) {
      case INT, LONG, DOUBLE -> range.toString();
      case BOOLEAN -> "true|false";
      case STRING -> "text";
      case CHOICE -> String.join("|", choices);
    };
  }
}
