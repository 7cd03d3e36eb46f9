package io.tessera.io;

import java.util.List;
import java.util.Objects;

/**
 * A dense numeric table: {@code rows x columns().size()} floats in row-major order, with optional text labels
 * per row (a class column such as iris's {@code species}, kept out of the numbers).
 *
 * @param columns the names of the numeric columns
 * @param rows    the number of rows
 * @param values  the numbers, row-major, length {@code rows * columns.size()}
 * @param labels  one label per row, or an empty list when the table has no label column
 */
public record NumericTable(List<String> columns, int rows, float[] values, List<String> labels) {

  /** Validates that the values fill {@code rows} rows of every column and that labels, if any, match the rows. */
  public NumericTable {
    columns = List.copyOf(columns);
    labels = List.copyOf(labels);
    Objects.requireNonNull(values, "values");
    if (rows < 0 || (long) rows * columns.size() != values.length) {
      throw new IllegalArgumentException("table of " + rows + " rows x " + columns.size() + " columns needs "
          + (long) rows * columns.size() + " values, got " + values.length);
    }
    if (!labels.isEmpty() && labels.size() != rows) {
      throw new IllegalArgumentException(rows + " rows but " + labels.size() + " labels");
    }
  }

  /** @return the number of numeric columns */
  public int cols() {
    return columns.size();
  }

  /** @return the value at ({@code row}, {@code col}) */
  public float get(int row, int col) {
    return values[row * columns.size() + col];
  }
}
