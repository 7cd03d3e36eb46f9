package io.tessera.charts;

import io.tessera.api.BadInputException;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A heatmap of a matrix with labelled rows and columns, such as a confusion matrix (rows: the true classes,
 * columns: the predicted ones). Row 0 is drawn at the top. Cells are coloured on the sequential {@link Palette}
 * scale from the smallest to the largest value, a colour-scale legend is drawn at the right, and each cell shows
 * its value when it fits (in dark or light text, whichever contrasts with the cell). NaN cells are left grey.
 *
 * @param title        the title (may be empty)
 * @param xLabel       the label under the columns (for a confusion matrix: {@code predicted})
 * @param yLabel       the label beside the rows (for a confusion matrix: {@code actual})
 * @param rowLabels    one label per row
 * @param columnLabels one label per column
 * @param values       the values, row-major, {@code rows x columns} of them (copied)
 * @param scaleLabel   the label of the colour scale
 * @param valueFormat  a {@link String#format} pattern (applied in {@link Locale#ROOT}) for the cell values, such
 *                     as {@code %.0f}; empty hides them
 */
public record Heatmap(String title, String xLabel, String yLabel, List<String> rowLabels, List<String> columnLabels,
                      double[] values, String scaleLabel, String valueFormat) implements Chart {

  /**
   * Validates and copies.
   *
   * @throws BadInputException when the sizes disagree, a value is infinite, or every value is NaN
   */
  public Heatmap {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    Objects.requireNonNull(yLabel, "yLabel");
    Objects.requireNonNull(scaleLabel, "scaleLabel");
    Objects.requireNonNull(valueFormat, "valueFormat");
    rowLabels = List.copyOf(rowLabels);
    columnLabels = List.copyOf(columnLabels);
    if (rowLabels.isEmpty() || columnLabels.isEmpty()) {
      throw BadInputException.parameter("values", "a heatmap needs at least one row and one column");
    }
    if (values.length != (long) rowLabels.size() * columnLabels.size()) {
      throw BadInputException.parameter("values", rowLabels.size() + " rows x " + columnLabels.size()
          + " columns need " + (long) rowLabels.size() * columnLabels.size() + " values, got " + values.length);
    }
    boolean any = false;
    for (int i = 0; i < values.length; i++) {
      if (Double.isInfinite(values[i])) {
        throw BadInputException.parameter("values", "row " + i / columnLabels.size() + ", column "
            + i % columnLabels.size() + " is " + values[i]);
      }
      any |= !Double.isNaN(values[i]);
    }
    if (!any) {
      throw BadInputException.parameter("values", "every value is NaN");
    }
    if (!valueFormat.isEmpty()) {
      try {
        String.format(Locale.ROOT, valueFormat, 0.0);
      } catch (IllegalFormatException e) {
        throw BadInputException.parameter("valueFormat", "'" + valueFormat + "' cannot format a number: "
            + e.getMessage());
      }
    }
    values = values.clone();
  }

  /** @return the values, row-major (a copy) */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** @return the number of rows */
  public int rows() {
    return rowLabels.size();
  }

  /** @return the number of columns */
  public int columns() {
    return columnLabels.size();
  }

  /** @return the value at {@code row}, {@code column} */
  public double value(int row, int column) {
    Objects.checkIndex(row, rows());
    Objects.checkIndex(column, columns());
    return values[row * columns() + column];
  }

  /**
   * @param title  the title (may be empty)
   * @param xLabel the label under the columns
   * @param yLabel the label beside the rows
   * @return a builder of a heatmap with these labels, showing cell values with {@code %.3g}
   */
  public static Builder builder(String title, String xLabel, String yLabel) {
    return new Builder(title, xLabel, yLabel);
  }

  /**
   * A confusion matrix: rows are the true classes, columns the predicted ones, cells the counts.
   *
   * @param title   the title
   * @param classes the class labels, in row and column order
   * @param counts  {@code counts[actual][predicted]}
   * @return the heatmap, with axes labelled {@code actual} and {@code predicted}
   */
  public static Heatmap confusionMatrix(String title, List<String> classes, long[][] counts) {
    Builder b = builder(title, "predicted", "actual").scaleLabel("count").valueFormat("%.0f")
        .rowLabels(classes).columnLabels(classes);
    double[][] v = new double[counts.length][];
    for (int i = 0; i < v.length; i++) {
      v[i] = new double[counts[i].length];
      for (int j = 0; j < v[i].length; j++) {
        v[i][j] = counts[i][j];
      }
    }
    return b.values(v).build();
  }

  /** Builds a {@link Heatmap}. */
  public static final class Builder {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private List<String> rowLabels = List.of();
    private List<String> columnLabels = List.of();
    private double[] values = new double[0];
    private String scaleLabel = "";
    private String valueFormat = "%.3g";

    private Builder(String title, String xLabel, String yLabel) {
      this.title = title;
      this.xLabel = xLabel;
      this.yLabel = yLabel;
    }

    /** @return this builder, with the row labels set */
    public Builder rowLabels(List<String> labels) {
      this.rowLabels = List.copyOf(labels);
      return this;
    }

    /** @return this builder, with the column labels set */
    public Builder columnLabels(List<String> labels) {
      this.columnLabels = List.copyOf(labels);
      return this;
    }

    /**
     * @return this builder, with the values set from rows of equal length
     * @throws BadInputException when the rows differ in length
     */
    public Builder values(double[][] rows) {
      int cols = rows.length == 0 ? 0 : rows[0].length;
      double[] flat = new double[rows.length * cols];
      for (int i = 0; i < rows.length; i++) {
        if (rows[i].length != cols) {
          throw BadInputException.parameter("values", "row " + i + " has " + rows[i].length + " values, row 0 has "
              + cols);
        }
        System.arraycopy(rows[i], 0, flat, i * cols, cols);
      }
      this.values = flat;
      return this;
    }

    /** @return this builder, with the colour scale's label set */
    public Builder scaleLabel(String text) {
      this.scaleLabel = Objects.requireNonNull(text, "scaleLabel");
      return this;
    }

    /** @return this builder, with the cell value format set ({@link String#format}; empty hides the values) */
    public Builder valueFormat(String format) {
      this.valueFormat = Objects.requireNonNull(format, "valueFormat");
      return this;
    }

    /** @return the chart */
    public Heatmap build() {
      return new Heatmap(title, xLabel, yLabel, rowLabels, columnLabels, values, scaleLabel, valueFormat);
    }
  }
}
