package io.tessera.text.korean;

import io.tessera.api.BadInputException;
import io.tessera.spi.ParamSpec;
import io.tessera.spi.ParamValues;
import io.tessera.text.Tokenizer;
import io.tessera.text.korean.internal.NoriPipeline;
import io.tessera.text.korean.internal.UserDictionaries;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.lucene.analysis.ko.POS;

/**
 * Splits Korean text into morphemes with Lucene's Nori analyzer and its bundled mecab-ko-dic dictionary, so that
 * {@code 영화가}, {@code 영화는} and {@code 영화를} all yield {@code 영화} and an inflected verb yields its stem
 * ({@code 재미있었다} gives {@code 재밌}). Published as the tokenizer {@code korean}.
 *
 * <h2>What comes out</h2>
 * <ul>
 *   <li>Every token is a morpheme with a Sejong part-of-speech tag (the tag set of mecab-ko-dic; see
 *       {@link #tagDescriptions()}). Inflected words always come out as stem and endings
 *       ({@code 먹었어요} is {@code 먹/VV 었/EP 어요/EF}), because the stem is what the modes keep.</li>
 *   <li><b>Modes</b> choose the morphemes by the tag of their head (the last morpheme): {@code all} keeps every one,
 *       {@code content} (the default) keeps those that carry meaning ({@link Mode#CONTENT}), {@code nouns} keeps
 *       general and proper nouns ({@link Mode#NOUNS}), and {@code tags} keeps an explicit list.</li>
 *   <li><b>Compound nouns</b> in the dictionary ({@code 비정규직}, {@code 미성년자}, {@code 주인공}) stay whole by
 *       default ({@code decompound=none}); {@code discard} gives only their parts ({@code 비 정규 직}) and
 *       {@code mixed} the whole followed by its parts, which suits search more than counting.</li>
 *   <li><b>Noun prefixes</b> (tag XPN: 비, 미, 무, 재, 초, 반, ...) join the noun or root right after them
 *       ({@code join_prefix}, default on): {@code 비급여} stays {@code 비급여/XPN+NNG} instead of becoming
 *       {@code 급여}, the opposite of its meaning, as it does with Nori's default stop tags. A prefix that has no
 *       noun after it comes out alone with the tag XPN.</li>
 *   <li>Punctuation and symbols (including emoji) are dropped by Nori. Latin-script words keep their form
 *       ({@code SL}) and are lower-cased with {@link Locale#ROOT} ({@code lowercase}, default on), like the default
 *       tokenizer does. With {@code hanja}, Hanja tokens are replaced by the Hangul reading the dictionary gives
 *       ({@code 學校} becomes {@code 학교}); Hanja the dictionary does not know stays as it is.</li>
 *   <li>With {@code pos}, each token is written {@code form/TAG} ({@code 영화/NNG}, {@code 비급여/XPN+NNG}) so users
 *       see why it appears; {@link #analyze} gives the same as {@link Morpheme} records.</li>
 *   <li>A <b>user dictionary</b> ({@code user_dictionary}) adds nouns to Nori's: a UTF-8 file with one noun per
 *       line, optionally followed by the parts it is made of, separated by spaces ({@code 세종시 세종 시}, which
 *       {@code decompound} then treats like a dictionary compound); {@code #} starts a comment. The parts must spell
 *       the word, a word may not be defined twice in different ways, and MeCab CSV lines (with commas) are refused;
 *       a line that cannot be used is a {@link BadInputException} naming the file and line.</li>
 * </ul>
 * Text is normalised to Unicode NFC first, so decomposed Hangul is analysed like precomposed Hangul.
 *
 * <p>Instances are immutable and thread-safe: Lucene tokenizers are not, so each call borrows one from a pool
 * owned by this instance; Nori's dictionaries are loaded once per JVM, when the first instance is built (about a
 * second), and shared.
 */
public final class KoreanTokenizer implements Tokenizer {

