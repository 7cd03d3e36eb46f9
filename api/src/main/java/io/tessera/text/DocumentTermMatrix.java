package io.tessera.text;

import io.tessera.api.ModelFormatException;
import io.tessera.engine.CsrMatrix;
import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A document–term matrix with the vectorizer that made it: row {@code i} is document {@code i}, column {@code j}
 * the term {@code vectorizer.term(j)}.
 *
 * <h2>File format (SciPy interop)</h2>
 * {@link #write} stores a safetensors file whose tensors are named as SciPy names the parts of a
 * {@code csr_matrix}: {@code data} (F32, the values), {@code indices} (I32, the column of each value),
 * {@code indptr} (I32, {@code rows + 1} row pointers) and {@code shape} (I64 {@code [rows, cols]}); the
 * vectorizer's tensors and metadata ({@code vocabulary}, {@code document_frequencies}, {@code idf}, settings; see
 * {@link FittedVectorizer}); and the metadata {@code matrix} ({@code csr}), {@code rows} and
 * {@code empty_documents}. Python reads it with numpy and scipy alone:
 * {@code scipy.sparse.csr_matrix((data, indices, indptr), shape=shape)}, the vocabulary being the UTF-8 slices
 * of {@code vocabulary} between consecutive {@code vocabulary.offsets}.
 *
 * @param vectorizer     the fitted vectorizer whose columns the matrix has
 * @param matrix         the rows, one per document, in input order
 * @param emptyDocuments the number of documents without any token (kept as empty rows)
 */
public record DocumentTermMatrix(FittedVectorizer vectorizer, CsrMatrix matrix, int emptyDocuments) {

  /** Checks that the parts fit together. */
  public DocumentTermMatrix {
    Objects.requireNonNull(vectorizer, "vectorizer");
    Objects.requireNonNull(matrix, "matrix");
    if (matrix.cols() != vectorizer.size()) {
      throw new IllegalArgumentException("the matrix has " + matrix.cols() + " columns but the vectorizer "
          + vectorizer.size() + " terms");
    }
    if (emptyDocuments < 0 || emptyDocuments > matrix.rows()) {
      throw new IllegalArgumentException(emptyDocuments + " empty documents in " + matrix.rows() + " rows");
    }
  }

  /** Adds the matrix, the vectorizer and their metadata to {@code writer} (names in the class comment). */
  public void writeTo(TensorWriter writer) {
    vectorizer.writeTo(writer);
    writer.putFloats("data", matrix.values());
    writer.putInts("indices", matrix.indices());
    writer.putInts("indptr", matrix.indptr());
    writer.putLongs("shape", new long[] {matrix.rows(), matrix.cols()});
    writer.metadata("matrix", "csr");
    writer.metadata("rows", Integer.toString(matrix.rows()));
    writer.metadata("empty_documents", Integer.toString(emptyDocuments));
  }

  /** Writes the file described in the class comment, atomically. */
  public void write(Path file) {
    TensorWriter writer = TensorWriter.create();
    writeTo(writer);
    writer.write(file);
  }

  /**
   * Reads a file written by {@link #write}; the vectorizer will tokenize with {@code tokenizer}.
   *
   * @throws ModelFormatException naming the file when a part is missing or the parts are inconsistent
   */
  public static DocumentTermMatrix read(Path file, Tokenizer tokenizer) {
    try (TensorFile f = TensorFile.open(file)) {
      FittedVectorizer vectorizer = FittedVectorizer.readFrom(f, tokenizer);
      if (!"csr".equals(f.metadata().get("matrix"))) {
        throw new ModelFormatException(file + ": metadata 'matrix' must be csr, got " + f.metadata().get("matrix"));
      }
      long[] shape = f.longs("shape", 2);
      if (shape[0] < 0 || shape[0] >= Integer.MAX_VALUE - 8 || shape[1] != vectorizer.size()) {
        throw new ModelFormatException(file + ": shape [" + shape[0] + ", " + shape[1] + "] does not fit a matrix "
            + "over the " + vectorizer.size() + " terms of its vocabulary");
      }
      int rows = (int) shape[0];
      int[] indptr = f.ints("indptr", rows + 1L);
      int nnz = indptr[rows];
      try {
        CsrMatrix matrix = CsrMatrix.of(rows, (int) shape[1], indptr, f.ints("indices", nnz), f.floats("data", nnz));
        int empty = Integer.parseInt(f.metadata().getOrDefault("empty_documents", "0"));
        return new DocumentTermMatrix(vectorizer, matrix, empty);
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(file + ": inconsistent CSR matrix: " + e.getMessage(), e);
      }
    }
  }
}
