package io.tessera.text;

import io.tessera.api.BadInputException;
import io.tessera.spi.ParamSpec;
import io.tessera.spi.ParamValues;
import io.tessera.spi.Range;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The default rule-based Unicode tokenizer: one pass over the code points, no regular expressions, no
 * dictionary. It suits English and Korean sentiment data (IMDB, NSMC), Word2Vec/GloVe corpora and topic models.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>A word is a run of Unicode letters, marks and numbers (general categories L*, M*, Nd, Nl, No), so
 *       Hangul, CJK, accented Latin and scripts with combining marks all work and a combining mark stays with
 *       its letter. Scripts written without spaces (Chinese, Japanese, Thai) come out as whole runs: segment
 *       them with a dedicated tokenizer. Korean comes out as space-separated eojeol ({@code 영화가}).</li>
 *   <li>Everything else separates words and is dropped: punctuation, symbols (including emoji), white space,
 *       and control characters such as the stray U+0008 and U+0010 found in real data.</li>
 *   <li>A hyphen (U+002D, U+2010, U+2011) between a word character and a letter or digit joins:
 *       {@code state-of-the-art}, {@code e-mail}; the token always carries the ASCII {@code -}. Double hyphens,
 *       dashes (U+2013, U+2014) and leading or trailing hyphens separate.</li>
 *   <li>An underscore before a letter or digit joins ({@code new_york}, as in phrase-detected corpora); so do
 *       the zero-width joiners U+200C/U+200D before a word character (needed by Persian and Indic text); a
 *       soft hyphen (U+00AD) inside a word is removed.</li>
 *   <li>Numbers: a {@code .} or {@code ,} between two decimal digits joins, so {@code 3.14}, {@code 1,000} and
 *       {@code 1,000,000.50} stay whole (but {@code U.S.} becomes {@code u}, {@code s}, and {@code 4:00}
 *       becomes {@code 4}, {@code 00}).</li>
 *   <li>Apostrophes are {@code '} and the look-alikes found in real reviews: U+2019 (curly), U+00B4 (acute
 *       accent) and U+0060 (grave accent). Tokens always carry the ASCII {@code '}. With
 *       {@code split_clitics} (default), English clitics are split as in the Penn Treebank:
 *       {@code doesn't -> does n't}, {@code can't -> ca n't}, {@code I'm -> I 'm}, {@code it's -> it 's},
 *       {@code we'll}, {@code they've}, {@code you're}, {@code I'd}, and chains such as
 *       {@code shouldn't've -> should n't 've}. Another apostrophe between two Latin letters joins
 *       ({@code O'Neill}, {@code rock'n'roll}, {@code l'homme}); elsewhere it is a quote and is dropped
 *       ({@code '기생충'이} gives {@code 기생충}, {@code 이}; {@code teachers'} gives {@code teachers}).</li>
 *   <li>With {@code strip_html} (default), HTML tags ({@code <br />}, {@code <i>}, {@code </i>},
 *       {@code <!-- -->}) separate words and are dropped, and character references are decoded first:
 *       numeric ones ({@code &#345;}, {@code &#x159;}) and {@code &amp; &lt; &gt; &quot; &apos; &nbsp;}. A tag
 *       is {@code <} followed by a letter, {@code /letter} or {@code !}, up to the next {@code >} within 1024
 *       characters with no {@code <} in between; {@code <3} and {@code a < b} are left alone. IMDB reviews
 *       contain over 100,000 {@code <br />} tags, which would otherwise make {@code br} a top-20 word.</li>
 * </ul>
 *
 * <p>Each token is then finished in this order: Unicode normalization ({@code normalize}, NFC by default, so
 * decomposed and precomposed {@code é} and NFD Hangul give the same token; NFKC also folds full-width and
 * compatibility forms but turns Hangul compatibility jamo such as {@code ㅋ} into conjoining jamo, so keep NFC
 * for Korean), lower-casing with {@link Locale#ROOT} ({@code lowercase}), accent stripping
 * ({@code strip_accents}: removes every nonspacing mark, like gensim's {@code deacc}; meant for Latin, Greek
 * and Cyrillic text), then the filters: tokens shorter than {@code min_length} or longer than
 * {@code max_length} code points are dropped, and with {@code numbers=drop} so are tokens made only of
 * numbers and the joiners {@code . , -} ({@code 1,000}, {@code 1990-1995}; not {@code 70s} or {@code 10,000원}).
 *
 * <p>Instances are immutable and thread-safe. Create them with {@link #builder()}, {@link #withDefaults()} or,
 * from {@code key=value} options, {@link #of(ParamValues)} with {@link #optionSpecs()}.
 */
public final class DefaultTokenizer implements Tokenizer {

  /** How each token is normalized before lower-casing. */
  public enum Normalization {
    /** Canonical composition (the default; safe for every script). */
    NFC(Normalizer.Form.NFC),
    /** Compatibility composition: also folds full-width letters, ligatures and superscripts. */
    NFKC(Normalizer.Form.NFKC),
    /** Tokens are left as they are in the text. */
    NONE(null);

    private final Normalizer.Form form;

    Normalization(Normalizer.Form form) {
      this.form = form;
    }
  }

  private static final List<ParamSpec<?>> OPTION_SPECS = List.of(
      ParamSpec.ofBoolean("lowercase", true, "lower-case every token (Locale.ROOT)"),
      ParamSpec.ofBoolean("strip_html", true,
          "drop HTML tags such as <br /> and decode character references such as &amp; and &#345;"),
      ParamSpec.ofBoolean("split_clitics", true,
          "split English clitics as the Penn Treebank does: doesn't -> does n't, I'm -> I 'm, it's -> it 's"),
      ParamSpec.ofChoice("numbers", "keep", List.of("keep", "drop"),
          "keep or drop tokens made only of numbers, such as 42, 3.14 and 1,000"),
      ParamSpec.ofInt("min_length", 1, Range.atLeast(1), "drop tokens shorter than this many code points"),
      ParamSpec.ofInt("max_length", 0, Range.atLeast(0),
          "drop tokens longer than this many code points (0: no limit)"),
      ParamSpec.ofChoice("normalize", "nfc", List.of("nfc", "nfkc", "none"),
          "Unicode normalization of each token (nfkc also folds full-width forms but alters Hangul jamo)"),
      ParamSpec.ofBoolean("strip_accents", false, "remove nonspacing marks, as in cafe for café"));

  /** Longest HTML tag (in chars) that is recognised; longer {@code <...>} spans are left as text. */
  private static final int MAX_TAG = 1024;
  /** Longest character reference considered, {@code &#x10FFFF;} being the longest useful one. */
  private static final int MAX_ENTITY = 10;
  private static final char SOFT_HYPHEN = '\u00AD';
  private static final char ZWNJ = '\u200C';
  private static final char ZWJ = '\u200D';
  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII_WORD[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
  }

  private static final DefaultTokenizer DEFAULTS = builder().build();

  private final boolean lowercase;
  private final boolean stripHtml;
  private final boolean splitClitics;
  private final boolean dropNumbers;
  private final int minLength;
  private final int maxLength;
  private final Normalization normalization;
  private final boolean stripAccents;

  private DefaultTokenizer(Builder b) {
    if (b.minLength < 1) {
      throw BadInputException.parameter("min_length", b.minLength + " is outside the allowed range [1, inf)");
    }
    if (b.maxLength < 0) {
      throw BadInputException.parameter("max_length", b.maxLength + " is outside the allowed range [0, inf)");
    }
    if (b.maxLength > 0 && b.maxLength < b.minLength) {
      throw BadInputException.parameter("max_length",
          b.maxLength + " is below min_length " + b.minLength + ", so every token would be dropped");
    }
    this.lowercase = b.lowercase;
    this.stripHtml = b.stripHtml;
    this.splitClitics = b.splitClitics;
    this.dropNumbers = b.dropNumbers;
    this.minLength = b.minLength;
    this.maxLength = b.maxLength;
    this.normalization = b.normalization;
    this.stripAccents = b.stripAccents;
  }

  /** @return a tokenizer with every option at its default */
  public static DefaultTokenizer withDefaults() {
    return DEFAULTS;
  }

  /** @return a builder starting from the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the options this tokenizer takes as {@code key=value}, with defaults, ranges and documentation */
  public static List<ParamSpec<?>> optionSpecs() {
    return OPTION_SPECS;
  }

  /**
   * Creates a tokenizer from options validated against {@link #optionSpecs()}.
   *
   * @throws BadInputException naming the option when the combination is inconsistent (max below min length)
   */
  public static DefaultTokenizer of(ParamValues options) {
    return builder()
        .lowercase(options.getBoolean("lowercase"))
        .stripHtml(options.getBoolean("strip_html"))
        .splitClitics(options.getBoolean("split_clitics"))
        .dropNumbers(options.getString("numbers").equals("drop"))
        .minLength(options.getInt("min_length"))
        .maxLength(options.getInt("max_length"))
        .normalization(Normalization.valueOf(options.getString("normalize").toUpperCase(Locale.ROOT)))
        .stripAccents(options.getBoolean("strip_accents"))
        .build();
  }

  /**
   * @return this tokenizer's options as {@code key=value} text in {@link #optionSpecs()} order; parsing them
   *     with {@link ParamValues#parse} and {@link #of} rebuilds an equal tokenizer (store them with a model so
   *     new text is tokenized as the training text was)
   */
  public Map<String, String> options() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("lowercase", Boolean.toString(lowercase));
    m.put("strip_html", Boolean.toString(stripHtml));
    m.put("split_clitics", Boolean.toString(splitClitics));
    m.put("numbers", dropNumbers ? "drop" : "keep");
    m.put("min_length", Integer.toString(minLength));
    m.put("max_length", Integer.toString(maxLength));
    m.put("normalize", normalization.name().toLowerCase(Locale.ROOT));
    m.put("strip_accents", Boolean.toString(stripAccents));
    return Collections.unmodifiableMap(m);
  }

  @Override
  public List<String> tokenize(CharSequence text) {
    List<String> out = new ArrayList<>();
    forEachToken(text, out::add);
    return Collections.unmodifiableList(out);
  }

  @Override
  public void forEachToken(CharSequence text, Consumer<? super String> action) {
    String s = text.toString();
    if (stripHtml && s.indexOf('&') >= 0) {
      s = decodeReferences(s);
    }
    new Scan(s, action).run();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DefaultTokenizer t && options().equals(t.options());
  }

  @Override
  public int hashCode() {
    return options().hashCode();
  }

  @Override
  public String toString() {
    return "DefaultTokenizer" + options();
  }

  // ---------------------------------------------------------------- one pass over one text

  /** The state of one tokenize call; the tokenizer itself stays immutable. */
  private final class Scan {
    private final String s;
    private final int n;
    private final Consumer<? super String> action;
    private final StringBuilder buf = new StringBuilder(32);
    /** Start of the current word in {@code s}. */
    private int start;
    /** Whether the current word differs from {@code s[start, i)} and so lives in {@code buf}. */
    private boolean copied;
    /** The last non-mark code point of the current word. */
    private int lastBase;

    Scan(String s, Consumer<? super String> action) {
      this.s = s;
      this.n = s.length();
      this.action = action;
    }

    void run() {
      int i = 0;
      while (i < n) {
        char c = s.charAt(i);
        if (c == '<' && stripHtml) {
          int end = tagEnd(i);
          if (end > 0) {
            i = end;
            continue;
          }
        }
        int cp = Character.isSurrogate(c) ? s.codePointAt(i) : c;
        i = isWordChar(cp) ? word(i) : i + Character.charCount(cp);
      }
    }

    /** Reads the word starting at {@code from}, emits it (and any clitics), and returns the index after it. */
    private int word(int from) {
      start = from;
      copied = false;
      lastBase = -1;
      int i = from;
      while (true) {
        while (i < n) {
          int cp = s.codePointAt(i);
          if (!isWordChar(cp)) {
            break;
          }
          if (!isMark(cp)) {
            lastBase = cp;
          }
          if (copied) {
            buf.appendCodePoint(cp);
          }
          i += Character.charCount(cp);
        }
        if (i >= n) {
          break;
        }
        char c = s.charAt(i);
        int next = i + 1 < n ? s.codePointAt(i + 1) : -1;
        if (isHyphen(c) && isAlnum(next)) {
          append(i, c, '-');
        } else if ((c == '.' || c == ',') && isDecimalDigit(lastBase) && isDecimalDigit(next)) {
          append(i, c, c);
        } else if ((c == '_' && isAlnum(next)) || ((c == ZWJ || c == ZWNJ) && isWordChar(next))) {
          append(i, c, c);
        } else if (c == SOFT_HYPHEN && isWordChar(next)) {
          copyUpTo(i);
        } else if (isApostrophe(c) && Character.isLetterOrDigit(lastBase)) {
          if (splitClitics) {
            int end = clitics(i);
            if (end > 0) {
              return end;
            }
          }
          if (!isLatinLetter(lastBase) || !isLatinLetter(next)) {
            break;
          }
          append(i, c, '\'');
        } else {
          break;
        }
        i++;
      }
      emit(current(i));
      return i;
    }

    /** Appends the joiner {@code c} at {@code i} to the current word, written as {@code as}. */
    private void append(int i, char c, char as) {
      if (c != as) {
        copyUpTo(i);
      }
      if (copied) {
        buf.append(as);
      }
    }

    /** Moves the current word {@code s[start, i)} into {@code buf} so that it can differ from the text. */
    private void copyUpTo(int i) {
      if (!copied) {
        buf.setLength(0);
        buf.append(s, start, i);
        copied = true;
      }
    }

    private String current(int end) {
      return copied ? buf.toString() : s.substring(start, end);
    }

    /**
     * Splits Penn Treebank clitics at the apostrophe {@code a}: emits the word before it and each clitic, and
     * returns the index after the last clitic, or -1 when no clitic ends the word there.
     */
    private int clitics(int a) {
      int end;
      int t = a + 1;
      char before = s.charAt(a - 1);
      if ((before == 'n' || before == 'N') && t < n && (s.charAt(t) == 't' || s.charAt(t) == 'T')
          && wordEndsAt(t + 1)) {
        String word = current(a);
        int stem = word.length() - 1;
        while (stem > 0 && !isWordChar(word.codePointBefore(stem))) {
          stem--; // a joiner (always one BMP char) left dangling by the split, as in "x-n't"
        }
        if (stem > 0) {
          emit(word.substring(0, stem));
        }
        emit(new String(new char[] {before, '\'', s.charAt(t)}));
        end = t + 1;
      } else {
        int len = cliticLength(a);
        if (len == 0) {
          return -1;
        }
        emit(current(a));
        emit("'" + s.substring(a + 1, a + 1 + len));
        end = a + 1 + len;
      }
      int len;
      while (end < n && isApostrophe(s.charAt(end)) && (len = cliticLength(end)) > 0) {
        emit("'" + s.substring(end + 1, end + 1 + len));
        end += 1 + len;
      }
      return end;
    }

    /** @return the length of the clitic ({@code s m d ll re ve}) after the apostrophe at {@code a}, or 0 */
    private int cliticLength(int a) {
      int p = a + 1;
      if (p + 1 < n && wordEndsAt(p + 2)) {
        char x = Character.toLowerCase(s.charAt(p));
        char y = Character.toLowerCase(s.charAt(p + 1));
        if (x == 'l' && y == 'l' || x == 'r' && y == 'e' || x == 'v' && y == 'e') {
          return 2;
        }
      }
      if (p < n && wordEndsAt(p + 1)) {
        char x = Character.toLowerCase(s.charAt(p));
        if (x == 's' || x == 'm' || x == 'd') {
          return 1;
        }
      }
      return 0;
    }

    private boolean wordEndsAt(int k) {
      return k >= n || !isWordChar(s.codePointAt(k));
    }

    /** @return the index after the HTML tag starting at {@code i}, or -1 when there is none */
    private int tagEnd(int i) {
      if (i + 1 >= n) {
        return -1;
      }
      char c1 = s.charAt(i + 1);
      boolean opens = isAsciiLetter(c1) || c1 == '!' || (c1 == '/' && i + 2 < n && isAsciiLetter(s.charAt(i + 2)));
      if (!opens) {
        return -1;
      }
      int limit = Math.min(n, i + MAX_TAG);
      for (int k = i + 1; k < limit; k++) {
        char c = s.charAt(k);
        if (c == '>') {
          return k + 1;
        }
        if (c == '<') {
          return -1;
        }
      }
      return -1;
    }

    private void emit(String raw) {
      String t = raw;
      if (normalization.form != null && !isTriviallyNormalized(t, normalization)
          && !Normalizer.isNormalized(t, normalization.form)) {
        t = Normalizer.normalize(t, normalization.form);
      }
      if (lowercase) {
        t = t.toLowerCase(Locale.ROOT);
      }
      if (stripAccents) {
        t = withoutAccents(t);
      }
      int len = t.codePointCount(0, t.length());
      if (len < minLength || (maxLength > 0 && len > maxLength) || (dropNumbers && isNumber(t))) {
        return;
      }
      action.accept(t);
    }
  }

  // ---------------------------------------------------------------- character classes

  private static boolean isWordChar(int cp) {
    if (cp < 128) {
      return cp >= 0 && ASCII_WORD[cp];
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
           Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
           Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK, Character.DECIMAL_DIGIT_NUMBER,
           Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }

  private static boolean isMark(int cp) {
    if (cp < 0x300) {
      return false;
    }
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK;
  }

  private static boolean isAlnum(int cp) {
    return isWordChar(cp) && !isMark(cp);
  }

  private static boolean isNumeral(int cp) {
    if (cp < 128) {
      return cp >= '0' && cp <= '9';
    }
    int t = Character.getType(cp);
    return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
  }

  private static boolean isDecimalDigit(int cp) {
    return cp >= 0 && Character.isDigit(cp);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isLatinLetter(int cp) {
    if (cp < 128) {
      return cp >= 0 && isAsciiLetter((char) cp);
    }
    return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
  }

  private static boolean isHyphen(char c) {
    return c == '-' || c == '\u2010' || c == '\u2011';
  }

  /** ASCII apostrophe, right single quotation mark, and the acute and grave accents typed in its place. */
  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u00B4' || c == '`';
  }

  /** @return whether {@code t} is only numbers and the joiners {@code . , -}, with at least one number */
  private static boolean isNumber(String t) {
    boolean numeral = false;
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      if (isNumeral(cp)) {
        numeral = true;
      } else if (cp != '.' && cp != ',' && cp != '-') {
        return false;
      }
      i += Character.charCount(cp);
    }
    return numeral;
  }

  /**
   * Cheap test that skips the normalizer for the common cases: text below U+0300 (Latin-1 for NFKC) and
   * precomposed Hangul syllables are already normalized.
   */
  private static boolean isTriviallyNormalized(String t, Normalization form) {
    char limit = form == Normalization.NFC ? '\u0300' : '\u00A0';
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= limit && (c < '\uAC00' || c > '\uD7A3')) {
        return false;
      }
    }
    return true;
  }

  private static String withoutAccents(String t) {
    boolean plain = true;
    for (int i = 0; i < t.length() && plain; i++) {
      plain = t.charAt(i) < '\u00C0';
    }
    if (plain) {
      return t;
    }
    String d = Normalizer.normalize(t, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); ) {
      int cp = d.codePointAt(i);
      if (Character.getType(cp) != Character.NON_SPACING_MARK) {
        sb.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return Normalizer.normalize(sb, Normalizer.Form.NFC);
  }

  // ---------------------------------------------------------------- HTML character references

  /** Decodes numeric references and the XML entities plus {@code &nbsp;}; anything else is left as text. */
  static String decodeReferences(String s) {
    StringBuilder out = null;
    int copiedTo = 0;
    int amp = s.indexOf('&');
    while (amp >= 0) {
      int semi = -1;
      for (int k = amp + 2, limit = Math.min(s.length(), amp + MAX_ENTITY + 1); k < limit && semi < 0; k++) {
        if (s.charAt(k) == ';') {
          semi = k;
        }
      }
      int cp = semi > 0 ? reference(s, amp + 1, semi) : -1;
      if (cp < 0) {
        amp = s.indexOf('&', amp + 1);
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length());
      }
      out.append(s, copiedTo, amp).appendCodePoint(cp);
      copiedTo = semi + 1;
      amp = s.indexOf('&', copiedTo);
    }
    return out == null ? s : out.append(s, copiedTo, s.length()).toString();
  }

  /** @return the code point named by {@code s[from, to)} (the text between {@code &} and {@code ;}), or -1 */
  private static int reference(String s, int from, int to) {
    if (s.charAt(from) != '#') {
      return switch (s.substring(from, to)) {
        case "amp" -> '&';
        case "lt" -> '<';
        case "gt" -> '>';
        case "quot" -> '"';
        case "apos" -> '\'';
        case "nbsp" -> '\u00A0';
        default -> -1;
      };
    }
    boolean hex = from + 1 < to && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X');
    int p = from + (hex ? 2 : 1);
    if (p == to) {
      return -1;
    }
    int cp = 0;
    for (; p < to; p++) {
      int digit = Character.digit(s.charAt(p), hex ? 16 : 10);
      if (digit < 0 || s.charAt(p) > 'f') {
        return -1;
      }
      cp = cp * (hex ? 16 : 10) + digit;
      if (cp > Character.MAX_CODE_POINT) {
        return -1;
      }
    }
    return cp == 0 || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) ? -1 : cp;
  }

  // ---------------------------------------------------------------- builder

  /** Sets the options of a {@link DefaultTokenizer}; every option starts at its documented default. */
  public static final class Builder {
    private boolean lowercase = true;
    private boolean stripHtml = true;
    private boolean splitClitics = true;
    private boolean dropNumbers;
    private int minLength = 1;
    private int maxLength;
    private Normalization normalization = Normalization.NFC;
    private boolean stripAccents;

    private Builder() {
    }

    /** Lower-cases tokens with {@link Locale#ROOT} (default true). */
    public Builder lowercase(boolean on) {
      this.lowercase = on;
      return this;
    }

    /** Drops HTML tags and decodes character references (default true). */
    public Builder stripHtml(boolean on) {
      this.stripHtml = on;
      return this;
    }

    /** Splits English clitics as the Penn Treebank does (default true). */
    public Builder splitClitics(boolean on) {
      this.splitClitics = on;
      return this;
    }

    /** Drops tokens made only of numbers (default false: numbers are kept). */
    public Builder dropNumbers(boolean on) {
      this.dropNumbers = on;
      return this;
    }

    /** Drops tokens shorter than {@code codePoints} (default 1, at least 1). */
    public Builder minLength(int codePoints) {
      this.minLength = codePoints;
      return this;
    }

    /** Drops tokens longer than {@code codePoints}; 0 (the default) keeps every length. */
    public Builder maxLength(int codePoints) {
      this.maxLength = codePoints;
      return this;
    }

    /** Chooses the Unicode normalization of each token (default {@link Normalization#NFC}). */
    public Builder normalization(Normalization form) {
      this.normalization = Objects.requireNonNull(form, "form");
      return this;
    }

    /** Removes nonspacing marks from tokens (default false). */
    public Builder stripAccents(boolean on) {
      this.stripAccents = on;
      return this;
    }

    /**
     * @return the tokenizer
     * @throws BadInputException naming the option when a length is out of range or max is below min
     */
    public DefaultTokenizer build() {
      return new DefaultTokenizer(this);
    }
  }
}
