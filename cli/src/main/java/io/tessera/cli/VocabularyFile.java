package io.tessera.cli;

import io.tessera.api.BadInputException;
import io.tessera.api.ModelFormatException;
import io.tessera.api.Tessera;
import io.tessera.io.TensorFile;
import io.tessera.text.FittedVectorizer;
import io.tessera.text.Tokenizer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ParseResult;

/**
 * The {@code --vocabulary FILE} of {@code tessera text counts|tfidf}: a vectorizer fitted earlier (a matrix file
 * written by {@code --out}, or a file of {@link FittedVectorizer#save}), loaded with the tokenizer it was fitted
 * with, after checking that the command line does not ask for other settings.
 *
 * <p>The tokenizer is recreated from the line FILE records (see {@link TokenizerSettings#parse}); tokenizer options
 * given on the command line must tokenize alike, the ones they leave out being FILE's. Fitting options may be given
 * only with the values FILE holds, so a script may pass the same options to the fitting and the applying command,
 * while a different value, which the fitted vocabulary could not honour, is a usage error rather than silently
 * ignored.
 */
final class VocabularyFile {
  /** The options that choose the tokenizer, in the order their names appear in errors. */
  private static final List<String> TOKENIZER_OPTIONS = List.of("--tokenizer", "--option", "--pos", "--stopwords");

  /**
   * A fitting option as given on the command line and as FILE holds it, both as canonical text.
   *
   * @param name   the option, e.g. {@code --min-df}
   * @param given  its value on the command line (its default when not given)
   * @param fitted the value FILE was fitted with
   */
  record FitOption(String name, String given, String fitted) {
  }

  private VocabularyFile() {
  }

  /**
   * Loads the vectorizer of {@code file} for the command {@code command} ({@code counts} or {@code tfidf}).
   *
   * @param input  the command's input options; when they name no tokenizer they are set to FILE's
   * @param parsed the command's parse result, which tells the options given from their defaults
   * @throws ModelFormatException naming the file when it holds no vectorizer or its tokenizer cannot be recreated
   * @throws BadInputException    naming the option for a file of the other command, or a tokenizer or fitting option
   *                              that differs from FILE's (exit code 2); naming the file when it does not exist
   */
  static FittedVectorizer load(Path file, String command, TextInput input, ParseResult parsed, Tessera tessera) {
    try (TensorFile f = TensorFile.open(file)) {
      String kind = f.metadata().get("vectorizer");
      if (kind == null) {
        throw new ModelFormatException(file + ": not a document-term matrix or vectorizer file (one written by "
            + "'tessera text counts|tfidf --out'): its metadata has no 'vectorizer' entry");
      }
      if (command.equals("tfidf") && kind.equals("counts")) {
        throw BadInputException.parameter("--vocabulary", file + " holds a count vectorizer, without idf; tfidf "
            + "needs a file written by 'tessera text tfidf' (or use 'tessera text counts --vocabulary')");
      }
      if (command.equals("counts") && kind.equals("tfidf")) {
        throw BadInputException.parameter("--vocabulary", file + " holds a tf-idf vectorizer; use 'tessera text "
            + "tfidf --vocabulary' with it (counts needs a file written by 'tessera text counts')");
      }
      String recorded = f.metadata().getOrDefault("tokenizer", "");
      return FittedVectorizer.readFrom(f, tokenizer(file, recorded, input, parsed, tessera));
    }
  }

  /**
   * @return FILE's tokenizer, recreated from the line it records; tokenizer options on the command line must
   *     tokenize alike once the ones they leave out are taken from FILE
   */
  private static Tokenizer tokenizer(Path file, String recorded, TextInput input, ParseResult parsed,
                                     Tessera tessera) {
    Optional<TokenizerSettings> fitted = TokenizerSettings.parse(recorded, tessera);
    List<String> given = TOKENIZER_OPTIONS.stream().filter(parsed::hasMatchedOption).toList();
    if (fitted.isEmpty()) {
      if (!given.isEmpty() && TokenizerSettings.of(input).describe().equals(recorded)) {
        return input.tokenizer(tessera);
      }
      String id = recorded.split(" ", 2)[0];
      boolean installed = tessera.tokenizers().stream().anyMatch(p -> p.id().equals(id));
      throw new ModelFormatException(file + ": it was fitted with the tokenizer '" + recorded + "', which "
          + (installed ? "the command line cannot recreate (a name given through the Java API?)"
              : "is not installed here (tessera plugins lists the tokenizers)"));
    }
    TokenizerSettings settings = fitted.get();
    if (!given.isEmpty()) {
      TokenizerSettings mine = settings.overriddenBy(input, given::contains);
      if (!mine.id().equals(settings.id()) || !mine.sameAs(settings, tessera)) {
        throw BadInputException.parameter(given.get(0), file + " was fitted with the tokenizer '" + recorded
            + "', not '" + mine.describe() + "'; leave out " + String.join(", ", TOKENIZER_OPTIONS)
            + " to use the file's");
      }
    }
    input.tokenizer = settings.id();
    input.options = new LinkedHashMap<>(settings.options());
    input.pos = false;
    input.stopwords = settings.stopwords();
    try {
      return input.tokenizer(tessera);
    } catch (BadInputException e) {
      throw BadInputException.inFile(file, 0, 0, "cannot recreate the tokenizer '" + recorded + "' it was fitted "
          + "with: " + e.getMessage(), e);
    }
  }

  /**
   * Checks the fitting options given on the command line against FILE's values.
   *
   * @throws BadInputException naming the first option given with another value than FILE's
   */
  static void checkFitOptions(Path file, ParseResult parsed, List<FitOption> options) {
    for (FitOption o : options) {
      if (parsed.hasMatchedOption(o.name()) && !o.given().equals(o.fitted())) {
        throw BadInputException.parameter(o.name(), o.given() + " differs from the " + o.fitted() + " that "
            + file + " was fitted with; with --vocabulary the fitting options come from the file (leave "
            + o.name() + " out)");
      }
    }
  }
}