  /** Which morphemes a tokenizer keeps, by the tag of their head. */
  public enum Mode {
    /** Every morpheme, particles and endings included. */
    ALL(),
    /**
     * The morphemes that carry meaning: general and proper nouns (NNG NNP), numerals (NR), verb and adjective
     * stems (VV VA), auxiliary verbs (VX, which carry negation: 좋지 않다 keeps 않) and the negative copula (VCN
     * 아니), general adverbs (MAG: 정말, 안, 못), interjections (IC: ㅋㅋ, 헐), roots (XR: 지루 of 지루하다), noun
     * prefixes (XPN), Latin-script words (SL), Hanja (SH), numbers (SN) and words the dictionary does not know
     * (UNKNOWN UNA NA: slang, typos, ㅠㅠ). Dropped: particles (J*), endings (E*), suffixes (XSN XSV XSA), the
     * copula (VCP), dependent nouns and counters (NNB NNBC: 것, 수, 점), pronouns (NP), determiners (MM),
     * conjunctive adverbs (MAJ) and symbols (SY).
     */
    CONTENT("NNG", "NNP", "NR", "VV", "VA", "VX", "VCN", "MAG", "IC", "XR", "XPN", "SL", "SH", "SN", "UNKNOWN",
        "UNA", "NA"),
    /** General and proper nouns (NNG NNP), including compounds and prefixed nouns such as 비급여. */
    NOUNS("NNG", "NNP"),
    /** The tags given with {@code tags} (or {@link Builder#tags}). */
    TAGS();

    private final Set<String> tags;

