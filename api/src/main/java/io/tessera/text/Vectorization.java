package io.tessera.text;

import io.tessera.api.BadInputException;
import io.tessera.engine.ComputeEngine;
import io.tessera.engine.CsrMatrix;
import io.tessera.io.TextCorpus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work behind {@link CountVectorizer}, {@link TfidfVectorizer} and {@link FittedVectorizer#transform}.
 *
 * <p>Documents are read on the calling thread into shards of {@link #SHARD_DOCUMENTS} documents, a batch of
 * shards at a time; each shard is tokenized and counted by one task of {@link ComputeEngine#parallelFor} with
 * its own term table, and the shards' tables are merged into the corpus table in shard order. Because every
 * result is then a function of the corpus alone (document frequencies, counts, the code-point order of the
 * kept terms), the matrix does not depend on the thread count, the shard size or the batch size.
 */
final class Vectorization {
  private static final Logger LOG = LoggerFactory.getLogger(Vectorization.class);
  /** Documents per shard; results do not depend on it, it bounds the memory of one task. */
  static final int SHARD_DOCUMENTS = 1024;
  /** Shards read per batch and thread: enough to balance uneven shards across threads. */
  private static final int SHARDS_PER_THREAD = 4;

  private Vectorization() {
  }

  /**
   * A corpus being counted: its term table with each term's document frequency and count, the numbers of documents
   * and of empty documents, and the counted shards when their rows are kept. Filled by {@link #merge}, one batch of
   * shards at a time in order, by one task at a time.
   */
  private static final class Counted {
    private final boolean keepRows;
    final TermTable terms = new TermTable(1 << 15);
    long[] df = new long[1 << 14];
    long[] totals = new long[1 << 14];
    long documents;
    int emptyDocuments;
    final List<FitShard> shards = new ArrayList<>();

    Counted(boolean keepRows) {
      this.keepRows = keepRows;
    }

    /** Adds the shards' statistics in order and gives each shard its map from local to corpus ids. */
    void merge(FitShard[] batch) {
      for (FitShard shard : batch) {
        TermTable local = shard.terms;
        int[] toCorpus = new int[local.size()];
        for (int l = 0; l < toCorpus.length; l++) {
          int g = terms.add(local.term(l));
          if (g == df.length) {
            df = Arrays.copyOf(df, g * 2);
            totals = Arrays.copyOf(totals, g * 2);
          }
          df[g] += shard.df[l];
          totals[g] += shard.total[l];
          toCorpus[l] = g;
        }
        shard.mergedInto(toCorpus);
        documents += shard.documents();
        emptyDocuments += shard.emptyDocuments();
        if (keepRows) {
          shards.add(shard);
        }
      }
    }
  }

  static FittedVectorizer fit(CountVectorizer settings, TfidfWeighting weighting, TextCorpus corpus,
                              ComputeEngine engine) {
    return streaming(corpus, docs -> fit(settings, weighting, docs, engine));
  }

  static FittedVectorizer fit(CountVectorizer settings, TfidfWeighting weighting,
                              Iterator<? extends CharSequence> documents, ComputeEngine engine) {
    Counted counted = count(settings, documents, engine, false, SHARD_DOCUMENTS);
    return select(settings, weighting, counted).vectorizer;
  }

  static DocumentTermMatrix fitTransform(CountVectorizer settings, TfidfWeighting weighting, TextCorpus corpus,
                                         ComputeEngine engine) {
    return streaming(corpus, docs -> fitTransform(settings, weighting, docs, engine));
  }

  static DocumentTermMatrix fitTransform(CountVectorizer settings, TfidfWeighting weighting,
                                         Iterator<? extends CharSequence> documents, ComputeEngine engine) {
    return fitTransform(settings, weighting, documents, engine, SHARD_DOCUMENTS);
  }

  /** As the public fitTransform, with shards of {@code shardDocuments} documents (tests vary it). */
  static DocumentTermMatrix fitTransform(CountVectorizer settings, TfidfWeighting weighting,
                                         Iterator<? extends CharSequence> documents, ComputeEngine engine,
                                         int shardDocuments) {
    Counted counted = count(settings, documents, engine, true, shardDocuments);
    Selection selection = select(settings, weighting, counted);
    List<FitShard> shards = counted.shards;
    CsrMatrix[] parts = new CsrMatrix[shards.size()];
    engine.parallelFor(parts.length, i -> {
      FitShard shard = shards.get(i);
      int[] columnOf = new int[shard.localToGlobal.length];
      for (int l = 0; l < columnOf.length; l++) {
        columnOf[l] = selection.columnOf[shard.localToGlobal[l]];
      }
      parts[i] = shard.build(columnOf, selection.vectorizer);
    });
    return finish(selection.vectorizer, parts, counted.emptyDocuments);
  }

  static DocumentTermMatrix transform(FittedVectorizer vectorizer, TextCorpus corpus, ComputeEngine engine) {
    return streaming(corpus, docs -> transform(vectorizer, docs, engine));
  }

  static DocumentTermMatrix transform(FittedVectorizer vectorizer, Iterator<? extends CharSequence> documents,
                                      ComputeEngine engine) {
    return transform(vectorizer, documents, engine, SHARD_DOCUMENTS);
  }

  /** As the public transform, with shards of {@code shardDocuments} documents (tests vary it). */
  static DocumentTermMatrix transform(FittedVectorizer vectorizer, Iterator<? extends CharSequence> documents,
                                      ComputeEngine engine, int shardDocuments) {
    List<CsrMatrix> parts = new ArrayList<>();
    int[] empty = {0};
    Tokenizer tokenizer = vectorizer.settings().tokenizer();
    forEachBatch(documents, engine, shardDocuments, batch -> {
      CsrMatrix[] built = new CsrMatrix[batch.size()];
      int[] emptyInShard = new int[batch.size()];
      engine.parallelFor(batch.size(), i -> {
        TransformShard shard = new TransformShard(vectorizer);
        shard.count(batch.get(i), tokenizer);
        emptyInShard[i] = shard.emptyDocuments();
        built[i] = shard.build(null, vectorizer);
      });
      parts.addAll(Arrays.asList(built));
      for (int e : emptyInShard) {
        empty[0] += e;
      }
    });
    return finish(vectorizer, parts.toArray(CsrMatrix[]::new), empty[0]);
  }

  private static <T> T streaming(TextCorpus corpus, Function<Iterator<String>, T> work) {
    Objects.requireNonNull(corpus, "corpus");
    try (Stream<String> docs = corpus.documents()) {
      return work.apply(docs.iterator());
    }
  }

  private static DocumentTermMatrix finish(FittedVectorizer vectorizer, CsrMatrix[] parts, int emptyDocuments) {
    CsrMatrix matrix = parts.length == 0 ? CsrMatrix.empty(0, vectorizer.size()) : CsrMatrix.vstack(List.of(parts));
    if (emptyDocuments > 0) {
      LOG.warn("{} of {} documents have no tokens; they are kept as empty rows", emptyDocuments, matrix.rows());
    }
    return new DocumentTermMatrix(vectorizer, matrix, emptyDocuments);
  }

  /**
   * Reads the documents in batches of shards and hands each batch (a list of shards) to {@code work}. With more
   * than one thread, a {@link ReadAhead} thread reads the next batch while the engine processes this one.
   */
  private static void forEachBatch(Iterator<? extends CharSequence> documents, ComputeEngine engine,
                                   int shardDocuments, Consumer<List<List<CharSequence>>> work) {
    int batchShards = Math.max(1, engine.threads()) * SHARDS_PER_THREAD;
    if (engine.threads() <= 1) {
      for (List<List<CharSequence>> batch = ReadAhead.batch(documents, batchShards, shardDocuments);
           !batch.isEmpty(); batch = ReadAhead.batch(documents, batchShards, shardDocuments)) {
        work.accept(batch);
      }
      return;
    }
    try (ReadAhead reader = new ReadAhead(documents, batchShards, shardDocuments)) {
      for (List<List<CharSequence>> batch = reader.next(); batch != null; batch = reader.next()) {
        work.accept(batch);
      }
    }
  }

  /**
   * Counts every document. The shards' term tables are merged into the corpus table in shard order; the merge of a
   * batch runs as one more task beside the counting of the next batch, so that it does not leave threads idle.
   */
  private static Counted count(CountVectorizer settings, Iterator<? extends CharSequence> documents,
                               ComputeEngine engine, boolean keepRows, int shardDocuments) {
    Counted counted = new Counted(keepRows);
    Tokenizer tokenizer = settings.tokenizer();
    FitShard[][] unmerged = {new FitShard[0]};
    forEachBatch(documents, engine, shardDocuments, batch -> {
      FitShard[] previous = unmerged[0];
      FitShard[] shards = new FitShard[batch.size()];
      // task 0 merges the previous batch: the longest task starts first
      engine.parallelFor(shards.length + 1, i -> {
        if (i == 0) {
          counted.merge(previous);
        } else {
          FitShard shard = new FitShard(keepRows);
          shard.count(batch.get(i - 1), tokenizer);
          shards[i - 1] = shard;
        }
      });
      unmerged[0] = shards;
    });
    counted.merge(unmerged[0]);
    return counted;
  }

  /** The fitted vectorizer and, for each corpus term id, its column (-1 when dropped). */
  private record Selection(FittedVectorizer vectorizer, int[] columnOf) {
  }

  /** Applies min_df, max_df and max_features as scikit-learn does, and orders the kept terms by code point. */
  private static Selection select(CountVectorizer settings, TfidfWeighting weighting, Counted counted) {
    long n = counted.documents;
    int distinct = counted.terms.size();
    if (distinct == 0) {
      throw BadInputException.of("no terms: none of the " + n + " documents has a token (are they all empty,"
          + " or only stop words?)");
    }
    settings.checkBounds(n);
    double low = settings.minDf().threshold(n);
    double high = settings.maxDf().threshold(n);
    long[] df = counted.df;
    TermTable terms = counted.terms;
    String[] survivors = new String[distinct];
    int kept = 0;
    int belowMin = 0;
    int aboveMax = 0;
    for (int g = 0; g < distinct; g++) {
      if (df[g] < low) {
        belowMin++;
      } else if (df[g] > high) {
        aboveMax++;
      } else {
        survivors[kept++] = terms.term(g);
      }
    }
    if (kept == 0) {
      throw BadInputException.of("no terms remain after the document-frequency filters: of " + distinct
          + " distinct terms in " + n + " documents, min_df=" + settings.minDf() + " (at least "
          + CountVectorizer.format(low) + " documents) drops " + belowMin + " and max_df=" + settings.maxDf()
          + " (at most " + CountVectorizer.format(high) + " documents) drops " + aboveMax
          + "; lower min_df or raise max_df");
    }
    String[] ordered = Arrays.copyOf(survivors, kept);
    Arrays.sort(ordered, CodePointOrder::compare);
    int[] ids = new int[kept];
    for (int i = 0; i < kept; i++) {
      ids[i] = terms.get(ordered[i]);
    }
    int[] columns = limitFeatures(settings, counted, ids);
    int[] columnOf = new int[distinct];
    Arrays.fill(columnOf, -1);
    String[] vocabulary = new String[columns.length];
    long[] keptDf = new long[columns.length];
    for (int c = 0; c < columns.length; c++) {
      int g = columns[c];
      columnOf[g] = c;
      vocabulary[c] = terms.term(g);
      keptDf[c] = df[g];
    }
    return new Selection(new FittedVectorizer(settings, weighting, vocabulary, keptDf, n), columnOf);
  }

  /**
   * @return the corpus ids of the terms kept by {@code max_features}, in code-point order: scikit-learn ranks the
   *     candidates (in code-point order) by NumPy's unstable argsort of their negated corpus counts (document
   *     frequencies when binary, as its counts are already 1 then) and keeps the first {@code max_features}
   */
  private static int[] limitFeatures(CountVectorizer settings, Counted counted, int[] ids) {
    int limit = settings.maxFeatures().orElse(Integer.MAX_VALUE);
    if (ids.length <= limit) {
      return ids;
    }
    long[] tfs = settings.binary() ? counted.df : counted.totals;
    long[] negated = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      negated[i] = -tfs[ids[i]];
    }
    int[] rank = NumpyArgsort.argsort(negated);
    boolean[] keep = new boolean[ids.length];
    for (int i = 0; i < limit; i++) {
      keep[rank[i]] = true;
    }
    int[] out = new int[limit];
    int k = 0;
    for (int i = 0; i < ids.length; i++) {
      if (keep[i]) {
        out[k++] = ids[i];
      }
    }
    return out;
  }

  /** A shard while fitting: ids are shard-local, in first-seen order, with document frequencies and counts. */
  private static final class FitShard extends ShardRows {
    TermTable terms = new TermTable();
    int[] df = new int[1024];
    int[] total = new int[1024];
    int[] localToGlobal;

    FitShard(boolean keepRows) {
      super(keepRows);
    }

    @Override
    int id(String token) {
      int id = terms.add(token);
      if (id == docCount.length) {
        docCount = Arrays.copyOf(docCount, id * 2);
        df = Arrays.copyOf(df, id * 2);
        total = Arrays.copyOf(total, id * 2);
      }
      return id;
    }

    @Override
    void termInDocument(int id, int count) {
      df[id]++;
      total[id] += count;
    }

    /** Drops the shard's own strings once the corpus table knows them: only the id mapping is needed. */
    void mergedInto(int[] toGlobal) {
      localToGlobal = toGlobal;
      terms = null;
      df = null;
      total = null;
      docCount = null;
    }
  }

  /** A shard while transforming: ids are the fitted vectorizer's columns; unknown terms are ignored. */
  private static final class TransformShard extends ShardRows {
    private final FittedVectorizer vectorizer;

    TransformShard(FittedVectorizer vectorizer) {
      super(true);
      this.vectorizer = vectorizer;
      this.docCount = new int[vectorizer.size()];
    }

    @Override
    int id(String token) {
      return vectorizer.column(token);
    }

    @Override
    void termInDocument(int id, int count) {
      // rows are all a transform needs
    }
  }
}
