package io.tessera.cli;

import io.tessera.api.Tessera;
import io.tessera.spi.ParamSpec;
import io.tessera.spi.ParamValues;
import io.tessera.spi.TokenizerProvider;
import io.tessera.text.PreparedCorpus;
import io.tessera.text.Stopwords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tokenizer settings of a text command in a form that can be compared and stored: the tokenizer's id, its
 * options ({@code --option}, with {@code --pos} as the option {@code pos=true}) and the stopword list. A matrix
 * file records them as one line ({@link TextInput#describeTokenizer()}: {@code regex lowercase=false
 * stopwords=english}); {@link #parse} reads that line back, so a vocabulary can be applied with the tokenizer it
 * was fitted with.
 *
 * @param id        the tokenizer's id
 * @param options   the options as typed, in order ({@code pos} included)
 * @param stopwords the {@code --stopwords} value ({@code none} for none)
 */
record TokenizerSettings(String id, Map<String, String> options, String stopwords) {
  private static final String STOPWORDS = "stopwords";

  TokenizerSettings {
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** @return the settings {@code input} holds (after its options were parsed) */
  static TokenizerSettings of(TextInput input) {
    Map<String, String> options = new LinkedHashMap<>(input.options);
    if (input.pos) {
      options.put("pos", "true");
    }
    return new TokenizerSettings(input.tokenizer, options, input.stopwords.strip());
  }

  /**
   * Reads a line written by {@link TextInput#describeTokenizer()}: the id, then {@code key=value} for each option
   * and {@code stopwords=LIST} last. Values may hold spaces, so the line is cut only before the names the tokenizer
   * declares; the result must describe itself as exactly {@code line}.
   *
   * @return the settings, or empty when the tokenizer is not installed or the line was not written that way (for
   *     example by the Java API, which records whatever name the caller gave)
   */
  static Optional<TokenizerSettings> parse(String line, Tessera tessera) {
    int space = line.indexOf(' ');
    String id = space < 0 ? line : line.substring(0, space);
    Optional<TokenizerProvider> provider = provider(id, tessera);
    if (provider.isEmpty()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    provider.get().options().forEach(s -> names.add(Pattern.quote(s.name())));
    names.add(STOPWORDS);
    Matcher key = Pattern.compile(" (" + String.join("|", names) + ")=").matcher(line);
    Map<String, String> options = new LinkedHashMap<>();
    String stopwords = "none";
    String name = null;
    int valueStart = -1;
    while (true) {
      boolean found = key.find();
      if (name != null) {
        String value = line.substring(valueStart, found ? key.start() : line.length());
        if (name.equals(STOPWORDS)) {
          stopwords = value;
        } else {
          options.put(name, value);
        }
      } else if (found ? key.start() != space : space >= 0) {
        return Optional.empty(); // text between the id and the first option
      }
      if (!found) {
        break;
      }
      name = key.group(1);
      valueStart = key.end();
    }
    TokenizerSettings settings = new TokenizerSettings(id, options, stopwords);
    return settings.describe().equals(line) ? Optional.of(settings) : Optional.empty();
  }

  /**
   * @return these settings with the parts {@code input} gives on the command line ({@code given} tells which of
   *     {@code --tokenizer}, {@code --option}, {@code --pos}, {@code --stopwords} it gives) put in their place;
   *     {@code --option} values are laid over these options
   */
  TokenizerSettings overriddenBy(TextInput input, Predicate<String> given) {
    Map<String, String> opts = new LinkedHashMap<>(options);
    if (given.test("--option")) {
      opts.putAll(input.options);
    }
    if (given.test("--pos")) {
      opts.put("pos", Boolean.toString(input.pos));
    }
    return new TokenizerSettings(given.test("--tokenizer") ? input.tokenizer : id, opts,
        given.test("--stopwords") ? input.stopwords.strip() : stopwords);
  }

  /** @return the one-line form {@link TextInput#describeTokenizer()} writes for these settings */
  String describe() {
    StringBuilder d = new StringBuilder(id);
    options.forEach((k, v) -> d.append(' ').append(k).append('=').append(v));
    if (!stopwords.equals("none")) {
      d.append(' ').append(STOPWORDS).append('=').append(stopwords);
    }
    return d.toString();
  }

  /**
   * @return whether both settings tokenize alike: the same tokenizer, the same option values once defaults are
   *     filled in ({@code lowercase=true} equals no option when that is the default) and the same stopwords
   * @throws io.tessera.api.BadInputException for an option or stopword list that is not valid
   */
  boolean sameAs(TokenizerSettings other, Tessera tessera) {
    return id.equals(other.id) && resolved(tessera).equals(other.resolved(tessera))
        && Stopwords.parse(stopwords).words().equals(Stopwords.parse(other.stopwords).words());
  }

  /**
   * @return a {@link PreparedCorpus} tokenizer key: the id, every option's value (defaults filled in) and a digest
   *     of the stopwords themselves, so that editing a stopword file changes the key while respelling an option
   *     does not
   */
  String cacheKey(Tessera tessera) {
    List<String> words = new ArrayList<>(Stopwords.parse(stopwords).words());
    words.sort(null);
    String stop = words.isEmpty() ? "none" : words.size() + " words, sha256 " + sha256(String.join("\n", words));
    return PreparedCorpus.tokenizerKey(id, resolved(tessera)) + " stopwords=" + stop;
  }

  /** @return every option of the tokenizer as text, defaults filled in */
  private Map<String, String> resolved(Tessera tessera) {
    List<ParamSpec<?>> specs = provider(id, tessera).map(TokenizerProvider::options).orElse(List.of());
    return ParamValues.parse(specs, options).asText();
  }

  private static Optional<TokenizerProvider> provider(String id, Tessera tessera) {
    return tessera.tokenizers().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
