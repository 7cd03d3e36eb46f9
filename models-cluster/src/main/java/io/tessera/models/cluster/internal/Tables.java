package io.tessera.models.cluster.internal;

import io.tessera.api.BadInputException;
import io.tessera.io.NumericTable;

/** Checks on training tables shared by the family's algorithms. */
public final class Tables {

  private Tables() {
  }

  /**
   * @throws BadInputException naming the first row (1-based) and column holding a missing (NaN) or infinite
   *     value, or saying that the table is empty
   */
  public static void requireFiniteRows(NumericTable table) {
    if (table.cols() == 0) {
      throw BadInputException.of("the table has no numeric columns to cluster on");
    }
    if (table.rows() == 0) {
      throw BadInputException.of("the table has no rows");
    }
    float[] v = table.values();
    int d = table.cols();
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        throw BadInputException.of("row " + (i / d + 1) + ", column '" + table.columns().get(i % d) + "': "
            + (Float.isNaN(v[i]) ? "missing value" : "value " + v[i])
            + "; clustering needs a finite number in every cell (drop or impute such rows first)");
      }
    }
  }
}
