package io.tessera.io;

import io.tessera.api.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@link NumericTable}s from CSV or TSV files with a header row (such as the clustering data sets).
 *
 * <p>The delimiter follows from the file name ({@code .csv}, {@code .tsv}, optionally {@code .gz}; see
 * {@link DelimitedFile}). Every column except the label column and any skipped columns must hold a decimal number
 * in every row ({@code 5.1}, {@code -3}, {@code 1e-3}); an empty cell (a missing value), {@code NA}, {@code NaN},
 * {@code Infinity} or any other text is a {@link BadInputException} naming the file, line, column and text, because
 * silently dropping or imputing values would change the data. Numbers are rounded to the nearest {@code float};
 * one that overflows a {@code float} is an error too.
 */
public final class NumericTables {
  /** Plain decimal numbers only: Java's parser would also take hex floats, "NaN" and suffixes such as "1f". */
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private NumericTables() {
  }

  /**
   * Reads a table whose columns are all numeric except the optional label column.
   *
   * @param labelColumn the column holding one text label per row (such as iris's {@code species}), or {@code null}
   *                    when every column is numeric
   * @throws BadInputException naming file, line and column for a missing file or column, a row with the wrong number
   *                           of fields, or a cell that is not a number
   */
  public static NumericTable readCsv(Path file, String labelColumn) {
    return readCsv(file, labelColumn, Set.of());
  }

  /**
   * Reads a table, leaving out {@code skipColumns} (for example a second categorical column or a row id).
   *
   * @param labelColumn the column holding one text label per row, or {@code null}
   * @param skipColumns columns to ignore; each must exist
   * @throws BadInputException as for {@link #readCsv(Path, String)}
   */
  public static NumericTable readCsv(Path file, String labelColumn, Collection<String> skipColumns) {
    try (DelimitedFile table = DelimitedFile.open(file)) {
      List<String> columns = table.columns();
      boolean[] numeric = new boolean[columns.size()];
      Arrays.fill(numeric, true);
      int label = -1;
      if (labelColumn != null) {
        label = table.columnIndex(labelColumn);
        numeric[label] = false;
      }
      for (String skip : skipColumns) {
        numeric[table.columnIndex(skip)] = false;
      }
      List<String> names = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        if (numeric[c]) {
          names.add(columns.get(c));
        }
      }
      if (names.isEmpty()) {
        throw BadInputException.inFile(file, 1, "no numeric columns left (columns: " + String.join(", ", columns)
            + ")");
      }
      float[] values = new float[Math.max(16, names.size() * 64)];
      int n = 0;
      int rows = 0;
      List<String> labels = new ArrayList<>();
      for (DelimitedFile.Row row : table) {
        if (n + names.size() > values.length) {
          if (values.length > Integer.MAX_VALUE / 2 - 8) {
            throw BadInputException.inFile(file, row.line(), "table too large for one float array");
          }
          values = Arrays.copyOf(values, values.length * 2);
        }
        for (int c = 0; c < numeric.length; c++) {
          if (numeric[c]) {
            values[n++] = parse(file, row.line(), columns.get(c), row.get(c));
          }
        }
        if (label >= 0) {
          labels.add(row.get(label));
        }
        rows++;
      }
      return new NumericTable(names, rows, Arrays.copyOf(values, n), labels);
    }
  }

  private static float parse(Path file, long line, String column, String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      throw BadInputException.inFile(file, line, "column '" + column + "' is empty (a missing value); every cell of"
          + " a numeric column needs a number");
    }
    if (!NUMBER.matcher(t).matches()) {
      throw BadInputException.inFile(file, line, "column '" + column + "': '" + Printable.clip(t)
          + "' is not a number");
    }
    float v = Float.parseFloat(t);
    if (Float.isInfinite(v)) {
      throw BadInputException.inFile(file, line, "column '" + column + "': " + t + " is out of the float range");
    }
    return v;
  }
}
