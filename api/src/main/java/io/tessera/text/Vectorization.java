package io.tessera.text;

import io.tessera.api.BadInputException;
import io.tessera.engine.ComputeEngine;
import io.tessera.engine.CsrMatrix;
import io.tessera.internal.text.Utf8Terms;
import io.tessera.io.CorpusChunks;
import io.tessera.io.TextCorpus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work behind {@link CountVectorizer}, {@link TfidfVectorizer} and {@link FittedVectorizer#transform}.
 *
 * <p>Documents are cut into numbered shards ({@link ShardSource}): a corpus file's chunks of lines, or
 * {@link #SHARD_DOCUMENTS} documents of an iterator. Every thread of the engine pulls shards and tokenizes and
 * counts them into its own term table; the tables are summed into the corpus table at the end, and each shard's rows
 * are kept under the shard's index. Every result is a function of the corpus alone (document frequencies and counts
 * are sums, the kept terms are put in code-point order, rows in shard order), so the matrix does not depend on the
 * thread count or the shard size.
 */
final class Vectorization {
  private static final Logger LOG = LoggerFactory.getLogger(Vectorization.class);
  /** Documents per shard; results do not depend on it, it bounds the memory of one task. */
  static final int SHARD_DOCUMENTS = 1024;

  private Vectorization() {
  }

  /**
   * The terms one worker has seen, with their document frequencies and counts, over all the shards it counted.
   * Its ids depend on which shards the worker happened to take, but nothing else does: the workers' tables are
   * summed into the corpus table, whose terms are then ordered by code point, so results do not depend on the
   * thread count. One table per worker (not per shard) keeps the vocabulary warm in its cache and merges once.
   */
  private static final class WorkerTerms {
    private final Tokenization tokenization;
    final Utf8Terms terms = new Utf8Terms(1 << 14);
    long[] df = new long[1 << 13];
    long[] total = new long[1 << 13];
    /** Whether each term is a stopword, decided once when the term is first seen. */
    boolean[] stopword = new boolean[1 << 13];
    /** Each term's id in the corpus table, once merged. */
    int[] toCorpus;

    WorkerTerms(Tokenization tokenization) {
      this.tokenization = tokenization;
    }

    /** @return the id of the token, or {@link ShardRows#STOPWORD} */
    int id(byte[] b, int from, int to, int hash) {
      int known = terms.size();
      int id = terms.add(b, from, to, hash);
      if (id == known) {
        if (id == df.length) {
          df = Arrays.copyOf(df, id * 2);
          total = Arrays.copyOf(total, id * 2);
          stopword = Arrays.copyOf(stopword, id * 2);
        }
        stopword[id] = tokenization.isStopword(b, from, to, hash);
      }
      return stopword[id] ? ShardRows.STOPWORD : id;
    }
  }

  /** A corpus counted: the corpus term table with each term's document frequency and count, and the shards. */
  private static final class Counted {
    final Utf8Terms terms = new Utf8Terms(1 << 15);
    long[] df = new long[1 << 14];
    long[] totals = new long[1 << 14];
    long documents;
    int emptyDocuments;
    /** The counted shards by index, when their rows are kept. */
    final List<FitShard> shards = new ArrayList<>();

    Counted(WorkerTerms[] workers, List<FitShard> counted, boolean keepRows) {
      for (WorkerTerms w : workers) {
        w.toCorpus = new int[w.terms.size()];
        for (int l = 0; l < w.toCorpus.length; l++) {
          if (w.stopword[l]) {
            w.toCorpus[l] = -1;
            continue;
          }
          int g = terms.add(w.terms, l);
          if (g == df.length) {
            df = Arrays.copyOf(df, g * 2);
            totals = Arrays.copyOf(totals, g * 2);
          }
          df[g] += w.df[l];
          totals[g] += w.total[l];
          w.toCorpus[l] = g;
        }
      }
      for (FitShard shard : counted) {
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
    return withShards(corpus, engine, shards -> select(settings, weighting, count(settings, shards, engine, false))
        .vectorizer);
  }

  static FittedVectorizer fit(CountVectorizer settings, TfidfWeighting weighting,
                              Iterator<? extends CharSequence> documents, ComputeEngine engine) {
    return withShards(documents, engine, SHARD_DOCUMENTS, shards -> select(settings, weighting,
        count(settings, shards, engine, false)).vectorizer);
  }

  static DocumentTermMatrix fitTransform(CountVectorizer settings, TfidfWeighting weighting, TextCorpus corpus,
                                         ComputeEngine engine) {
    return withShards(corpus, engine, shards -> fitTransform(settings, weighting, shards, engine));
  }

  static DocumentTermMatrix fitTransform(CountVectorizer settings, TfidfWeighting weighting,
                                         Iterator<? extends CharSequence> documents, ComputeEngine engine) {
    return fitTransform(settings, weighting, documents, engine, SHARD_DOCUMENTS);
  }

  /** As the public fitTransform, with shards of {@code shardDocuments} documents (tests vary it). */
  static DocumentTermMatrix fitTransform(CountVectorizer settings, TfidfWeighting weighting,
                                         Iterator<? extends CharSequence> documents, ComputeEngine engine,
                                         int shardDocuments) {
    return withShards(documents, engine, shardDocuments, shards -> fitTransform(settings, weighting, shards,
        engine));
  }

  private static DocumentTermMatrix fitTransform(CountVectorizer settings, TfidfWeighting weighting,
                                                 ShardSource shards, ComputeEngine engine) {
    Counted counted = count(settings, shards, engine, true);
    Selection selection = select(settings, weighting, counted);
    List<FitShard> counts = counted.shards;
    Map<WorkerTerms, int[]> columnsOf = new IdentityHashMap<>();
    for (FitShard shard : counts) {
      columnsOf.computeIfAbsent(shard.worker, w -> {
        int[] columnOf = new int[w.toCorpus.length];
        for (int l = 0; l < columnOf.length; l++) {
          columnOf[l] = w.toCorpus[l] < 0 ? -1 : selection.columnOf[w.toCorpus[l]];
        }
        return columnOf;
      });
    }
    CsrMatrix[] parts = new CsrMatrix[counts.size()];
    engine.parallelFor(parts.length, i -> parts[i] = counts.get(i).build(columnsOf.get(counts.get(i).worker),
        selection.vectorizer));
    return finish(selection.vectorizer, parts, counted.emptyDocuments);
  }

  static DocumentTermMatrix transform(FittedVectorizer vectorizer, TextCorpus corpus, ComputeEngine engine) {
    return withShards(corpus, engine, shards -> transform(vectorizer, shards, engine));
  }

  static DocumentTermMatrix transform(FittedVectorizer vectorizer, Iterator<? extends CharSequence> documents,
                                      ComputeEngine engine) {
    return transform(vectorizer, documents, engine, SHARD_DOCUMENTS);
  }

  /** As the public transform, with shards of {@code shardDocuments} documents (tests vary it). */
  static DocumentTermMatrix transform(FittedVectorizer vectorizer, Iterator<? extends CharSequence> documents,
                                      ComputeEngine engine, int shardDocuments) {
    return withShards(documents, engine, shardDocuments, shards -> transform(vectorizer, shards, engine));
  }

  private static DocumentTermMatrix transform(FittedVectorizer vectorizer, ShardSource shards,
                                              ComputeEngine engine) {
    List<CsrMatrix> parts = new ArrayList<>();
    int[] empty = {0};
    Tokenization tokenization = Tokenization.of(vectorizer.settings().tokenizer());
    forEachShard(shards, engine, (w, s) -> {
      TransformShard shard = new TransformShard(vectorizer, tokenization);
      shard.count(s, tokenization);
      CsrMatrix built = shard.build(null, vectorizer);
      synchronized (parts) {
        while (parts.size() <= s.index()) {
          parts.add(null);
        }
        parts.set(s.index(), built);
        empty[0] += shard.emptyDocuments();
      }
    });
    return finish(vectorizer, parts.toArray(CsrMatrix[]::new), empty[0]);
  }

  /**
   * Runs {@code work} on the shards of a corpus: its chunks, parsed by the workers, or (for a CSV corpus) shards of
   * its documents.
   */
  private static <T> T withShards(TextCorpus corpus, ComputeEngine engine, Function<ShardSource, T> work) {
    Objects.requireNonNull(corpus, "corpus");
    int workers = Math.max(1, engine.threads());
    if (!corpus.chunked()) {
      try (Stream<String> docs = corpus.documents()) {
        return withShards(docs.iterator(), engine, SHARD_DOCUMENTS, work);
      }
    }
    try (CorpusChunks chunks = corpus.chunks(); ShardSource source = ShardSource.open(chunks, workers)) {
      return work.apply(source);
    }
  }

  private static <T> T withShards(Iterator<? extends CharSequence> documents, ComputeEngine engine,
                                  int shardDocuments, Function<ShardSource, T> work) {
    try (ShardSource source = ShardSource.open(documents, shardDocuments, Math.max(1, engine.threads()))) {
      return work.apply(source);
    }
  }

  private static DocumentTermMatrix finish(FittedVectorizer vectorizer, CsrMatrix[] parts, int emptyDocuments) {
    CsrMatrix matrix = parts.length == 0 ? CsrMatrix.empty(0, vectorizer.size()) : CsrMatrix.vstack(List.of(parts));
    if (emptyDocuments > 0) {
      LOG.warn("{} of {} documents have no tokens; they are kept as empty rows", emptyDocuments, matrix.rows());
    }
    return new DocumentTermMatrix(vectorizer, matrix, emptyDocuments);
  }

  /** Work on one shard by worker {@code worker}. */
  @FunctionalInterface
  private interface ShardWork {
    void accept(int worker, ShardSource.Shard shard);
  }

  /**
   * Runs {@code work} on every shard, on all of the engine's threads: each task pulls shards from the source until
   * none are left, so no thread waits for the others between shards. Results must be keyed by
   * {@link ShardSource.Shard#index()}, never by the order in which shards finish.
   */
  private static void forEachShard(ShardSource source, ComputeEngine engine, ShardWork work) {
    engine.parallelFor(Math.max(1, engine.threads()), w -> {
      try {
        for (ShardSource.Shard s = source.next(); s != null; s = source.next()) {
          work.accept(w, s);
        }
      } catch (RuntimeException | Error e) {
        source.stop(); // the other workers finish their shard and stop
        throw e;
      }
    });
  }

  /** Counts every document: each worker into its own term table, summed into the corpus table at the end. */
  private static Counted count(CountVectorizer settings, ShardSource shards, ComputeEngine engine,
                               boolean keepRows) {
    Tokenization tokenization = Tokenization.of(settings.tokenizer());
    WorkerTerms[] workers = new WorkerTerms[Math.max(1, engine.threads())];
    List<FitShard> counted = new ArrayList<>();
    forEachShard(shards, engine, (w, s) -> {
      if (workers[w] == null) {
        workers[w] = new WorkerTerms(tokenization);
      }
      FitShard shard = new FitShard(keepRows, workers[w]);
      shard.count(s, tokenization);
      synchronized (counted) {
        while (counted.size() <= s.index()) {
          counted.add(null);
        }
        counted.set(s.index(), shard);
      }
    });
    return new Counted(Arrays.stream(workers).filter(Objects::nonNull).toArray(WorkerTerms[]::new), counted,
        keepRows);
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
    Utf8Terms terms = counted.terms;
    int[] survivors = new int[distinct];
    int kept = 0;
    int belowMin = 0;
    int aboveMax = 0;
    for (int g = 0; g < distinct; g++) {
      if (df[g] < low) {
        belowMin++;
      } else if (df[g] > high) {
        aboveMax++;
      } else {
        survivors[kept++] = g;
      }
    }
    if (kept == 0) {
      throw BadInputException.of("no terms remain after the document-frequency filters: of " + distinct
          + " distinct terms in " + n + " documents, min_df=" + settings.minDf() + " (at least "
          + CountVectorizer.format(low) + " documents) drops " + belowMin + " and max_df=" + settings.maxDf()
          + " (at most " + CountVectorizer.format(high) + " documents) drops " + aboveMax
          + "; lower min_df or raise max_df");
    }
    int[] ids = Arrays.copyOf(survivors, kept);
    terms.sortByBytes(ids);
    int[] columns = limitFeatures(settings, counted, ids);
    int[] columnOf = new int[distinct];
    Arrays.fill(columnOf, -1);
    String[] vocabulary = new String[columns.length];
    long[] keptDf = new long[columns.length];
    for (int c = 0; c < columns.length; c++) {
      int g = ids[columns[c]];
      columnOf[g] = c;
      vocabulary[c] = terms.term(g);
      keptDf[c] = df[g];
    }
    return new Selection(new FittedVectorizer(settings, weighting, vocabulary, keptDf, n), columnOf);
  }

  /**
   * @return the positions in {@code ids} of the terms kept by {@code max_features}, ascending (so in code-point
   *     order): scikit-learn ranks the
   *     candidates (in code-point order) by NumPy's unstable argsort of their negated corpus counts (document
   *     frequencies when binary, as its counts are already 1 then) and keeps the first {@code max_features}
   */
  private static int[] limitFeatures(CountVectorizer settings, Counted counted, int[] ids) {
    int limit = settings.maxFeatures().orElse(Integer.MAX_VALUE);
    if (ids.length <= limit) {
      int[] all = new int[ids.length];
      Arrays.setAll(all, i -> i);
      return all;
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
        out[k++] = i;
      }
    }
    return out;
  }

  /** A shard while fitting: ids are shard-local, in first-seen order, with document frequencies and counts. */
  private static final class FitShard extends ShardRows {
    final WorkerTerms worker;

    FitShard(boolean keepRows, WorkerTerms worker) {
      super(keepRows);
      this.worker = worker;
    }

    @Override
    int id(byte[] b, int from, int to, int hash) {
      int id = worker.id(b, from, to, hash);
      if (id >= docCount.length) {
        docCount = Arrays.copyOf(docCount, Math.max(id + 1, docCount.length * 2));
      }
      return id;
    }

    @Override
    void termInDocument(int id, int count) {
      worker.df[id]++;
      worker.total[id] += count;
    }
  }

  /** A shard while transforming: ids are the fitted vectorizer's columns; unknown terms are ignored. */
  private static final class TransformShard extends ShardRows {
    private final Utf8Terms columns;
    private final Tokenization tokenization;

    TransformShard(FittedVectorizer vectorizer, Tokenization tokenization) {
      super(true);
      this.columns = vectorizer.columnTable();
      this.tokenization = tokenization;
      this.docCount = new int[vectorizer.size()];
    }

    @Override
    int id(byte[] b, int from, int to, int hash) {
      int column = columns.get(b, from, to, hash);
      if (column >= 0) {
        return column;
      }
      return tokenization.isStopword(b, from, to, hash) ? STOPWORD : UNKNOWN;
    }

    @Override
    void termInDocument(int id, int count) {
      // rows are all a transform needs
    }
  }
}
