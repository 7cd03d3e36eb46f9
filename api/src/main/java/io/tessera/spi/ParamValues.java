package io.tessera.spi;

import io.tessera.api.BadInputException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hyperparameter values validated against their {@link ParamSpec}s: every declared parameter present
 * (defaults filled in), each of its declared type and inside its range.
 */
public final class ParamValues {
  private final Map<String, ParamSpec<?>> specs;
  private final Map<String, Object> values;

  private ParamValues(Map<String, ParamSpec<?>> specs, Map<String, Object> values) {
    this.specs = specs;
    this.values = values;
  }

  /**
   * Parses {@code key=value} text against {@code specs}.
   *
   * @throws BadInputException naming the key, the allowed values and, for an unknown key, the nearest valid key
   */
  public static ParamValues parse(List<ParamSpec<?>> specs, Map<String, String> raw) {
    Map<String, ParamSpec<?>> byName = new LinkedHashMap<>();
    for (ParamSpec<?> s : specs) {
      if (byName.put(s.name(), s) != null) {
        throw new IllegalArgumentException("duplicate parameter '" + s.name() + "'");
      }
    }
    for (String key : raw.keySet()) {
      if (!byName.containsKey(key)) {
        throw BadInputException.parameter(key, "unknown parameter" + suggestion(key, byName.keySet().stream().toList())
            + (byName.isEmpty() ? "; this algorithm takes none" : "; valid: " + String.join(", ", byName.keySet())));
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParamSpec<?> s : specs) {
      String text = raw.get(s.name());
      values.put(s.name(), text == null ? s.defaultValue() : convert(s, text.trim()));
    }
    return new ParamValues(byName, values);
  }

  /** @return the defaults of every spec */
  public static ParamValues defaults(List<ParamSpec<?>> specs) {
    return parse(specs, Map.of());
  }

  /** @return {@code " (did you mean 'x'?)"} when a candidate is close to {@code key}, else an empty string */
  public static String suggestion(String key, List<String> candidates) {
    return nearest(key, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  /** @return the candidate with the smallest edit distance to {@code key}, if it is close enough to be a typo */
  public static Optional<String> nearest(String key, List<String> candidates) {
    String k = key.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .min(Comparator.comparingInt((String c) -> editDistance(k, c.toLowerCase(Locale.ROOT))).thenComparing(c -> c))
        .filter(c -> editDistance(k, c.toLowerCase(Locale.ROOT)) <= Math.max(2, c.length() / 3)
            || c.startsWith(k) || k.startsWith(c));
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static Object convert(ParamSpec<?> s, String text) {
    try {
      Object v = switch (s.type()) {
        case INT -> Integer.valueOf(text.replace("_", ""));
        case LONG -> Long.valueOf(text.replace("_", ""));
        case DOUBLE -> Double.valueOf(text);
        case BOOLEAN -> parseBoolean(text);
        case STRING -> text;
        case CHOICE -> {
          if (!s.choices().contains(text)) {
            throw BadInputException.parameter(s.name(), "'" + text + "' is not one of " + s.allowed()
                + suggestion(text, s.choices()));
          }
          yield text;
        }
      };
      if (v instanceof Number n && !s.range().contains(n.doubleValue())) {
        throw BadInputException.parameter(s.name(), text + " is outside the allowed range " + s.range());
      }
      return v;
    } catch (NumberFormatException e) {
      throw BadInputException.parameter(s.name(), "'" + text + "' is not " + article(s.type())
          + " (allowed: " + s.allowed() + ")");
    }
  }

  private static Boolean parseBoolean(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> Boolean.TRUE;
      case "false", "no", "0", "off" -> Boolean.FALSE;
      default -> throw new NumberFormatException(text);
    };
  }

  private static String article(ParamSpec.Type t) {
    return switch (t) {
      case INT, LONG -> "an integer";
      case DOUBLE -> "a number";
      case BOOLEAN -> "true or false";
      default -> "valid";
    };
  }

  public int getInt(String name) {
    return (Integer) get(name, ParamSpec.Type.INT);
  }

  public long getLong(String name) {
    return (Long) get(name, ParamSpec.Type.LONG);
  }

  public double getDouble(String name) {
    return (Double) get(name, ParamSpec.Type.DOUBLE);
  }

  public boolean getBoolean(String name) {
    return (Boolean) get(name, ParamSpec.Type.BOOLEAN);
  }

  /** @return a {@link ParamSpec.Type#STRING} or {@link ParamSpec.Type#CHOICE} value */
  public String getString(String name) {
    ParamSpec<?> s = spec(name);
    if (s.type() != ParamSpec.Type.STRING && s.type() != ParamSpec.Type.CHOICE) {
      throw new IllegalArgumentException("parameter '" + name + "' is " + s.type() + ", not text");
    }
    return (String) values.get(name);
  }

  /** @return every value as text, in declaration order (for model cards and help) */
  public Map<String, String> asText() {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  private Object get(String name, ParamSpec.Type type) {
    ParamSpec<?> s = spec(name);
    if (s.type() != type) {
      throw new IllegalArgumentException("parameter '" + name + "' is " + s.type() + ", not " + type);
    }
    return values.get(name);
  }

  private ParamSpec<?> spec(String name) {
    ParamSpec<?> s = specs.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no parameter '" + name + "'" + suggestion(name, List.copyOf(specs.keySet())));
    }
    return s;
  }

  @Override
  public String toString() {
    return asText().toString();
  }
}
