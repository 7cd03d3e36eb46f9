package io.tessera.text;

import io.tessera.api.BadInputException;
import io.tessera.engine.ComputeEngine;
import io.tessera.engine.CsrMatrix;
import io.tessera.io.TextCorpus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work behind {@link CountVectorizer}, {@link TfidfVectorizer} and {@link FittedVectorizer#transform}.
 *
 * <p>Documents are cut into numbered shards of {@link #SHARD_DOCUMENTS} documents ({@link ShardSource}); every
 * thread of the engine pulls shards and tokenizes and counts each with its own term table, and the shards' tables
 * are merged into the corpus table strictly in shard order. Because every result is then a function of the corpus
 * alone (document frequencies, counts, the code-point order of the kept terms), the matrix does not depend on the
 * thread count or the shard size.
 */
final class Vectorization {
  private static final Logger LOG = LoggerFactory.getLogger(Vectorization.class);
  /** Documents per shard; results do not depend on it, it bounds the memory of one task. */
  static final int SHARD_DOCUMENTS = 1024;

  private Vectorization() {
  }

  /**
   * A corpus being counted: its term table with each term's document frequency and count, the numbers of documents
   * and of empty documents, and the counted shards when their rows are kept. Shards are merged strictly in index
   * order, by one thread at a time, whatever order they finish in.
   */
  private static final class Counted {
    private final boolean keepRows;
    final TermTable terms = new TermTable(1 << 15);
    long[] df = new long[1 << 14];
    long[] totals = new long[1 << 14];
    long documents;
    int emptyDocuments;
    final List<FitShard> shards = new ArrayList<>();

    /** Shards finished but not merged yet, by index; guarded by {@code this}. */
    private final Map<Integer, FitShard> finished = new HashMap<>();
    /** The index of the next shard to merge; guarded by {@code this}. */
    private int nextShard;
    /** Whether a thread is merging; guarded by {@code this}. */
    private boolean merging;

    Counted(boolean keepRows) {
      this.keepRows = keepRows;
    }

    /**
     * Records that shard {@code index} was counted. If no other thread is merging, this one merges every shard that
     * is next in order and finished, including those that finish meanwhile; otherwise it leaves the shard to the
     * merging thread and returns at once.
     */
    void completed(int index, FitShard shard) {
      synchronized (this) {
        finished.put(index, shard);
        if (merging) {
          return;
        }
        merging = true;
      }
      while (true) {
        FitShard next;
        synchronized (this) {
          next = finished.remove(nextShard);
          if (next == null) {
            merging = false;
            return;
          }
          nextShard++;
        }
        merge(next);
      }
    }

    /** Adds a shard's statistics and gives it its map from local to corpus ids. */
    private void merge(FitShard shard) {
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
    forEachShard(documents, engine, shardDocuments, s -> {
      TransformShard shard = new TransformShard(vectorizer);
      shard.count(s.documents(), tokenizer);
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
   * Runs {@code work} on every shard of the documents, on all of the engine's threads: each task pulls shards from
   * a {@link ShardSource} until none are left, so no thread waits for the others between shards. Results must be
   * keyed by {@link ShardSource.Shard#index()}, never by the order in which shards finish.
   */
  private static void forEachShard(Iterator<? extends CharSequence> documents, ComputeEngine engine,
                                   int shardDocuments, Consumer<ShardSource.Shard> work) {
    int workers = Math.max(1, engine.threads());
    try (ShardSource source = ShardSource.open(documents, shardDocuments, workers)) {
      engine.parallelFor(workers, w -> {
        try {
          for (ShardSource.Shard s = source.next(); s != null; s = source.next()) {
            work.accept(s);
          }
        } catch (RuntimeException | Error e) {
          source.stop(); // the other workers finish their shard and stop
          throw e;
        }
      });
    }
  }

  /**
   * Counts every document. The shards' term tables are merged into the corpus table in shard order, by whichever
   * worker finishes the shard that is next in order (see {@link Counted#completed}).
   */
  private static Counted count(CountVectorizer settings, Iterator<? extends CharSequence> documents,
                               ComputeEngine engine, boolean keepRows, int shardDocuments) {
    Counted counted = new Counted(keepRows);
    Tokenizer tokenizer = settings.tokenizer();
    forEachShard(documents, engine, shardDocuments, s -> {
      FitShard shard = new FitShard(keepRows);
      shard.count(s.documents(), tokenizer);
      counted.completed(s.index(), shard);
    });
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
