package io.tessera.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON (RFC 8259) reader and writer, used for safetensors headers and the CLI's {@code --json}
 * output.
 *
 * <p>Reading maps JSON values to Java values as follows: objects become unmodifiable {@link LinkedHashMap}-ordered
 * {@code Map<String, Object>} (member order kept), arrays unmodifiable {@code List<Object>}, strings {@link String},
 * {@code true}/{@code false} {@link Boolean}, {@code null} Java {@code null}, and numbers {@link Long} when the
 * literal has no fraction or exponent and fits in a {@code long}, otherwise {@link Double}. A number whose magnitude
 * is too large for a {@code double} is rejected rather than turned into infinity. The reader rejects everything the
 * RFC does not allow (trailing commas, comments, single quotes, leading zeros, unescaped control characters, trailing
 * text) and also duplicate object keys, unpaired UTF-16 surrogates (escaped or literal) and nesting deeper than
 * {@value #MAX_DEPTH}.
 *
 * <p>Writing accepts {@code Map} (keys must be strings), {@code Iterable}, arrays of primitives or objects,
 * {@link CharSequence}, {@link Boolean}, {@code null}, {@link Enum} (its name) and the JDK's numbers ({@code Byte},
 * {@code Short}, {@code Integer}, {@code Long}, {@code Float}, {@code Double}, {@link BigInteger}, {@link BigDecimal}).
 * Non-finite floating-point values (NaN, infinities) have no JSON form and are rejected with a
 * {@link JsonException}; so are other types and cycles deeper than {@value #MAX_DEPTH}. Output is UTF-8-ready text:
 * non-ASCII characters are written as themselves; {@code "}, {@code \} and control characters below U+0020 are
 * escaped (short forms such as {@code \n} where JSON has one, else a backslash-u escape with four hex digits), the
 * same choice the safetensors reference implementation's JSON library makes, so headers come out byte-identical.
 */
public final class Json {
  /** The deepest nesting of arrays and objects that is read or written. */
  public static final int MAX_DEPTH = 64;

  private Json() {
  }

  /**
   * Thrown for text that is not valid JSON or a value that cannot be written as JSON.
   */
  public static final class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int offset;

    JsonException(String message, int offset) {
      super(offset >= 0 ? message + " at offset " + offset : message);
      this.offset = offset;
    }

    /** @return the 0-based character offset of the problem in the parsed text, or -1 for a writing error */
    public int offset() {
      return offset;
    }
  }

  /**
   * Parses one JSON value that spans the whole of {@code text} (surrounding whitespace allowed).
   *
   * @throws JsonException naming the problem and its character offset
   */
  public static Object parse(String text) {
    Parser p = new Parser(text);
    p.skipWhitespace();
    Object value = p.value(0);
    p.skipWhitespace();
    if (p.pos != text.length()) {
      throw p.error("unexpected text after the JSON value");
    }
    return value;
  }

  /**
   * Writes {@code value} as compact JSON (no whitespace).
   *
   * @throws JsonException for a value with no JSON form (see the class description)
   */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    new Writer(out, null).value(value, 0);
    return out.toString();
  }

  /**
   * Writes {@code value} as JSON indented by two spaces per level, one member or element per line.
   *
   * @throws JsonException for a value with no JSON form (see the class description)
   */
  public static String writePretty(Object value) {
    StringBuilder out = new StringBuilder();
    new Writer(out, "  ").value(value, 0);
    return out.toString();
  }

  /** Appends {@code s} as a quoted, escaped JSON string to {@code out}. */
  public static void quote(CharSequence s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    JsonException error(String message) {
      return new JsonException(message, pos);
    }

    void skipWhitespace() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        pos++;
      }
    }

    Object value(int depth) {
      if (pos >= s.length()) {
        throw error("unexpected end of text, expected a value");
      }
      char c = s.charAt(pos);
      return switch (c) {
        case '{' -> object(depth + 1);
        case '[' -> array(depth + 1);
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            yield number();
          }
          throw error("unexpected character " + describe(c) + ", expected a value");
        }
      };
    }

    private Object literal(String word, Object value) {
      if (!s.startsWith(word, pos)) {
        throw error("invalid literal, expected '" + word + "'");
      }
      pos += word.length();
      return value;
    }

    private Map<String, Object> object(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nesting deeper than " + MAX_DEPTH);
      }
      pos++;
      Map<String, Object> map = new LinkedHashMap<>();
      skipWhitespace();
      if (peek() == '}') {
        pos++;
        return Collections.unmodifiableMap(map);
      }
      while (true) {
        skipWhitespace();
        if (peek() != '"') {
          throw error("expected a string key");
        }
        int keyAt = pos;
        String key = string();
        skipWhitespace();
        expect(':');
        skipWhitespace();
        Object v = value(depth);
        if (map.containsKey(key)) {
          throw new JsonException("duplicate key \"" + abbreviate(key) + "\"", keyAt);
        }
        map.put(key, v);
        skipWhitespace();
        char c = peek();
        pos++;
        if (c == '}') {
          return Collections.unmodifiableMap(map);
        }
        if (c != ',') {
          pos--;
          throw error("expected ',' or '}' in an object");
        }
      }
    }

    private List<Object> array(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nesting deeper than " + MAX_DEPTH);
      }
      pos++;
      List<Object> list = new ArrayList<>();
      skipWhitespace();
      if (peek() == ']') {
        pos++;
        return Collections.unmodifiableList(list);
      }
      while (true) {
        skipWhitespace();
        list.add(value(depth));
        skipWhitespace();
        char c = peek();
        pos++;
        if (c == ']') {
          return Collections.unmodifiableList(list);
        }
        if (c != ',') {
          pos--;
          throw error("expected ',' or ']' in an array");
        }
      }
    }

    /** The current character, or U+FFFF at the end (never a valid structural character). */
    private char peek() {
      return pos < s.length() ? s.charAt(pos) : '\uffff';
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private String string() {
      pos++; // opening quote
      StringBuilder sb = null;
      int runStart = pos;
      while (true) {
        if (pos >= s.length()) {
          throw error("unterminated string");
        }
        char c = s.charAt(pos);
        if (c == '"') {
          String out = sb == null ? s.substring(runStart, pos) : sb.append(s, runStart, pos).toString();
          pos++;
          return out;
        }
        if (c < 0x20) {
          throw error("unescaped control character " + describe(c) + " in a string");
        }
        if (Character.isSurrogate(c)) {
          checkLiteralSurrogate(c);
          pos += 2;
          continue;
        }
        if (c != '\\') {
          pos++;
          continue;
        }
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(s, runStart, pos);
        pos++;
        if (pos >= s.length()) {
          throw error("unterminated escape");
        }
        char e = s.charAt(pos);
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            pos--;
            appendUnicodeEscape(sb);
            runStart = pos;
            continue;
          }
          default -> throw error("invalid escape '\\" + Printable.escape(String.valueOf(e)) + "'");
        }
        pos++;
        runStart = pos;
      }
    }

    private void checkLiteralSurrogate(char c) {
      if (Character.isHighSurrogate(c) && pos + 1 < s.length() && Character.isLowSurrogate(s.charAt(pos + 1))) {
        return;
      }
      throw error("unpaired surrogate " + describe(c) + " in a string");
    }

    /** Reads {@code \\uXXXX} (and a following low surrogate escape for a high one) starting at the backslash. */
    private void appendUnicodeEscape(StringBuilder sb) {
      int at = pos;
      char c = hex4();
      if (Character.isLowSurrogate(c)) {
        throw new JsonException("unpaired low surrogate escape \\u" + hexOf(c), at);
      }
      if (Character.isHighSurrogate(c)) {
        if (!s.startsWith("\\u", pos)) {
          throw new JsonException("high surrogate escape \\u" + hexOf(c) + " not followed by a low surrogate", at);
        }
        char low = hex4();
        if (!Character.isLowSurrogate(low)) {
          throw new JsonException("high surrogate escape \\u" + hexOf(c) + " not followed by a low surrogate", at);
        }
        sb.append(c).append(low);
        return;
      }
      sb.append(c);
    }

    private char hex4() {
      int start = pos;
      pos += 2; // backslash and 'u'
      if (pos + 4 > s.length()) {
        throw new JsonException("truncated \\u escape", start);
      }
      int v = 0;
      for (int i = 0; i < 4; i++) {
        int d = hexDigit(s.charAt(pos + i));
        if (d < 0) {
          throw new JsonException("invalid \\u escape", start);
        }
        v = v * 16 + d;
      }
      pos += 4;
      return (char) v;
    }

    /** ASCII hex digits only: {@link Character#digit} would also accept other scripts' digits. */
    private static int hexDigit(char c) {
      if (c >= '0' && c <= '9') {
        return c - '0';
      }
      if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
      }
      if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
      }
      return -1;
    }

    private Object number() {
      int start = pos;
      if (peek() == '-') {
        pos++;
      }
      if (peek() == '0') {
        pos++;
        if (isDigit(peek())) {
          throw error("leading zero in a number");
        }
      } else if (isDigit(peek())) {
        skipDigits();
      } else {
        throw error("expected a digit");
      }
      boolean integral = true;
      if (peek() == '.') {
        integral = false;
        pos++;
        if (!isDigit(peek())) {
          throw error("expected a digit after the decimal point");
        }
        skipDigits();
      }
      if (peek() == 'e' || peek() == 'E') {
        integral = false;
        pos++;
        if (peek() == '+' || peek() == '-') {
          pos++;
        }
        if (!isDigit(peek())) {
          throw error("expected a digit in the exponent");
        }
        skipDigits();
      }
      String literal = s.substring(start, pos);
      if (integral && literal.length() <= 20) {
        try {
          return Long.parseLong(literal);
        } catch (NumberFormatException tooBig) {
          // falls through to a double: an integer outside the long range
        }
      }
      double d = Double.parseDouble(literal);
      if (Double.isInfinite(d)) {
        throw new JsonException("number " + abbreviate(literal) + " is out of range", start);
      }
      return d;
    }

    private void skipDigits() {
      while (isDigit(peek())) {
        pos++;
      }
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }

  private static final class Writer {
    private final StringBuilder out;
    private final String indent;

    Writer(StringBuilder out, String indent) {
      this.out = out;
      this.indent = indent;
    }

    void value(Object v, int depth) {
      if (v == null) {
        out.append("null");
      } else if (v instanceof CharSequence cs) {
        quote(cs, out);
      } else if (v instanceof Boolean b) {
        out.append(b.booleanValue());
      } else if (v instanceof Number n) {
        number(n);
      } else if (v instanceof Enum<?> e) {
        quote(e.name(), out);
      } else if (v instanceof Map<?, ?> m) {
        object(m, depth + 1);
      } else if (v instanceof Iterable<?> it) {
        List<Object> items = new ArrayList<>();
        it.forEach(items::add);
        array(items, depth + 1);
      } else if (v.getClass().isArray()) {
        int n = java.lang.reflect.Array.getLength(v);
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          items.add(java.lang.reflect.Array.get(v, i));
        }
        array(items, depth + 1);
      } else {
        throw new JsonException("cannot write a " + v.getClass().getName() + " as JSON", -1);
      }
    }

    private void number(Number n) {
      if (n instanceof Double || n instanceof Float) {
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
          throw new JsonException("cannot write the non-finite number " + d + " as JSON", -1);
        }
        // Float.toString keeps a float's shortest form ("0.1", not "0.10000000149011612").
        out.append(n instanceof Float f ? Float.toString(f) : Double.toString(d));
      } else if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
          || n instanceof BigInteger) {
        out.append(n);
      } else if (n instanceof BigDecimal bd) {
        out.append(bd.toString());
      } else {
        throw new JsonException("cannot write a " + n.getClass().getName() + " as JSON", -1);
      }
    }

    private void object(Map<?, ?> m, int depth) {
      checkDepth(depth);
      if (m.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new JsonException("object keys must be strings, got " + e.getKey(), -1);
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        newline(depth);
        quote(key, out);
        out.append(indent == null ? ":" : ": ");
        value(e.getValue(), depth);
      }
      newline(depth - 1);
      out.append('}');
    }

    private void array(List<Object> items, int depth) {
      checkDepth(depth);
      if (items.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        newline(depth);
        value(items.get(i), depth);
      }
      newline(depth - 1);
      out.append(']');
    }

    private void newline(int depth) {
      if (indent != null) {
        out.append('\n').append(indent.repeat(depth));
      }
    }

    private static void checkDepth(int depth) {
      if (depth > MAX_DEPTH) {
        throw new JsonException("value nested deeper than " + MAX_DEPTH + " (a cycle?)", -1);
      }
    }
  }

  private static String hexOf(char c) {
    return String.format("%04x", (int) c);
  }

  private static String describe(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : "U+" + String.format("%04X", (int) c);
  }

  private static String abbreviate(String s) {
    return Printable.clip(s);
  }
}
