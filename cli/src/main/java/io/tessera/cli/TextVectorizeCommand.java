package io.tessera.cli;

import io.tessera.api.CancellationToken;
import io.tessera.api.Tessera;
import io.tessera.engine.CsrMatrix;
import io.tessera.engine.Norm;
import io.tessera.text.CountVectorizer;
import io.tessera.text.DocumentTermMatrix;
import io.tessera.text.TfidfVectorizer;
import io.tessera.text.TfidfWeighting;
import io.tessera.text.Vectorizer;
import io.tessera.io.TextCorpus;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

  /** @return how the entries are described in the summary line */
  abstract String entries();

  @Override
  int run(Tessera tessera) throws Exception {
    CountVectorizer.Builder builder = CountVectorizer.builder(input.tokenizer(tessera))
        .tokenizerName(input.describeTokenizer())
        .minDf(minDf).maxDf(maxDf).binary(binary);
    if (maxFeatures != null) {
      builder.maxFeatures(maxFeatures);
    }
    Vectorizer vectorizer = vectorizer(builder.build());
    input.files.addAll(corpus);
    ReadProgress reading = input.progress(progress(new CancellationToken(), json), "vectorize");
    TextCorpus documents = input.corpus(stdin, reading);
    reading.start();
    DocumentTermMatrix dtm = vectorizer.fitTransform(documents, tessera.engine());
    reading.finish();
    input.warn(err(), reading, dtm.emptyDocuments(), "");
    dtm.write(out);
    CsrMatrix m = dtm.matrix();
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("out", out.toString());
      o.put("rows", m.rows());
      o.put("cols", m.cols());
      o.put("nnz", m.nnz());
      o.put("entries", entries());
      o.put("sum", sum(m));
      printJson(o);
    } else {
      out().printf("wrote %s: %,d documents x %,d terms, %,d non-zero entries (%s)%n", out, m.rows(), m.cols(),
          m.nnz(), entries());
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

  /** {@code tessera text counts}: entries are term counts, as scikit-learn's {@code CountVectorizer}. */
  @Command(name = "counts", mixinStandardHelpOptions = true,
      header = "Write a document-term matrix of term counts (SciPy-compatible safetensors).",
      description = {"Counts every term of every document with scikit-learn's CountVectorizer semantics and writes "
          + "the sparse matrix (tensors data, indices, indptr, shape) with its vocabulary.",
          "", "Example:",
          "  tessera text counts --tokenizer regex --corpus reviews.txt --min-df 2 --out counts.safetensors"})
  static final class Counts extends TextVectorizeCommand {
    @Override
    Vectorizer vectorizer(CountVectorizer counts) {
      return counts;
    }

    @Override
    String entries() {
      return binary ? "binary" : "counts";
    }
  }

  /** {@code tessera text tfidf}: entries are TF-IDF weights, as scikit-learn's {@code TfidfVectorizer}. */
  @Command(name = "tfidf", mixinStandardHelpOptions = true,
      header = "Write a TF-IDF document-term matrix (SciPy-compatible safetensors).",
      description = {"Weights term counts with scikit-learn's TfidfVectorizer semantics (defaults: smoothed idf, "
          + "l2-normalized rows) and writes the sparse matrix (tensors data, indices, indptr, shape) with its "
          + "vocabulary and idf.",
          "", "Example:",
          "  tessera text tfidf --tokenizer regex --corpus sotu.tsv.gz --column text --out sotu.safetensors"})
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
    String entries() {
      return "tf-idf, " + Norm.parse(norm).id() + " norm";
    }
  }
}
