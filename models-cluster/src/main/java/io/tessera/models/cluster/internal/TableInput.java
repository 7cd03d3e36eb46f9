package io.tessera.models.cluster.internal;

import io.tessera.api.BadInputException;
import io.tessera.io.NumericTable;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the family's training tables: CSV or TSV (a tab in the header line means TSV) with a header row,
 * unquoted fields. Numeric columns become features; an empty cell, {@code NA} or {@code NaN} is a missing
 * value. At most one column may hold text: it becomes the rows' reference labels (such as iris's
 * {@code species}). Two passes over the file: the first decides which columns are numeric, the second reads
 * the values, so memory holds only the resulting table.
 */
final class TableInput {

  /** What {@link #read(Path)} expects, for help texts. */
  static final String DESCRIPTION = "CSV or TSV with a header row: numeric columns are features; at most one "
      + "text column (e.g. species) is kept as reference labels";

  private TableInput() {
  }

  /** Opens the source afresh for each pass. */
  @FunctionalInterface
  private interface Source {
    BufferedReader open() throws IOException;
  }

  /**
   * @throws BadInputException naming the file and line of the first problem
   */
  static NumericTable read(Path file) {
    return read(() -> Files.newBufferedReader(file, StandardCharsets.UTF_8), file);
  }

  /** Reads a table from a stream that is read once into memory (for small bundled resources). */
  static NumericTable read(InputStream in, String name) throws IOException {
    byte[] bytes = in.readAllBytes();
    return read(() -> new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
        StandardCharsets.UTF_8)), Path.of(name));
  }

  private static final Pattern TAB = Pattern.compile("\t");
  private static final Pattern COMMA = Pattern.compile(",");

  private static NumericTable read(Source source, Path where) {
    try {
      Layout layout = scan(source, where);
      return values(source, where, layout);
    } catch (NoSuchFileException e) {
      throw BadInputException.inFile(where, 0, 0, "no such file", e);
    } catch (CharacterCodingException e) {
      throw BadInputException.inFile(where, 0, 0, "not UTF-8 text", e);
    } catch (IOException e) {
      throw BadInputException.inFile(where, 0, 0, "cannot read: " + e, e);
    }
  }

  /** The header, the text (label) column or -1, and the row count. */
  private record Layout(Pattern delimiter, List<String> header, int labelColumn, int rows) {
  }

  private static Layout scan(Source source, Path where) throws IOException {
    try (BufferedReader r = source.open()) {
      String headerLine = r.readLine();
      if (headerLine == null || headerLine.isBlank()) {
        throw BadInputException.inFile(where, 1, "empty file; expected a header row");
      }
      headerLine = headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine;
      Pattern delimiter = headerLine.indexOf('\t') >= 0 ? TAB : COMMA;
      List<String> header = new ArrayList<>();
      for (String h : delimiter.split(headerLine, -1)) {
        String name = h.trim();
        if (name.isEmpty() || header.contains(name)) {
          throw BadInputException.inFile(where, 1, (name.isEmpty() ? "empty" : "duplicate") + " column name"
              + (name.isEmpty() ? " at position " + (header.size() + 1) : " '" + name + "'"));
        }
        header.add(name);
      }
      int cols = header.size();
      boolean[] numeric = new boolean[cols];
      Arrays.fill(numeric, true);
      long[] firstTextLine = new long[cols];
      String[] firstText = new String[cols];
      long[] rowsSeen = {0};
      long lastLine = forEachRow(r, delimiter, cols, where, (line, fields) -> {
        rowsSeen[0]++;
        for (int c = 0; c < cols; c++) {
          if (numeric[c] && Double.isNaN(parse(fields[c])) && !isMissing(fields[c])) {
            numeric[c] = false;
            firstTextLine[c] = line;
            firstText[c] = fields[c].trim();
          }
        }
      });
      long rows = rowsSeen[0];
      if (rows == 0) {
        throw BadInputException.inFile(where, 2, "no data rows after the header");
      }
      int label = -1;
      for (int c = 0; c < cols; c++) {
        if (!numeric[c]) {
          if (label >= 0) {
            throw BadInputException.inFile(where, firstTextLine[c], "columns '" + header.get(label) + "' and '"
                + header.get(c) + "' both hold text ('" + firstText[c] + "' here); only one text column (the "
                + "labels) is allowed, the others must be numeric");
          }
          label = c;
        }
      }
      if (label >= 0 && cols == 1) {
        throw BadInputException.inFile(where, firstTextLine[label], "the only column '" + header.get(label)
            + "' holds text ('" + firstText[label] + "'); numeric feature columns are needed");
      }
      if (rows * Math.max(1, cols - (label >= 0 ? 1 : 0)) > Integer.MAX_VALUE - 8) {
        throw BadInputException.inFile(where, lastLine, rows + " rows x " + cols + " columns is too large for one table");
      }
      return new Layout(delimiter, header, label, (int) rows);
    }
  }

  private static NumericTable values(Source source, Path where, Layout layout) throws IOException {
    int cols = layout.header().size();
    int features = layout.labelColumn() >= 0 ? cols - 1 : cols;
    float[] values = new float[layout.rows() * features];
    List<String> labels = new ArrayList<>(layout.labelColumn() >= 0 ? layout.rows() : 0);
    int[] at = {0};
    try (BufferedReader r = source.open()) {
      r.readLine();
      forEachRow(r, layout.delimiter(), cols, where, (line, fields) -> {
        for (int c = 0; c < cols; c++) {
          if (c == layout.labelColumn()) {
            String label = fields[c].trim();
            if (label.isEmpty()) {
              throw BadInputException.inFile(where, line, "empty value in label column '"
                  + layout.header().get(c) + "'");
            }
            labels.add(label);
          } else {
            values[at[0]++] = (float) parse(fields[c]);
          }
        }
      });
    }
    List<String> names = new ArrayList<>(layout.header());
    if (layout.labelColumn() >= 0) {
      names.remove(layout.labelColumn());
    }
    return new NumericTable(names, layout.rows(), values, labels);
  }

  /** Receives one data row: its 1-based line number and its fields. */
  @FunctionalInterface
  private interface RowBody {
    void accept(long line, String[] fields);
  }

  /**
   * Hands every non-blank line after the header to {@code body}, split into exactly {@code cols} fields.
   *
   * @return the number of the last line read
   */
  private static long forEachRow(BufferedReader r, Pattern delimiter, int cols, Path where, RowBody body)
      throws IOException {
    long line = 1;
    for (String text = r.readLine(); text != null; text = r.readLine()) {
      line++;
      if (!text.isBlank()) {
        body.accept(line, split(delimiter, text, cols, where, line));
      }
    }
    return line;
  }

  private static String[] split(Pattern delimiter, String text, int cols, Path where, long line) {
    String[] fields = delimiter.split(text, -1);
    if (fields.length != cols) {
      throw BadInputException.inFile(where, line, "has " + fields.length + " fields but the header has " + cols
          + (text.indexOf('"') >= 0 ? " (quoted fields are not supported)" : ""));
    }
    return fields;
  }

  private static boolean isMissing(String field) {
    String t = field.trim();
    return t.isEmpty() || t.equals("NA") || t.equals("NaN");
  }

  /** @return the number in {@code field}, or NaN for a missing value or text */
  private static double parse(String field) {
    String t = field.trim();
    if (t.isEmpty() || !(Character.isDigit(t.charAt(t.length() - 1)) || t.endsWith("."))) {
      // Rejects Java's extras (trailing f/d, "Infinity") so only plain decimal numbers count as numeric.
      return Double.NaN;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
