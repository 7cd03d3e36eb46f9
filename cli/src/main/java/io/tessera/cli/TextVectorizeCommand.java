package io.tessera.cli;

import io.tessera.api.CancellationToken;
import io.tessera.api.Tessera;
import io.tessera.engine.CsrMatrix;
import io.tessera.engine.Norm;
import io.tessera.text.CountVectorizer;
import io.tessera.text.DocumentTermMatrix;
import io.tessera.text.FittedVectorizer;
import io.tessera.text.TfidfVectorizer;
import io.tessera.text.TfidfWeighting;
import io.tessera.text.Tokenizer;
import io.tessera.text.Vectorizer;
import io.tessera.io.TextCorpus;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code tessera text counts} and {@code tessera text tfidf}: a document–term matrix of a corpus, written as a
 * safetensors file whose tensors carry SciPy's names ({@code data}, {@code indices}, {@code indptr},
 * {@code shape}) next to the vocabulary, so Python loads it with numpy and scipy alone. The file is written
 * atomically: a failure leaves nothing behind.
 */
abstract class TextVectorizeCommand extends TesseraCommand {
  @Mixin
  TextInput input;

  @Option(names = "--corpus", paramLabel = "FILE", required = true,
      description = "UTF-8 text, one document per line (or a TSV column with --column), gzip allowed; '-': stdin. "
          + "Repeat it to read several files, in order, as one corpus.")
  List<String> corpus;

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "The matrix file to write (safetensors; replaced atomically).")
  Path out;

  @Option(names = "--vocabulary", paramLabel = "FILE",
      description = {"Apply the vocabulary fitted earlier, instead of fitting one: FILE is a matrix written by "
          + "--out (counts for counts, tfidf for tfidf; for tfidf its idf and weighting too), and the output has "
          + "FILE's columns, as scikit-learn's transform after fit on another corpus. The tokenizer is the one FILE "
          + "records; --tokenizer, --option, --pos and --stopwords may only repeat it (what they leave out is "
          + "FILE's). So may the fitting options "
          + "(--min-df, --max-df, --max-features, --binary and tfidf's --norm, --sublinear-tf, --smooth-idf, "
          + "--use-idf): given with FILE's value they are accepted, with another value they are an error."})
  Path vocabulary;

  @Option(names = "--min-df", paramLabel = "N|F", defaultValue = "1",
      description = "Drop terms in fewer documents: a count (integer) or a fraction of the documents "
          + "(default: ${DEFAULT-VALUE}).")
  String minDf;

  @Option(names = "--max-df", paramLabel = "N|F", defaultValue = "1.0",
      description = "Drop terms in more documents: a count (integer) or a fraction of the documents "
          + "(default: ${DEFAULT-VALUE}).")
  String maxDf;

  @Option(names = "--max-features", paramLabel = "N",
      description = "Keep only the N terms with the highest counts (default: all).")
  Integer maxFeatures;

  @Option(names = "--binary", description = "Entries are 1 for every term present instead of counts.")
  boolean binary;

  @Option(names = "--json", description = "Print the summary as one JSON object (with the sum of all entries, a "
      + "checksum to compare with other tools).")
  boolean json;

  /** The standard input; a field so that tests can supply their own. */
  InputStream stdin = System.in;

  /** @return the vectorizer of this command, counting with {@code counts} */
  abstract Vectorizer vectorizer(CountVectorizer counts);

  @Override
  int run(Tessera tessera) throws Exception {
    input.files.addAll(corpus);
    FittedVectorizer fitted = null;
    Vectorizer vectorizer = null;
    if (vocabulary != null) {
      ParseResult parsed = spec.commandLine().getParseResult();
      fitted = VocabularyFile.load(vocabulary, spec.name(), input, parsed, tessera);
      Vectorizer given = vectorizer(countsBuilder(fitted.settings().tokenizer()).build());
      VocabularyFile.checkFitOptions(vocabulary, parsed, fitOptions(given, fitted));
    } else {
      vectorizer = vectorizer(countsBuilder(input.tokenizer(tessera)).build());
    }
    ReadProgress reading = input.progress(progress(new CancellationToken(), json), "vectorize");
    TextCorpus documents = input.corpus(stdin, reading);
    reading.start();
    DocumentTermMatrix dtm = fitted != null ? fitted.transform(documents, tessera.engine())
        : vectorizer.fitTransform(documents, tessera.engine());
    reading.finish();
    input.warn(err(), reading, dtm.emptyDocuments(), "");
    dtm.write(out);
    CsrMatrix m = dtm.matrix();
    FittedVectorizer v = dtm.vectorizer();
    String entries = v.tfidf().map(w -> "tf-idf, " + w.norm().id() + " norm")
        .orElse(v.settings().binary() ? "binary" : "counts");
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("out", out.toString());
      o.put("rows", m.rows());
      o.put("cols", m.cols());
      o.put("nnz", m.nnz());
      o.put("entries", entries);
      if (vocabulary != null) {
        o.put("vocabulary", vocabulary.toString());
      }
      o.put("sum", sum(m));
      printJson(o);
    } else {
      out().printf("wrote %s: %,d documents x %,d terms%s, %,d non-zero entries (%s)%n", out, m.rows(), m.cols(),
          vocabulary == null ? "" : " of the vocabulary of " + vocabulary, m.nnz(), entries);
      out().flush();
    }
    return ExitCodes.OK;
  }

  /** @return the sum of all entries, in double precision */
  private static double sum(CsrMatrix m) {
    double total = 0;
    for (int p = 0; p < m.nnz(); p++) {
      total += m.value(p);
    }
    return total;
  }

  /** @return the counting settings of the command line, tokenizing with {@code tokenizer} */
  private CountVectorizer.Builder countsBuilder(Tokenizer tokenizer) {
    CountVectorizer.Builder builder = CountVectorizer.builder(tokenizer)
        .tokenizerName(input.describeTokenizer())
        .minDf(minDf).maxDf(maxDf).binary(binary);
    if (maxFeatures != null) {
      builder.maxFeatures(maxFeatures);
    }
    return builder;
  }

  /**
   * @return the fitting options with their value on the command line ({@code given}'s settings) and in
   *     {@code fitted}, for {@code --vocabulary} to reject the ones given with another value than FILE's
   */
  List<VocabularyFile.FitOption> fitOptions(Vectorizer given, FittedVectorizer fitted) {
    CountVectorizer mine = given.counts();
    CountVectorizer theirs = fitted.settings();
    return List.of(
        new VocabularyFile.FitOption("--min-df", mine.minDf().toString(), theirs.minDf().toString()),
        new VocabularyFile.FitOption("--max-df", mine.maxDf().toString(), theirs.maxDf().toString()),
        new VocabularyFile.FitOption("--max-features", maxFeatures(mine), maxFeatures(theirs)),
        new VocabularyFile.FitOption("--binary", Boolean.toString(mine.binary()),
            Boolean.toString(theirs.binary())));
  }

  private static String maxFeatures(CountVectorizer counts) {
    return counts.maxFeatures().isPresent() ? Integer.toString(counts.maxFeatures().getAsInt()) : "all terms";
  }

  /** {@code tessera text counts}: entries are term counts, as scikit-learn's {@code CountVectorizer}. */
  @Command(name = "counts", mixinStandardHelpOptions = true,
      header = "Write a document-term matrix of term counts (SciPy-compatible safetensors).",
      description = {"Counts every term of every document with scikit-learn's CountVectorizer semantics and writes "
          + "the sparse matrix (tensors data, indices, indptr, shape) with its vocabulary.",
          "", "Examples:",
          "  tessera text counts --tokenizer regex --corpus reviews.txt --min-df 2 --out counts.safetensors",
          "  tessera text counts --vocabulary counts.safetensors --corpus new.txt --out new.safetensors"})
  static final class Counts extends TextVectorizeCommand {
    @Override
    Vectorizer vectorizer(CountVectorizer counts) {
      return counts;
    }
  }

  /** {@code tessera text tfidf}: entries are TF-IDF weights, as scikit-learn's {@code TfidfVectorizer}. */
  @Command(name = "tfidf", mixinStandardHelpOptions = true,
      header = "Write a TF-IDF document-term matrix (SciPy-compatible safetensors).",
      description = {"Weights term counts with scikit-learn's TfidfVectorizer semantics (defaults: smoothed idf, "
          + "l2-normalized rows) and writes the sparse matrix (tensors data, indices, indptr, shape) with its "
          + "vocabulary and idf.",
          "", "Examples:",
          "  tessera text tfidf --tokenizer regex --corpus sotu.tsv.gz --column text --out sotu.safetensors",
          "  tessera text tfidf --vocabulary sotu.safetensors --corpus new.txt --out new.safetensors"})
  static final class Tfidf extends TextVectorizeCommand {
    @Option(names = "--norm", paramLabel = "NORM", defaultValue = "l2",
        description = "Row normalization: l2, l1 or none (default: ${DEFAULT-VALUE}).")
    String norm;

    @Option(names = "--sublinear-tf", description = "Use 1 + ln(tf) instead of the term count.")
    boolean sublinearTf;

    @Option(names = "--smooth-idf", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "Add one to document frequencies, as if one extra document held every term "
            + "(default: on; --no-smooth-idf turns it off).")
    boolean smoothIdf;

    @Option(names = "--use-idf", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "Weight by the inverse document frequency (default: on; --no-use-idf gives tf only).")
    boolean useIdf;

    @Override
    Vectorizer vectorizer(CountVectorizer counts) {
      return TfidfVectorizer.of(counts, new TfidfWeighting(useIdf, smoothIdf, sublinearTf, Norm.parse(norm)));
    }

    @Override
    List<VocabularyFile.FitOption> fitOptions(Vectorizer given, FittedVectorizer fitted) {
      TfidfWeighting mine = ((TfidfVectorizer) given).weighting();
      TfidfWeighting theirs = fitted.tfidf().orElseThrow();
      List<VocabularyFile.FitOption> options = new ArrayList<>(super.fitOptions(given, fitted));
      options.add(new VocabularyFile.FitOption("--norm", mine.norm().id(), theirs.norm().id()));
      options.add(new VocabularyFile.FitOption("--sublinear-tf", Boolean.toString(mine.sublinearTf()),
          Boolean.toString(theirs.sublinearTf())));
      options.add(new VocabularyFile.FitOption("--smooth-idf", Boolean.toString(mine.smoothIdf()),
          Boolean.toString(theirs.smoothIdf())));
      options.add(new VocabularyFile.FitOption("--use-idf", Boolean.toString(mine.useIdf()),
          Boolean.toString(theirs.useIdf())));
      return options;
    }
  }
}
