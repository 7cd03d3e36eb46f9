package io.tessera.cli;

import io.tessera.api.BadInputException;
import io.tessera.api.CancellationToken;
import io.tessera.api.Tessera;
import io.tessera.text.TokenCounts;
import io.tessera.text.Tokenizer;
import io.tessera.text.Vocabulary;
import io.tessera.io.TextCorpus;
import java.io.InputStream;
import java.util.stream.Stream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tessera text vocab}: the most frequent tokens of a corpus with their counts and document frequencies.
 * Counting streams the input and runs in parallel on the engine's threads; the result does not depend on the
 * thread count (ties keep the order in which tokens were first seen).
 */
@Command(name = "vocab", mixinStandardHelpOptions = true,
    header = "List the most frequent tokens with their counts and document frequencies.",
    description = {"Tokenizes every document (as 'tessera text tokenize' does) and lists the top tokens: count, "
        + "number of documents containing the token, and share of all tokens.",
        "", "Examples:",
        "  tessera text vocab --tokenizer korean --column document --top 30 ratings_train.tsv.gz",
        "  tessera text vocab --tokenizer regex --stopwords english --json reviews.txt"})
final class TextVocabCommand extends TesseraCommand {
  @Mixin
  TextInput input;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "UTF-8 text, one document per line, gzip allowed; '-' or none: stdin.")
  void file(String file) {
    input.files.add(file);
  }

  @Option(names = "--min-count", paramLabel = "N", defaultValue = "1",
      description = "Leave out tokens seen fewer than N times (default: ${DEFAULT-VALUE}).")
  long minCount;

  @Option(names = "--max-size", paramLabel = "N",
      description = "Keep at most the N most frequent tokens in the vocabulary (default: no limit).")
  Integer maxSize;

  @Option(names = "--top", paramLabel = "N", defaultValue = "20",
      description = "How many tokens to list, most frequent first; 0 lists all (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  /** The standard input; a field so that tests can supply their own. */
  InputStream stdin = System.in;

  @Override
  int run(Tessera tessera) throws Exception {
    if (minCount < 1) {
      throw BadInputException.parameter("--min-count", minCount + " is below 1");
    }
    if (maxSize != null && maxSize < 1) {
      throw BadInputException.parameter("--max-size", maxSize + " is below 1");
    }
    if (top < 0) {
      throw BadInputException.parameter("--top", top + " is negative");
    }
    LongAdder empty = new LongAdder();
    Tokenizer tokenizer = countingEmpty(input.tokenizer(tessera), empty);
    TokenCounts counts;
    ReadProgress reading = input.progress(progress(new CancellationToken(), json), "count");
    TextCorpus corpus = input.corpus(stdin, reading);
    reading.start();
    try (Stream<String> docs = corpus.documents()) {
      Iterable<String> texts = docs::iterator;
      counts = TokenCounts.count(texts, tokenizer, tessera.engine());
    }
    reading.finish();
    input.warn(err(), reading, empty.sum(), "");
    Vocabulary.Builder builder = Vocabulary.builder().minCount(minCount);
    if (maxSize != null) {
      builder.maxSize(maxSize);
    }
    Vocabulary vocab = builder.build(counts);
    int shown = top == 0 ? vocab.size() : Math.min(top, vocab.size());
    if (json) {
      printJson(jsonOf(counts, vocab, shown));
    } else {
      printTable(counts, vocab, shown);
    }
    return ExitCodes.OK;
  }

  private Map<String, Object> jsonOf(TokenCounts counts, Vocabulary vocab, int shown) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("input", input.inputName());
    o.put("tokenizer", input.tokenizer);
    o.put("stopwords", input.stopwords);
    o.put("documents", counts.documents());
    o.put("tokens", counts.tokens());
    o.put("distinct", counts.distinct());
    o.put("vocabulary_size", vocab.size());
    List<Map<String, Object>> words = new ArrayList<>(shown);
    for (int id = 0; id < shown; id++) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("token", vocab.word(id));
      w.put("count", vocab.count(id));
      w.put("documents", vocab.documentFrequency(id));
      words.add(w);
    }
    o.put("top", words);
    return o;
  }

  private void printTable(TokenCounts counts, Vocabulary vocab, int shown) {
    PrintWriter out = out();
    out.printf("%s: %,d documents, %,d tokens, %,d distinct; vocabulary %,d (min count %d)%n%n",
        input.inputName(), counts.documents(), counts.tokens(), counts.distinct(), vocab.size(), minCount);
    int width = "token".length();
    for (int id = 0; id < shown; id++) {
      width = Math.max(width, displayWidth(vocab.word(id)));
    }
    String numbers = " | %12s | %12s | %7s |%n";
    out.printf("| %5s | %s" + numbers, "rank", pad("token", width), "count", "documents", "share");
    out.printf("|------:|:%s-|-------------:|-------------:|--------:|%n", "-".repeat(width));
    double total = Math.max(1, counts.tokens());
    StringBuilder body = new StringBuilder();
    for (int id = 0; id < shown; id++) {
      body.append(String.format("| %5d | %s" + numbers, id + 1, pad(vocab.word(id), width),
          String.format("%,d", vocab.count(id)), String.format("%,d", vocab.documentFrequency(id)),
          String.format("%.2f%%", 100 * vocab.count(id) / total)));
    }
    out.write(body.toString());
    out.flush();
  }

  /** @return {@code word} padded with spaces to {@code width} terminal columns */
  private static String pad(String word, int width) {
    return word + " ".repeat(Math.max(0, width - displayWidth(word)));
  }

  /**
   * @return the terminal columns {@code word} takes: two for each wide East Asian character (Hangul, CJK, full-width
   *     forms), so that a table of Korean tokens lines up
   */
  static int displayWidth(String word) {
    return word.codePoints().map(c -> wide(c) ? 2 : 1).sum();
  }

  private static boolean wide(int c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
  }

  /** Wraps {@code base} to count documents without tokens; safe on the counting threads. */
  private static Tokenizer countingEmpty(Tokenizer base, LongAdder empty) {
    return new Tokenizer() {
      @Override
      public List<String> tokenize(CharSequence text) {
        List<String> tokens = base.tokenize(text);
        if (tokens.isEmpty()) {
          empty.increment();
        }
        return tokens;
      }

      @Override
      public void forEachToken(CharSequence text, Consumer<? super String> action) {
        boolean[] any = {false};
        base.forEachToken(text, t -> {
          any[0] = true;
          action.accept(t);
        });
        if (!any[0]) {
          empty.increment();
        }
      }
    };
  }
}
