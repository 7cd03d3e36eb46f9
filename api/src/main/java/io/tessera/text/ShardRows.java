package io.tessera.text;

import io.tessera.engine.CsrMatrix;
import io.tessera.internal.text.Utf8Terms;
import io.tessera.internal.text.Utf8Tokenizer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The term counts of one shard of documents: for each document, the ids of its distinct terms and how often each
 * occurs, gathered with a sparse accumulator (a count per id plus the list of ids touched by the current
 * document) so that a document costs time in its length, not in the vocabulary size. Subclasses decide what an
 * id is: a shard-local id while fitting, the final column while transforming. One instance per task; not
 * thread-safe.
 */
abstract class ShardRows implements Consumer<String>, Utf8Tokenizer.Sink {
  /** An id for a token that counts as a token but has no column (a term the vectorizer does not know). */
  static final int UNKNOWN = -1;
  /** An id for a token that does not count at all (a stopword). */
  static final int STOPWORD = -2;

  private final boolean keepRows;
  /** Count of each id in the current document. */
  int[] docCount = new int[1024];
  private int[] touched = new int[256];
  private int touchedCount;
  private int tokensInDocument;

  private int[] rowPtr = new int[1];
  private int[] ids = new int[1024];
  private int[] tfs = new int[1024];
  private int documents;
  private int emptyDocuments;
  private int longestRow;

  ShardRows(boolean keepRows) {
    this.keepRows = keepRows;
  }

  /**
   * @param hash {@link Utf8Terms#hash} of the token's bytes {@code b[from, to)}
   * @return the id of the token, {@link #UNKNOWN} or {@link #STOPWORD}; may grow {@link #docCount}
   */
  abstract int id(byte[] b, int from, int to, int hash);

  /** Called once per distinct id of a finished document with its count there. */
  abstract void termInDocument(int id, int count);