    Mode(String... tags) {
      this.tags = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(tags)));
    }

    /** @return the head tags this mode keeps; empty for {@link #ALL} (everything) and {@link #TAGS} (the option) */
    public Set<String> tags() {
      return tags;
    }
  }

  /** What happens to compound nouns of the dictionary, such as 비정규직 (비+정규+직). */
  public enum Decompound {
    /** The compound stays one token (the default). */
    NONE,
    /** Only the parts come out. */
    DISCARD,
    /** The compound, then its parts. */
    MIXED
  }

  private static final List<ParamSpec<?>> OPTION_SPECS = List.of(
      ParamSpec.ofChoice("mode", "content", List.of("all", "content", "nouns", "tags"),
          "which morphemes to keep: all; content (nouns, verb/adjective stems, adverbs, roots, numbers, foreign"
              + " words; no particles or endings); nouns (NNG NNP); tags (the list in 'tags')"),
      ParamSpec.ofString("tags", "", "comma-separated POS tags to keep with mode=tags, e.g. NNG,NNP,VV,VA"),
      ParamSpec.ofChoice("decompound", "none", List.of("none", "discard", "mixed"),
          "compound nouns such as 비정규직: none keeps them whole, discard splits them (비 정규 직), mixed gives both"),
      ParamSpec.ofBoolean("join_prefix", true,
          "join a noun prefix (XPN) to the noun after it, so 비급여 stays 비급여 instead of becoming 급여"),
      ParamSpec.ofString("user_dictionary", "",
          "a Nori user dictionary file: one noun per line, optionally followed by its parts (세종시 세종 시)"),
      ParamSpec.ofBoolean("hanja", false, "replace Hanja by its Hangul reading (學校 -> 학교)"),
      ParamSpec.ofBoolean("lowercase", true, "lower-case Latin-script words (Locale.ROOT)"),
      ParamSpec.ofBoolean("pos", false, "write each token as morpheme/TAG (영화/NNG) to show why it appears"));

  private static final Set<String> KNOWN_TAGS;

  static {
    Set<String> known = new LinkedHashSet<>();
    for (POS.Tag t : POS.Tag.values()) {
      known.add(t.name());
    }
    KNOWN_TAGS = Collections.unmodifiableSet(known);
  }

  private final Mode mode;
  private final Set<String> tags;
  private final Decompound decompound;
  private final boolean joinPrefix;
  private final Path userDictionary;
  private final boolean hanja;
  private final boolean lowercase;
  private final boolean pos;
  private final NoriPipeline pipeline;

  private KoreanTokenizer(Builder b) {
    this.mode = b.mode;
    this.decompound = b.decompound;
    this.joinPrefix = b.joinPrefix;
    this.userDictionary = b.userDictionary;
    this.hanja = b.hanja;
    this.lowercase = b.lowercase;
    this.pos = b.pos;
    if (mode == Mode.TAGS) {
      if (b.tags.isEmpty()) {
        throw BadInputException.parameter("tags", "mode=tags needs the tags to keep, e.g. tags=NNG,NNP,VV,VA");
      }
      this.tags = Collections.unmodifiableSet(new TreeSet<>(b.tags));
    } else {
      if (!b.tags.isEmpty()) {
        throw BadInputException.parameter("tags", "is only used with mode=tags (mode is "
            + mode.name().toLowerCase(Locale.ROOT) + ")");
      }
      this.tags = mode.tags();
    }
    Set<POS.Tag> keep = null;
    if (mode != Mode.ALL) {
      keep = EnumSet.noneOf(POS.Tag.class);
      for (String t : tags) {
        keep.add(POS.Tag.valueOf(t));
      }
    }
    this.pipeline = new NoriPipeline(userDictionary == null ? null : UserDictionaries.load(userDictionary), keep,
        decompound != Decompound.DISCARD, decompound != Decompound.NONE, joinPrefix, hanja, lowercase);
  }

  /** @return a tokenizer with every option at its default (built on first use, then shared) */
  public static KoreanTokenizer withDefaults() {
    return Defaults.INSTANCE;
  }

  /** @return a builder starting from the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the options this tokenizer takes as {@code key=value}, with defaults and documentation */
  public static List<ParamSpec<?>> optionSpecs() {
    return OPTION_SPECS;
  }

  /**
   * Creates a tokenizer from options validated against {@link #optionSpecs()}.
   *
   * @throws BadInputException naming the option for an unknown tag or a tag list without mode=tags, or naming the
   *                           file and line of a bad user dictionary entry
   */
  public static KoreanTokenizer of(ParamValues options) {
    Mode mode = Mode.valueOf(options.getString("mode").toUpperCase(Locale.ROOT));
    String tagList = options.getString("tags").strip();
    if (!tagList.isEmpty() && mode != Mode.TAGS) {
      throw BadInputException.parameter("tags", "is only used with mode=tags (mode is "
          + mode.name().toLowerCase(Locale.ROOT) + ")");
    }
    Builder b = builder()
        .mode(mode)
        .decompound(Decompound.valueOf(options.getString("decompound").toUpperCase(Locale.ROOT)))
        .joinPrefix(options.getBoolean("join_prefix"))
        .hanja(options.getBoolean("hanja"))
        .lowercase(options.getBoolean("lowercase"))
        .pos(options.getBoolean("pos"));
    if (!tagList.isEmpty()) {
      b.tags(Arrays.asList(tagList.split("\\s*,\\s*")));
    }
    String dictionary = options.getString("user_dictionary").strip();
    if (!dictionary.isEmpty()) {
      b.userDictionary(Path.of(dictionary));
    }
    return b.build();
  }

  /**
   * @return every part-of-speech tag Nori assigns, with its description (Sejong tag set as extended by
   *     mecab-ko-dic), in the dictionary's order; the names valid in {@code tags}
   */
  public static Map<String, String> tagDescriptions() {
    Map<String, String> m = new LinkedHashMap<>();
    for (POS.Tag t : POS.Tag.values()) {
      m.put(t.name(), t.description());
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * @return this tokenizer's options as {@code key=value} text in {@link #optionSpecs()} order; parsing them with
   *     {@link ParamValues#parse} and {@link #of} rebuilds an equal tokenizer
   */
  public Map<String, String> options() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("mode", mode.name().toLowerCase(Locale.ROOT));
    m.put("tags", mode == Mode.TAGS ? String.join(",", tags) : "");
    m.put("decompound", decompound.name().toLowerCase(Locale.ROOT));
    m.put("join_prefix", Boolean.toString(joinPrefix));
    m.put("user_dictionary", userDictionary == null ? "" : userDictionary.toString());
    m.put("hanja", Boolean.toString(hanja));
    m.put("lowercase", Boolean.toString(lowercase));
    m.put("pos", Boolean.toString(pos));
    return Collections.unmodifiableMap(m);
  }

  /** @return the head tags this tokenizer keeps (empty in mode {@code all}, which keeps every tag) */
  public Set<String> keptTags() {
    return mode == Mode.ALL ? Set.of() : tags;
  }

  @Override
  public List<String> tokenize(CharSequence text) {
    List<String> out = new ArrayList<>();
    forEachToken(text, out::add);
    return Collections.unmodifiableList(out);
  }

  @Override
  public void forEachToken(CharSequence text, Consumer<? super String> action) {
    Objects.requireNonNull(action, "action");
    if (pos) {
      pipeline.run(nfc(text), (form, tagList) -> action.accept(form + "/" + tagList));
    } else {
      pipeline.run(nfc(text), (form, tagList) -> action.accept(form));
    }
  }

  /**
   * @return the tokens of {@code text} with their tags, in order: the tokens {@link #tokenize} returns (without the
   *     {@code /TAG} suffix of {@code pos}), each with the tags that made this tokenizer keep it
   */
  public List<Morpheme> analyze(CharSequence text) {
    List<Morpheme> out = new ArrayList<>();
    pipeline.run(nfc(text), (form, tagList) -> out.add(new Morpheme(form, tagList)));
    return Collections.unmodifiableList(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KoreanTokenizer t && options().equals(t.options());
  }

  @Override
  public int hashCode() {
    return options().hashCode();
  }

  @Override
  public String toString() {
    return "KoreanTokenizer" + options();
  }

  /** NFC unless the text is plainly NFC already (Latin-1 below U+0300, Hangul syllables, compatibility jamo). */
  private static String nfc(CharSequence text) {
    String s = text.toString();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\u0300' && (c < '\uAC00' || c > '\uD7A3') && (c < '\u3131' || c > '\u318E')) {
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
      }
    }
    return s;
  }

  private static final class Defaults {
    static final KoreanTokenizer INSTANCE = builder().build();
  }

  /** Sets the options of a {@link KoreanTokenizer}; every option starts at its documented default. */
  public static final class Builder {
    private Mode mode = Mode.CONTENT;
    private Set<String> tags = Set.of();
    private Decompound decompound = Decompound.NONE;
    private boolean joinPrefix = true;
    private Path userDictionary;
    private boolean hanja;
    private boolean lowercase = true;
    private boolean pos;

    private Builder() {
    }

    /** Chooses which morphemes to keep (default {@link Mode#CONTENT}). */
    public Builder mode(Mode m) {
      this.mode = Objects.requireNonNull(m, "mode");
      return this;
    }

    /**
     * Keeps exactly the morphemes whose head has one of {@code posTags} and sets the mode to {@link Mode#TAGS}.
     *
     * @throws BadInputException naming the option {@code tags} for a tag Nori does not know, with the nearest one
     */
    public Builder tags(Collection<String> posTags) {
      Set<String> checked = new LinkedHashSet<>();
      for (String t : posTags) {
        String tag = t.strip().toUpperCase(Locale.ROOT);
        if (!KNOWN_TAGS.contains(tag)) {
          throw BadInputException.parameter("tags", "unknown POS tag '" + t.strip() + "'"
              + ParamValues.suggestion(tag, List.copyOf(KNOWN_TAGS)) + "; valid: " + String.join(" ", KNOWN_TAGS));
        }
        checked.add(tag);
      }
      this.tags = checked;
      this.mode = Mode.TAGS;
      return this;
    }

    /** Chooses what happens to compound nouns (default {@link Decompound#NONE}: they stay whole). */
    public Builder decompound(Decompound d) {
      this.decompound = Objects.requireNonNull(d, "decompound");
      return this;
    }

    /** Joins a noun prefix to the noun or root right after it (default true). */
    public Builder joinPrefix(boolean on) {
      this.joinPrefix = on;
      return this;
    }

    /** Adds a Nori user dictionary file; null (the default) means none. */
    public Builder userDictionary(Path file) {
      this.userDictionary = file;
      return this;
    }

    /** Replaces Hanja by its Hangul reading (default false). */
    public Builder hanja(boolean on) {
      this.hanja = on;
      return this;
    }

    /** Lower-cases tokens with {@link Locale#ROOT} (default true). */
    public Builder lowercase(boolean on) {
      this.lowercase = on;
      return this;
    }

    /** Writes tokens as {@code form/TAG} (default false). */
    public Builder pos(boolean on) {
      this.pos = on;
      return this;
    }

    /**
     * @return the tokenizer
     * @throws BadInputException for mode=tags without tags, tags without mode=tags, or a bad user dictionary (file
     *                           and line)
     */
    public KoreanTokenizer build() {
      return new KoreanTokenizer(this);
    }
  }
}
