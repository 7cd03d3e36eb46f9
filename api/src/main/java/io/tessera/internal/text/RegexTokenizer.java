package io.tessera.internal.text;

import io.tessera.api.BadInputException;
import io.tessera.spi.ParamSpec;
import io.tessera.spi.ParamValues;
import io.tessera.text.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The tokens a regular expression finds, with scikit-learn's semantics, so that Tessera's document-term matrices
 * can be compared with {@code CountVectorizer}'s token for token. Published as the tokenizer {@code regex}.
 *
 * <p>As scikit-learn does, the whole text is lower-cased first ({@code lowercase}, with {@link Locale#ROOT} full
 * case mapping like Python's {@code str.lower()}), then every non-overlapping match of {@code pattern} is a token;
 * a pattern with one capturing group gives the group's text, and more than one group is an error. The default
 * pattern {@code (?u)\b\w\w+\b} gives runs of two or more word characters.
 *
 * <p>Patterns are written in Python's {@code re} syntax, as they are for scikit-learn, and translated to
 * {@code java.util.regex}. The translation matters for exact agreement: Python's {@code \w} is a letter (L*), a
 * number (N*) or {@code _}, while Java's Unicode {@code \w} also takes combining marks, other connector punctuation,
 * the zero-width joiners and letter-like symbols (Ⓐ); so {@code \w \W \b \B \d \D \s \S} are rewritten as explicit
 * Unicode classes with Python's meaning ({@code \s} includes U+001C..U+001F as Python's does), {@code (?P<name>)},
 * {@code (?P=name)}, {@code \Z}, {@code \v}, {@code {,n}} and {@code (?#comments)} are converted, and the pattern is
 * compiled with {@link Pattern#UNIX_LINES} (only {@code \n} ends a line for {@code . ^ $}, as in Python) and
 * {@link Pattern#UNICODE_CASE} (case-insensitive flags fold all scripts, as in Python). Other Python-only syntax is
 * reported as an invalid pattern. The default pattern, and {@code (?u)\b\w+\b}, run as a plain scan without the
 * regex engine.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegexTokenizer implements Tokenizer, Utf8Tokenizer {

  /** scikit-learn's {@code CountVectorizer} default {@code token_pattern}. */
  public static final String SKLEARN_PATTERN = "(?u)\\b\\w\\w+\\b";

  private static final List<ParamSpec<?>> OPTION_SPECS = List.of(
      ParamSpec.ofString("pattern", SKLEARN_PATTERN,
          "regular expression in Python syntax whose matches are the tokens (scikit-learn's token_pattern);"
              + " with one capturing group, the group is the token"),
      ParamSpec.ofBoolean("lowercase", true, "lower-case the whole text before matching, as scikit-learn does"));

  /**
   * Python's word character, written as the inside of a Java character class. U+10000 is a letter, so listing it
   * changes nothing but is needed: java.util.regex steps back one {@code char} in a lookbehind whose class holds no
   * supplementary character, and so would not see 𝐀 (U+1D400) before the position.
   */
  private static final String WORD = "\\p{L}\\p{N}_\uD800\uDC00";
  /** Python's white space ({@code str.isspace}): Unicode White_Space plus the separators U+001C..U+001F. */
  private static final String SPACE = "\\p{IsWhite_Space}\\x1C-\\x1F";
  private static final String BOUNDARY = "(?:(?<=[" + WORD + "])(?![" + WORD + "])|(?<![" + WORD + "])(?=[" + WORD
      + "]))";
  private static final String NON_BOUNDARY = "(?:(?<=[" + WORD + "])(?=[" + WORD + "])|(?<![" + WORD + "])(?!["
      + WORD + "]))";
  /** Patterns that mean "runs of at least n word characters", run by {@link #scanRuns} instead of a regex. */
  private static final Map<String, Integer> RUN_PATTERNS = Map.of(
      SKLEARN_PATTERN, 2, "\\b\\w\\w+\\b", 2, "(?u)\\b\\w+\\b", 1, "\\b\\w+\\b", 1);
  private static final boolean[] ASCII_WORD = new boolean[128];
  /**
   * ASCII white space. Lower-casing never looks across it (Java and Python both decide a final sigma within a
   * word), so the byte scan can hand a stretch between two of these to the string path on its own.
   */
  private static final boolean[] ASCII_SPACE = new boolean[128];
  /** Each ASCII byte lower-cased, and each as it is. */
  private static final byte[] ASCII_LOWER = new byte[128];
  private static final byte[] ASCII_SAME = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII_WORD[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      ASCII_SPACE[c] = c == ' ' || (c >= '\t' && c <= '\r');
      ASCII_SAME[c] = (byte) c;
      ASCII_LOWER[c] = (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
  }

  private static final RegexTokenizer SKLEARN = new RegexTokenizer(SKLEARN_PATTERN, true, true);

  private final String pattern;
  private final boolean lowercase;
  /** The translated pattern, or null when {@link #minRun} applies. */
  private final Pattern compiled;
  private final int minRun;
  private final boolean useGroup;

  private RegexTokenizer(String pattern, boolean lowercase, boolean scanRuns) {
    this.pattern = pattern;
    this.lowercase = lowercase;
    Integer run = scanRuns ? RUN_PATTERNS.get(pattern) : null;
    if (run != null) {
      this.compiled = null;
      this.minRun = run;
      this.useGroup = false;
      return;
    }
    this.minRun = 0;
    this.compiled = compile(pattern);
    int groups = compiled.matcher("").groupCount();
    if (groups > 1) {
      throw BadInputException.parameter("pattern", "has " + groups + " capturing groups; use at most one (its text"
          + " is the token), as scikit-learn requires, and (?:...) for the others");
    }
    this.useGroup = groups == 1;
  }

  /** @return the tokenizer with scikit-learn's defaults: {@code (?u)\b\w\w+\b}, lower-cased */
  public static RegexTokenizer sklearnDefault() {
    return SKLEARN;
  }

  /**
   * @param pythonPattern a regular expression in Python's {@code re} syntax
   * @param lowercase     lower-case the text before matching
   * @throws BadInputException naming the option {@code pattern} when it is not a valid expression or has more than
   *                           one capturing group
   */
  public static RegexTokenizer of(String pythonPattern, boolean lowercase) {
    if (pythonPattern.isEmpty()) {
      throw BadInputException.parameter("pattern", "is empty; the default is " + SKLEARN_PATTERN);
    }
    return pythonPattern.equals(SKLEARN_PATTERN) && lowercase ? SKLEARN
        : new RegexTokenizer(pythonPattern, lowercase, true);
  }

  /** @return a tokenizer that always runs the translated regex, even for the patterns that have a plain scan */
  static RegexTokenizer withoutScan(String pythonPattern, boolean lowercase) {
    return new RegexTokenizer(pythonPattern, lowercase, false);
  }

  /** @return the options this tokenizer takes as {@code key=value}, with defaults and documentation */
  public static List<ParamSpec<?>> optionSpecs() {
    return OPTION_SPECS;
  }

  /** Creates a tokenizer from options validated against {@link #optionSpecs()}. */
  public static RegexTokenizer of(ParamValues options) {
    return of(options.getString("pattern"), options.getBoolean("lowercase"));
  }

  /**
   * @return the options as {@code key=value} text; parsing them with {@link #of(ParamValues)} gives an equal
   *     tokenizer
   */
  public Map<String, String> options() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("pattern", pattern);
    m.put("lowercase", Boolean.toString(lowercase));
    return Collections.unmodifiableMap(m);
  }

  /**
   * @return the {@code java.util.regex} pattern the Python pattern was translated to (empty when the pattern runs as
   *     a plain scan)
   */
  public String javaPattern() {
    return compiled == null ? "" : compiled.pattern();
  }

  @Override
  public List<String> tokenize(CharSequence text) {
    List<String> out = new ArrayList<>();
    forEachToken(text, out::add);
    return Collections.unmodifiableList(out);
  }

  @Override
  public void forEachToken(CharSequence text, Consumer<? super String> action) {
    String s = lowercase ? text.toString().toLowerCase(Locale.ROOT) : text.toString();
    if (compiled == null) {
      scanRuns(s, minRun, action);
      return;
    }
    Matcher m = compiled.matcher(s);
    while (m.find()) {
      if (useGroup) {
        String g = m.group(1);
        action.accept(g == null ? "" : g); // Python's findall gives '' for a group that did not take part
      } else {
        action.accept(m.group());
      }
    }
  }

  @Override
  public boolean scansUtf8() {
    return compiled == null;
  }

  /**
   * Scans the bytes themselves: code points are decoded, lower-cased one by one ({@link Character#toLowerCase(int)})
   * and kept as UTF-8 while their hash is computed. That is what {@code String.toLowerCase(Locale.ROOT)} does to a
   * whole text except for two characters: İ (U+0130) becomes two code points, and Σ (U+03A3) depends on its
   * neighbours (final sigma). A stretch between two ASCII white-space bytes that holds either goes to the string
   * path instead ({@link #scanRuns} of its decoded, lower-cased text; lower-casing never looks across white space),
   * without giving again the tokens the stretch already gave.
   */
  @Override
  public void forEachToken(byte[] text, int from, int to, Utf8Tokenizer.Sink sink) {
    if (compiled != null) {
      throw new IllegalStateException("pattern " + pattern + " is not scanned as bytes");
    }
    byte[] fold = lowercase ? ASCII_LOWER : ASCII_SAME;
    // Lower-casing turns a 2-byte character into at most 3 bytes: twice the text always holds a token.
    byte[] token = new byte[2 * (to - from)];
    int stretch = from;
    int given = 0;
    int n = 0;
    int h = 0;
    int length = 0;
    int i = from;
    while (i < to) {
      int b = text[i];
      if (b >= 0 && ASCII_WORD[b]) { // the common case, kept tight: a run of ASCII word characters
        do {
          b = fold[b];
          token[n++] = (byte) b;
          h = Utf8Terms.step(h, b);
          length++;
        } while (++i < to && (b = text[i]) >= 0 && ASCII_WORD[b]);
        continue;
      }
      int c;
      int width;
      boolean word;
      if (b >= 0) {
        c = fold[b];
        width = 1;
        word = ASCII_WORD[b];
      } else {
        int lead = b & 0xff;
        int cp;
        if (lead < 0xe0) {
          cp = (lead & 0x1f) << 6 | (text[i + 1] & 0x3f);
          width = 2;
        } else if (lead < 0xf0) {
          cp = (lead & 0x0f) << 12 | (text[i + 1] & 0x3f) << 6 | (text[i + 2] & 0x3f);
          width = 3;
        } else {
          cp = (lead & 0x07) << 18 | (text[i + 1] & 0x3f) << 12 | (text[i + 2] & 0x3f) << 6 | (text[i + 3] & 0x3f);
          width = 4;
        }
        if (lowercase && (cp == 0x130 || cp == 0x3a3)) {
          i = stretch(text, stretch, i, to, given, sink);
          stretch = i;
          given = 0;
          n = 0;
          h = 0;
          length = 0;
          continue;
        }
        c = lowercase ? Character.toLowerCase(cp) : cp;
        word = isWord(c);
      }
      if (word) {
        int first = n;
        n = appendUtf8(token, n, c);
        for (int k = first; k < n; k++) {
          h = Utf8Terms.step(h, token[k]);
        }
        length++;
      } else {
        if (length >= minRun) {
          sink.token(token, 0, n, h);
          given++;
        }
        n = 0;
        h = 0;
        length = 0;
        if (b >= 0 && ASCII_SPACE[b]) {
          stretch = i + 1;
          given = 0;
        }
      }
      i += width;
    }
    if (length >= minRun) {
      sink.token(token, 0, n, h);
    }
  }

  /** Writes {@code c} as UTF-8 at {@code token[n]} and returns the new end. */
  private static int appendUtf8(byte[] token, int n, int c) {
    if (c < 0x80) {
      token[n++] = (byte) c;
    } else if (c < 0x800) {
      token[n++] = (byte) (0xc0 | c >> 6);
      token[n++] = (byte) (0x80 | c & 0x3f);
    } else if (c < 0x10000) {
      token[n++] = (byte) (0xe0 | c >> 12);
      token[n++] = (byte) (0x80 | c >> 6 & 0x3f);
      token[n++] = (byte) (0x80 | c & 0x3f);
    } else {
      token[n++] = (byte) (0xf0 | c >> 18);
      token[n++] = (byte) (0x80 | c >> 12 & 0x3f);
      token[n++] = (byte) (0x80 | c >> 6 & 0x3f);
      token[n++] = (byte) (0x80 | c & 0x3f);
    }
    return n;
  }

  /**
   * Tokenizes the stretch {@code text[from, end)}, where {@code end} is the first ASCII white space at or after
   * {@code at}, through the string path, skipping the first {@code given} tokens (already given by the byte scan).
   *
   * @return {@code end}
   */
  private int stretch(byte[] text, int from, int at, int to, int given, Utf8Tokenizer.Sink sink) {
    int end = at;
    while (end < to && (text[end] < 0 || !ASCII_SPACE[text[end]])) {
      end++;
    }
    String s = new String(text, from, end - from, StandardCharsets.UTF_8);
    int[] skip = {given};
    scanRuns(lowercase ? s.toLowerCase(Locale.ROOT) : s, minRun, t -> {
      if (skip[0] > 0) {
        skip[0]--;
        return;
      }
      byte[] b = t.getBytes(StandardCharsets.UTF_8);
      sink.token(b, 0, b.length, Utf8Terms.hash(b, 0, b.length));
    });
    return end;
  }

  /** Emits every maximal run of Python word characters that is at least {@code min} code points long. */
  private static void scanRuns(String s, int min, Consumer<? super String> action) {
    int n = s.length();
    int start = -1;
    int length = 0;
    for (int i = 0; i < n; ) {
      char c = s.charAt(i);
      int cp = Character.isSurrogate(c) ? s.codePointAt(i) : c;
      int width = Character.charCount(cp);
      if (isWord(cp)) {
        if (start < 0) {
          start = i;
          length = 0;
        }
        length++;
      } else if (start >= 0) {
        if (length >= min) {
          action.accept(s.substring(start, i));
        }
        start = -1;
      }
      i += width;
    }
    if (start >= 0 && length >= min) {
      action.accept(s.substring(start));
    }
  }

  /** Python's {@code \w} for {@code str} patterns: {@code str.isalnum()} or {@code _}. */
  static boolean isWord(int cp) {
    if (cp < 128) {
      return ASCII_WORD[cp];
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
           Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
           Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }

  private static Pattern compile(String pythonPattern) {
    try {
      return Pattern.compile(translate(pythonPattern), Pattern.UNIX_LINES | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw BadInputException.parameter("pattern", "'" + pythonPattern + "' is not a valid regular expression ("
          + e.getDescription() + "); Python syntax that Java lacks, such as (?a) or \\U escapes, is not supported");
    }
  }

  /**
   * Rewrites a Python {@code re} pattern as a {@code java.util.regex} pattern with the same meaning for the
   * constructs listed in the class documentation; anything else is copied as it is.
   */
  static String translate(String py) {
    StringBuilder out = new StringBuilder(py.length() + 32);
    boolean inClass = false;
    int classStart = -1;
    int n = py.length();
    for (int i = 0; i < n; i++) {
      char c = py.charAt(i);
      if (c == '\\' && i + 1 < n) {
        char e = py.charAt(++i);
        out.append(inClass ? classEscape(e) : escape(e));
        continue;
      }
      if (inClass) {
        if (c == ']' && i > classStart) {
          inClass = false;
          out.append(']');
        } else if (c == '[') {
          out.append("\\["); // literal in Python, a nested class in Java
        } else if (c == ']') {
          out.append("\\]"); // Python's []...] and [^]...] take ] literally
        } else if (c == '&' && i + 1 < n && py.charAt(i + 1) == '&') {
          out.append("&\\&"); // literal in Python, intersection in Java
          i++;
        } else {
          out.append(c);
        }
        continue;
      }
      if (c == '[') {
        inClass = true;
        out.append('[');
        if (i + 1 < n && py.charAt(i + 1) == '^') {
          out.append('^');
          i++;
        }
        classStart = i + 1;
      } else if (c == '(' && py.startsWith("(?#", i)) {
        int close = py.indexOf(')', i); // a Python comment group, which Java does not have
        i = close < 0 ? n : close;
      } else if (c == '(' && py.startsWith("(?P<", i)) {
        out.append("(?<");
        i += 3;
      } else if (c == '(' && py.startsWith("(?P=", i)) {
        int close = py.indexOf(')', i);
        if (close < 0) {
          out.append(py, i, n);
          break;
        }
        out.append("\\k<").append(py, i + 4, close).append('>');
        i = close;
      } else if (c == '{' && i + 1 < n && py.charAt(i + 1) == ',' && out.length() > 0) {
        out.append("{0"); // Python's {,n} is {0,n}
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String escape(char e) {
    return switch (e) {
      case 'w' -> "[" + WORD + "]";
      case 'W' -> "[^" + WORD + "]";
      case 'd' -> "\\p{Nd}";
      case 'D' -> "\\P{Nd}";
      case 's' -> "[" + SPACE + "]";
      case 'S' -> "[^" + SPACE + "]";
      case 'b' -> BOUNDARY;
      case 'B' -> NON_BOUNDARY;
      case 'Z' -> "\\z";
      case 'v' -> "\\x0B"; // a vertical tab in Python, vertical white space in Java
      default -> "\\" + e;
    };
  }

  private static String classEscape(char e) {
    return switch (e) {
      case 'w' -> WORD;
      case 'W' -> "[^" + WORD + "]";
      case 'd' -> "\\p{Nd}";
      case 'D' -> "\\P{Nd}";
      case 's' -> SPACE;
      case 'S' -> "[^" + SPACE + "]";
      case 'b' -> "\\x08"; // backspace inside a Python class
      case 'v' -> "\\x0B";
      default -> "\\" + e;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegexTokenizer t && pattern.equals(t.pattern) && lowercase == t.lowercase;
  }

  @Override
  public int hashCode() {
    return pattern.hashCode() * 31 + Boolean.hashCode(lowercase);
  }

  @Override
  public String toString() {
    return "RegexTokenizer" + options();
  }
}
