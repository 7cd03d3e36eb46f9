package io.tessera.models.cluster.internal;

import io.tessera.api.BadInputException;
import io.tessera.io.DelimitedFile;
import io.tessera.io.NumericTable;
import io.tessera.io.NumericTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the family's training tables with the platform's strict readers: CSV or TSV (by file name) with a
 * header row. The first data row decides which column, if any, holds text: that one becomes the rows'
 * reference labels (such as iris's {@code species}); every other column must be numeric in every row, and
 * the platform's reader names the file, line and column of any cell that is not.
 */
final class TableInput {

  /** What {@link #read(Path)} expects, for help texts. */
  static final String DESCRIPTION = "CSV or TSV with a header row: numeric columns are features; at most one "
      + "text column (e.g. species) is kept as reference labels";

  /** A plain decimal number, as the platform's table reader accepts it. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private TableInput() {
  }

  /**
   * @throws BadInputException naming the file, line and column of the first problem
   */
  static NumericTable read(Path file) {
    return NumericTables.readCsv(file, labelColumn(file));
  }

  /** @return the one column whose first value is text, or {@code null} when every column is numeric */
  private static String labelColumn(Path file) {
    try (DelimitedFile table = DelimitedFile.open(file)) {
      Iterator<DelimitedFile.Row> rows = table.iterator();
      if (!rows.hasNext()) {
        return null;
      }
      DelimitedFile.Row first = rows.next();
      List<String> text = new ArrayList<>();
      for (int c = 0; c < first.size(); c++) {
        String value = first.get(c).strip();
        if (!value.isEmpty() && !NUMBER.matcher(value).matches()) {
          text.add(table.columns().get(c));
        }
      }
      if (text.size() > 1) {
        throw BadInputException.inFile(file, first.line(), "columns " + String.join(", ", text) + " hold text; "
            + "one text column (the labels) is allowed, the others must be numeric");
      }
      return text.isEmpty() ? null : text.getFirst();
    }
  }
}
