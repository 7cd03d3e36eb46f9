package io.tessera.text;

import io.tessera.api.BadInputException;
import io.tessera.io.TextCorpus;
import io.tessera.spi.ParamSpec;
import io.tessera.spi.ParamValues;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A set of stopwords: tokens that are dropped before counting because they carry little meaning on their own.
 *
 * <p>Two lists ship with Tessera (their sources and licences are in the README beside them, under
 * {@code io/tessera/text/stopwords/}):
 * <ul>
 *   <li>{@link #english()}: scikit-learn's {@code ENGLISH_STOP_WORDS} (318 words, BSD-3-Clause), so that
 *       {@code stopwords=english} gives the same vocabulary as {@code CountVectorizer(stop_words='english')};</li>
 *   <li>{@link #korean()}: 100 morphemes (particles, endings, suffixes, the copula, light and auxiliary verbs,
 *       dependent nouns, pronouns, determiners) measured on NSMC reviews and Seoul citizens' proposals analysed by
 *       the {@code korean} tokenizer, negations excluded. It is meant for morphemes, not for space-separated
 *       words.</li>
 * </ul>
 *
 * <p>Every family takes the same switch, {@code stopwords=none|english|korean|FILE} (see {@link #parse} and
 * {@link #paramSpec()}). A user list {@linkplain #load file} is UTF-8 text with one word per line; {@code #} starts
 * a comment (a whole line, or the rest of a line after white space) and blank lines are ignored.
 *
 * <p>Tokens are compared exactly, so lists are written the way tokenizers output tokens: lower case (tokenizers
 * lower-case by default) and Unicode NFC (list words are normalised to NFC when loaded). Instances are immutable
 * and thread-safe.
 */
public final class Stopwords {

  /** The name of the switch and of the option every family uses for it. */
  public static final String OPTION = "stopwords";

  private static final ParamSpec<String> SPEC = ParamSpec.ofString(OPTION, "none",
      "tokens to drop: none, english (scikit-learn's list), korean (particles, endings and other grammatical"
          + " morphemes), a file with one word per line (# comments), or several joined by commas");
  private static final List<String> NAMES = List.of("none", "english", "korean");
  private static final Stopwords NONE = new Stopwords("none", Set.of());

  private final String name;
  private final Set<String> words;

  private Stopwords(String name, Set<String> words) {
    this.name = name;
    this.words = words;
  }

  /** @return the empty list: nothing is dropped */
  public static Stopwords none() {
    return NONE;
  }

  /** @return scikit-learn's English list (318 words) */
  public static Stopwords english() {
    return Shipped.ENGLISH;
  }

  /** @return Tessera's Korean morpheme list (100 forms) */
  public static Stopwords korean() {
    return Shipped.KOREAN;
  }

  /** @return the option {@code stopwords} (default {@code none}) with its documentation, for a family's specs */
  public static ParamSpec<String> paramSpec() {
    return SPEC;
  }

  /**
   * Reads the value of the {@code stopwords} switch: {@code none}, {@code english}, {@code korean}, the path of a
   * list file, or several of these joined by commas (their union, e.g. {@code english,korean} for mixed text). A
   * value naming an existing file is always taken as that file, even when it contains commas.
   *
   * @throws BadInputException naming the option for a value that is neither a list name nor an existing file (with
   *                           the nearest name, for a typo such as {@code englsh}), or naming the file and line of
   *                           a bad list file
   */
  public static Stopwords parse(String value) {
    String v = Objects.requireNonNull(value, "value").strip();
    if (v.isEmpty()) {
      return NONE;
    }
    Stopwords single = single(v);
    if (single != null) {
      return single;
    }
    if (v.indexOf(',') < 0) {
      throw unknown(v);
    }
    Stopwords union = NONE;
    for (String part : v.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      Stopwords s = single(p);
      if (s == null) {
        throw unknown(p);
      }
      union = union.union(s);
    }
    return union;
  }

  /** @return the named list or the existing file {@code v}, or null when it is neither */
  private static Stopwords single(String v) {
    return switch (v) {
      case "none" -> NONE;
      case "english" -> english();
      case "korean" -> korean();
      default -> Files.isRegularFile(Path.of(v)) ? load(Path.of(v)) : null;
    };
  }

  private static BadInputException unknown(String v) {
    return BadInputException.parameter(OPTION, "'" + v + "' is neither " + String.join(", ", NAMES)
        + " nor an existing file" + ParamValues.suggestion(v, NAMES));
  }

  /**
   * Reads a list file: UTF-8, one word per line, {@code #} comments, blank lines ignored.
   *
   * @throws BadInputException naming the file and line for a line holding more than one word or invalid UTF-8, or
   *                           the file when it does not exist
   */
  public static Stopwords load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw BadInputException.inFile(file, 0, "stopword list not found (a UTF-8 text file with one word per line)");
    }
    try (Stream<String> lines = TextCorpus.lines(file)) {
      return new Stopwords(file.toString(), read(lines.iterator(), file));
    }
  }

  /**
   * @param name  how the list is shown (in {@link #name()} and model cards)
   * @param words the words, compared exactly with tokens after NFC normalisation
   * @return a list of the given words
   */
  public static Stopwords of(String name, Collection<String> words) {
    Set<String> set = new LinkedHashSet<>();
    for (String w : words) {
      set.add(Normalizer.normalize(w, Normalizer.Form.NFC));
    }
    return new Stopwords(Objects.requireNonNull(name, "name"), Collections.unmodifiableSet(set));
  }

  private static Set<String> read(Iterator<String> lines, Path file) {
    Set<String> set = new LinkedHashSet<>();
    long lineNo = 0;
    while (lines.hasNext()) {
      String raw = lines.next();
      lineNo++;
      String line = withoutComment(raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      for (int i = 0; i < line.length(); i++) {
        if (Character.isWhitespace(line.charAt(i))) {
          String problem = "one word per line, but found '" + line + "'";
          throw file == null ? new IllegalStateException(problem) : BadInputException.inFile(file, lineNo, problem);
        }
      }
      set.add(Normalizer.normalize(line, Normalizer.Form.NFC));
    }
    return Collections.unmodifiableSet(set);
  }

  /** Drops a comment: a line starting with {@code #} (after white space), or {@code #} after white space. */
  private static String withoutComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** @return {@code none}, {@code english}, {@code korean}, the file, or the parts of a union joined by commas */
  public String name() {
    return name;
  }

  /** @return the words, in the order they were listed */
  public Set<String> words() {
    return words;
  }

  /** @return the number of words */
  public int size() {
    return words.size();
  }

  /** @return whether nothing is dropped */
  public boolean isEmpty() {
    return words.isEmpty();
  }

  /** @return whether {@code token} is a stopword */
  public boolean contains(String token) {
    return words.contains(token);
  }

  /** @return the words of both lists, named {@code this,other} */
  public Stopwords union(Stopwords other) {
    if (other.isEmpty() && !isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    Set<String> set = new LinkedHashSet<>(words);
    set.addAll(other.words);
    return new Stopwords(name + "," + other.name, Collections.unmodifiableSet(set));
  }

  /**
   * @return a tokenizer that gives the tokens of {@code tokenizer} except the stopwords; {@code tokenizer} itself
   *     when this list is empty
   */
  public Tokenizer filter(Tokenizer tokenizer) {
    Objects.requireNonNull(tokenizer, "tokenizer");
    return isEmpty() ? tokenizer : new Filtered(tokenizer, words);
  }

  /**
   * A tokenizer without the stopwords; the vectorizers look inside it so that a tokenizer that scans bytes still
   * can, with the stopwords dropped by term instead of by token.
   */
  record Filtered(Tokenizer tokenizer, Set<String> words) implements Tokenizer {
    @Override
    public List<String> tokenize(CharSequence text) {
      List<String> out = new ArrayList<>();
      forEachToken(text, out::add);
      return Collections.unmodifiableList(out);
    }

    @Override
    public void forEachToken(CharSequence text, Consumer<? super String> action) {
      tokenizer.forEachToken(text, t -> {
        if (!words.contains(t)) {
          action.accept(t);
        }
      });
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Stopwords s && name.equals(s.name) && words.equals(s.words);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + words.hashCode();
  }

  @Override
  public String toString() {
    return "Stopwords[" + name + ", " + words.size() + " words]";
  }

  /** The shipped lists, read on first use. */
  private static final class Shipped {
    static final Stopwords ENGLISH = resource("english");
    static final Stopwords KOREAN = resource("korean");

    private static Stopwords resource(String name) {
      String path = "stopwords/" + name + ".txt";
      try (InputStream in = Stopwords.class.getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("the stopword list " + path + " is missing from the Tessera API jar");
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new Stopwords(name, read(r.lines().iterator(), null));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
