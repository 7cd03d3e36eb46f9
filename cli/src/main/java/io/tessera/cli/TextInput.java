package io.tessera.cli;

import io.tessera.api.BadInputException;
import io.tessera.api.Tessera;
import io.tessera.api.TrainingListener;
import io.tessera.io.CorpusChunks;
import io.tessera.io.ReadListener;
import io.tessera.io.TextCorpus;
import io.tessera.spi.ParamSpec;
import io.tessera.spi.ParamValues;
import io.tessera.spi.TokenizerProvider;
import io.tessera.text.Stopwords;
import io.tessera.text.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The input options every {@code tessera text} command shares: how the documents are read (a column, what happens
 * to a line that is not UTF-8), how they are tokenized and which tokens are dropped. Each command names the input
 * itself ({@code FILE} or {@code --corpus}) and adds it to {@link #files}.
 */
final class TextInput {
  private static final String STDIN = "<stdin>";

  /** What to do with a line of invalid UTF-8. */
  enum OnBadLine { skip, fail }

  @Option(names = "--tokenizer", paramLabel = "ID", defaultValue = "default",
      description = "Tokenizer: default (rule-based), regex (scikit-learn's CountVectorizer), korean (morphemes, "
          + "Lucene Nori) or a plugin's id (default: ${DEFAULT-VALUE}).")
  String tokenizer;

  @Option(names = "--pos", description = "Tokens as morpheme/TAG, to see why a token appears (korean tokenizer).")
  boolean pos;

  @Option(names = "--option", paramLabel = "KEY=VALUE",
      description = "A tokenizer option, e.g. mode=nouns or decompound=mixed for korean (repeatable).")
  Map<String, String> options = new LinkedHashMap<>();

  @Option(names = "--column", paramLabel = "NAME",
      description = "Read the named column of a TAB-separated file with a header (e.g. 'document' of NSMC, 'text' "
          + "of IMDB) instead of one document per line.")
  String column;

  @Option(names = "--stopwords", paramLabel = "LIST", defaultValue = "none",
      description = "Tokens to drop: none, english, korean, a file with one word per line, or several joined by "
          + "commas (default: ${DEFAULT-VALUE}).")
  String stopwords;

  @Option(names = "--on-bad-line", paramLabel = "ACTION", defaultValue = "fail",
      description = "A line that is not UTF-8: fail (one error naming file and line) or skip it and count it "
          + "(default: ${DEFAULT-VALUE}).")
  OnBadLine onBadLine;

  /** The input files in order, {@code -} for stdin; none means stdin. Set by the command from its arguments. */
  final List<String> files = new ArrayList<>();

  /**
   * Creates the tokenizer the options ask for, stopwords filtered out.
   *
   * @throws BadInputException naming the option for an unknown tokenizer (with the nearest id), {@code --pos} on a
   *                           tokenizer without morpheme tags, or a bad option or stopword list
   */
  Tokenizer tokenizer(Tessera tessera) {
    List<String> ids = tessera.tokenizers().stream().map(TokenizerProvider::id).toList();
    if (!ids.contains(tokenizer)) {
      throw BadInputException.parameter("--tokenizer", "unknown tokenizer '" + tokenizer + "'"
          + ParamValues.suggestion(tokenizer, ids) + "; installed: " + String.join(", ", ids));
    }
    Map<String, String> opts = new LinkedHashMap<>(options);
    if (pos) {
      TokenizerProvider provider = tessera.tokenizers().stream().filter(p -> p.id().equals(tokenizer))
          .findFirst().orElseThrow();
      boolean tags = provider.options().stream().map(ParamSpec::name).anyMatch("pos"::equals);
      if (!tags) {
        throw BadInputException.parameter("--pos", "the " + tokenizer + " tokenizer has no part-of-speech tags;"
            + " use --tokenizer korean");
      }
      opts.put("pos", "true");
    }
    Stopwords stop = Stopwords.parse(stopwords);
    return stop.filter(tessera.tokenizer(tokenizer, opts));
  }

  /** @return the tokenizer settings in one line, stored with matrices so a file says how it was tokenized */
  String describeTokenizer() {
    StringBuilder d = new StringBuilder(tokenizer);
    options.forEach((k, v) -> d.append(' ').append(k).append('=').append(v));
    if (pos) {
      d.append(" pos=true");
    }
    if (!stopwords.equals("none")) {
      d.append(" stopwords=").append(stopwords);
    }
    return d.toString();
  }

  /** @return how messages name the input file {@code f}: itself, or {@code <stdin>} for {@code -} */
  private static String name(String f) {
    return f.equals("-") ? STDIN : f;
  }

  /** @return whether the documents come from stdin */
  boolean stdin() {
    return files.isEmpty() || files.equals(List.of("-"));
  }

  /** @return how errors and messages name the input */
  String inputName() {
    return stdin() ? STDIN : String.join(", ", files.stream().map(TextInput::name).toList());
  }

  /**
   * @param listener the command's progress display
   * @param phase    the phase's name, e.g. {@code tokenize}
   * @return the progress of reading the input, in bytes as stored (the files' total size; no total with stdin)
   */
  ReadProgress progress(TrainingListener listener, String phase) throws IOException {
    long size = 0;
    for (String f : files) {
      if (f.equals("-")) {
        size = 0;
        break;
      }
      Path path = Path.of(f);
      size += Files.isRegularFile(path) ? Files.size(path) : 0;
    }
    return new ReadProgress(listener, phase, size);
  }

  /**
   * The documents of the input files (or stdin), read as {@code --column} and {@code --on-bad-line} say, their
   * reading told to {@code progress} (a {@link ReadProgress}, usually).
   *
   * @param stdin the process's standard input (a parameter so tests can supply it)
   * @throws NoSuchFileException for a missing file
   */
  TextCorpus corpus(InputStream stdin, ReadListener progress) throws NoSuchFileException {
    return corpus(stdin, progress, CorpusChunks.CHUNK_BYTES);
  }

  /** As {@link #corpus(InputStream, ReadListener)}, cut into chunks of {@code chunkBytes} bytes for parsing. */
  TextCorpus corpus(InputStream stdin, ReadListener progress, int chunkBytes) throws NoSuchFileException {
    TextCorpus.Builder b = TextCorpus.builder().chunkBytes(chunkBytes);
    for (String f : stdin() ? List.of("-") : files) {
      if (f.equals("-")) {
        b.stream(stdin, STDIN);
      } else {
        Path path = Path.of(f);
        if (!Files.isRegularFile(path)) {
          throw new NoSuchFileException(f);
        }
        b.file(path);
      }
    }
    if (column != null) {
      b.column(column);
    }
    return b.skipBadLines(onBadLine == OnBadLine.skip).listener(progress).build();
  }

  /**
   * Warns on stderr about skipped lines and empty documents; the output itself stays clean.
   *
   * @param firstEmpty where the first empty document is (e.g. {@code line 7}), or empty when not known
   */
  void warn(PrintWriter err, ReadProgress progress, long empty, String firstEmpty) {
    long skipped = progress.skipped();
    if (skipped > 0) {
      String first = "";
      for (String f : stdin() ? List.of(STDIN) : files) {
        long line = progress.firstSkippedLine(name(f));
        if (line > 0) {
          first = (files.size() > 1 ? f + " " : "") + "line " + line;
          break;
        }
      }
      err.printf("tessera: warning: skipped %d line%s of invalid UTF-8 in %s (first: %s)%n", skipped,
          skipped == 1 ? "" : "s", inputName(), first);
    }
    if (empty > 0) {
      err.printf("tessera: warning: %d empty document%s (no tokens) in %s, kept%s%n", empty,
          empty == 1 ? "" : "s", inputName(), firstEmpty.isEmpty() ? "" : " (first: " + firstEmpty + ")");
    }
    err.flush();
  }
}