  /** Tokenizes and counts the documents of {@code shard}, in order. */
  final void count(ShardSource.Shard shard, Tokenization tokenization) {
    if (shard.chunk() == null) {
      for (CharSequence text : shard.documents()) {
        touchedCount = 0;
        tokensInDocument = 0;
        tokenization.tokenizer().forEachToken(text, this);
        endDocument();
      }
      return;
    }
    Utf8Tokenizer scan = tokenization.bytes();
    shard.chunk().forEachDocument((data, from, to, ascii, line) -> {
      touchedCount = 0;
      tokensInDocument = 0;
      if (scan != null) {
        scan.forEachToken(data, from, to, this);
      } else {
        String text = new String(data, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        tokenization.tokenizer().forEachToken(text, this);
      }
      endDocument();
    });
  }

  /** A token of the string path: counted by its UTF-8 bytes, as the byte path counts. */
  @Override
  public final void accept(String token) {
    byte[] b = token.getBytes(StandardCharsets.UTF_8);
    token(b, 0, b.length, Utf8Terms.hash(b, 0, b.length));
  }

  @Override
  public final void token(byte[] b, int from, int to, int hash) {
    int id = id(b, from, to, hash);
    if (id == STOPWORD) {
      return;
    }
    tokensInDocument++;
    if (id < 0) {
      return;
    }
    if (docCount[id]++ == 0) {
      if (touchedCount == touched.length) {
        touched = Arrays.copyOf(touched, touchedCount * 2);
      }
      touched[touchedCount++] = id;
    }
  }

  private void endDocument() {
    if (tokensInDocument == 0) {
      emptyDocuments++;
    }
    int start = keepRows ? rowPtr[documents] : 0;
    if (keepRows) {
      if (documents + 2 > rowPtr.length) {
        rowPtr = Arrays.copyOf(rowPtr, rowPtr.length * 2 + 1);
      }
      if (start + touchedCount > ids.length) {
        int capacity = Math.max(start + touchedCount, ids.length * 2);
        ids = Arrays.copyOf(ids, capacity);
        tfs = Arrays.copyOf(tfs, capacity);
      }
    }
    for (int i = 0; i < touchedCount; i++) {
      int id = touched[i];
      int c = docCount[id];
      docCount[id] = 0;
      termInDocument(id, c);
      if (keepRows) {
        ids[start + i] = id;
        tfs[start + i] = c;
      }
    }
    if (keepRows) {
      rowPtr[documents + 1] = start + touchedCount;
    }
    longestRow = Math.max(longestRow, touchedCount);
    documents++;
  }

  /** @return the number of documents counted */
  final int documents() {
    return documents;
  }

  /** @return the number of documents without any token */
  final int emptyDocuments() {
    return emptyDocuments;
  }

  /**
   * Builds this shard's rows of the document–term matrix: ids become columns through {@code columnOf} (null
   * meaning the id is the column; -1 dropping the term), entries are sorted by column and weighted by
   * {@code weights}.
   */
  final CsrMatrix build(int[] columnOf, FittedVectorizer weights) {
    if (!keepRows) {
      throw new IllegalStateException("this shard did not keep its rows");
    }
    // Each row's entries in column order, for the whole shard at once: a counting sort by column, whose stable
    // scatter keeps rows ascending within a column, then a scatter back by row, which visits the columns in
    // ascending order. Two linear passes instead of a sort per row; each pass is its own small method, which the
    // JIT compiler optimises sooner and at less cost than one large one.
    int cols = weights.size();
    int[] columnEnd = new int[cols + 1];
    int nnz = toColumns(columnOf, columnEnd);
    int[] rowOf = new int[nnz];
    int[] countOf = new int[nnz];
    byColumn(columnEnd, rowOf, countOf);
    int[] rowEnd = new int[documents + 1];
    int[] columns = new int[nnz];
    int[] counts = new int[nnz];
    byRow(columnEnd, rowOf, countOf, rowEnd, columns, counts);
    return weigh(weights, rowEnd, columns, counts);
  }

  /**
   * Replaces each entry's id by its column ({@code columnOf}, or the id itself when null; -1 drops it) and counts
   * the entries of each column into {@code columnStart[column + 1]}, which it then turns into the columns' starts.
   *
   * @return the number of entries kept
   */
  private int toColumns(int[] columnOf, int[] columnStart) {
    int nnz = 0;
    for (int p = 0; p < rowPtr[documents]; p++) {
      int column = columnOf == null ? ids[p] : columnOf[ids[p]];
      ids[p] = column; // the shard's ids are not needed after this
      if (column >= 0) {
        columnStart[column + 1]++;
        nnz++;
      }
    }
    for (int c = 1; c < columnStart.length; c++) {
      columnStart[c] += columnStart[c - 1];
    }
    return nnz;
  }

  /** Scatters the entries by column, rows ascending within each; {@code columnStart} ends as the columns' ends. */
  private void byColumn(int[] columnStart, int[] rowOf, int[] countOf) {
    for (int d = 0; d < documents; d++) {
      for (int p = rowPtr[d]; p < rowPtr[d + 1]; p++) {
        int column = ids[p];
        if (column >= 0) {
          int at = columnStart[column]++;
          rowOf[at] = d;
          countOf[at] = tfs[p];
        }
      }
    }
  }

  /** Scatters the column-ordered entries back by row; {@code rowEnd[d]} ends as the end of row {@code d}. */
  private void byRow(int[] columnEnd, int[] rowOf, int[] countOf, int[] rowEnd, int[] columns, int[] counts) {
    for (int at = 0; at < rowOf.length; at++) {
      rowEnd[rowOf[at] + 1]++;
    }
    for (int d = 0; d < documents; d++) {
      rowEnd[d + 1] += rowEnd[d];
    }
    int at = 0;
    for (int c = 0; c + 1 < columnEnd.length; c++) {
      for (; at < columnEnd[c]; at++) {
        int q = rowEnd[rowOf[at]]++;
        columns[q] = c;
        counts[q] = countOf[at];
      }
    }
  }

  /** Weighs the rows ({@code rowEnd[d]} the end of row {@code d}) into the shard's matrix. */
  private CsrMatrix weigh(FittedVectorizer weights, int[] rowEnd, int[] columns, int[] counts) {
    CsrMatrix.Builder rows = CsrMatrix.builder(weights.size(), documents, columns.length);
    int[] rowColumns = new int[longestRow];
    int[] rowCounts = new int[longestRow];
    float[] values = new float[longestRow];
    double[] scratch = new double[longestRow];
    for (int d = 0, q = 0; d < documents; d++) {
      int n = 0;
      for (int end = rowEnd[d]; q < end; q++, n++) {
        rowColumns[n] = columns[q];
        rowCounts[n] = counts[q];
      }
      weights.weigh(rowColumns, rowCounts, n, values, scratch);
      rows.addRow(rowColumns, values, n);
    }
    return rows.build();
  }


}
