package io.tessera.io;

import io.tessera.api.BadInputException;
import io.tessera.spi.ParamValues;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A TSV or CSV file with a header row, read lazily row by row.
 *
 * <p>UTF-8, optionally gzipped (see {@link TextCorpus}). Every row must have as many fields as the header; a row
 * that does not is a {@link BadInputException} naming the file, the line and both counts (empty lines are skipped
 * in files of two or more columns, where they cannot be rows). With quoting on (the
 * default for CSV), fields follow RFC 4180: a field that starts with {@code "} runs to the matching {@code "},
 * may contain the delimiter and line breaks, and writes a quote as {@code ""}. With quoting off (the default for
 * TSV, whose fields never contain a TAB or line break) a {@code "} is an ordinary character, so text such as
 * {@code "Great" film} is read as it is.
 *
 * <p>A {@code DelimitedFile} holds an open file: close it (try-with-resources), or close the stream from
 * {@link #rows()}. Rows can be iterated once.
 */
public final class DelimitedFile implements AutoCloseable, Iterable<DelimitedFile.Row> {
  private final LineReader reader;
  private final char delimiter;
  private final boolean quoting;
  private final List<String> columns;
  private final Map<String, Integer> index;
  private boolean iterated;

  private DelimitedFile(LineReader reader, char delimiter, boolean quoting) {
    this.reader = reader;
    this.delimiter = delimiter;
    this.quoting = quoting;
    String header = reader.next();
    if (header == null) {
      throw BadInputException.inFile(reader.file(), 0, "empty file; expected a header row naming the columns");
    }
    List<String> names = split(header, 1);
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      Integer previous = byName.putIfAbsent(names.get(i), i);
      if (previous != null) {
        throw BadInputException.inFile(reader.file(), 1, "column '" + names.get(i) + "' appears twice in the header"
            + " (columns " + (previous + 1) + " and " + (i + 1) + ")");
      }
    }
    this.columns = List.copyOf(names);
    this.index = Map.copyOf(byName);
  }

  /**
   * Opens a file whose delimiter follows from its name: {@code .tsv} or {@code .tab} means TAB (no quoting),
   * {@code .csv} means comma (RFC 4180 quoting); a trailing {@code .gz} is ignored.
   *
   * @throws BadInputException if the name has neither extension, the file does not exist, or has no header
   */
  public static DelimitedFile open(Path file) {
    return open(file, delimiterFor(file));
  }

  /**
   * Opens a file with the given delimiter; quoting is on unless the delimiter is TAB.
   *
   * @throws BadInputException if the file does not exist or has no header
   */
  public static DelimitedFile open(Path file, char delimiter) {
    return open(file, delimiter, delimiter != '\t');
  }

  /**
   * Opens a file with the given delimiter and quoting rule.
   *
   * @param quoting whether fields may be quoted as in RFC 4180
   * @throws BadInputException if the file does not exist or has no header
   */
  public static DelimitedFile open(Path file, char delimiter, boolean quoting) {
    if (delimiter == '\n' || delimiter == '\r' || (quoting && delimiter == '"')) {
      throw new IllegalArgumentException("delimiter " + (int) delimiter + " cannot separate fields");
    }
    LineReader reader = LineReader.open(file);
    try {
      return new DelimitedFile(reader, delimiter, quoting);
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /**
   * @return TAB for {@code *.tsv}, {@code *.tab}; comma for {@code *.csv} (each optionally followed by {@code .gz})
   * @throws BadInputException for any other name
   */
  public static char delimiterFor(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".tsv") || name.endsWith(".tab")) {
      return '\t';
    }
    if (name.endsWith(".csv")) {
      return ',';
    }
    throw BadInputException.inFile(file, 0, "cannot tell the delimiter from the file name; name it *.tsv or *.csv"
        + " (optionally .gz) or give the delimiter");
  }

  /** @return the file being read */
  public Path path() {
    return reader.file();
  }

  /** @return the field delimiter */
  public char delimiter() {
    return delimiter;
  }

  /** @return the column names from the header row, in file order */
  public List<String> columns() {
    return columns;
  }

  /**
   * @return the 0-based position of column {@code name}
   * @throws BadInputException naming the file, the columns and the closest name if there is no such column
   */
  public int columnIndex(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw BadInputException.inFile(path(), 0, "no column '" + name + "'" + ParamValues.suggestion(name, columns)
          + "; columns: " + String.join(", ", columns));
    }
    return i;
  }

  /**
   * @return the data rows (after the header) as a lazy stream; closing it closes the file
   * @throws IllegalStateException if the rows were already iterated
   */
  public Stream<Row> rows() {
    return Lazy.stream(iterator(), this::close);
  }

  /**
   * @return an iterator over the data rows; its {@code next()} throws {@link BadInputException} for a malformed row
   * @throws IllegalStateException if the rows were already iterated
   */
  @Override
  public Iterator<Row> iterator() {
    if (iterated) {
      throw new IllegalStateException("the rows of " + path() + " can be iterated only once");
    }
    iterated = true;
    return Lazy.iterator(this::readRow);
  }

  /**
   * Closes the file.
   *
   * @throws UncheckedIOException if closing fails
   */
  @Override
  public void close() {
    reader.close();
  }

  private Row readRow() {
    String text = reader.next();
    // An empty line cannot be a row of a multi-column file; skipping it forgives stray blank lines at the end.
    while (text != null && text.isEmpty() && columns.size() > 1) {
      text = reader.next();
    }
    if (text == null) {
      return null;
    }
    long line = reader.lineNumber();
    List<String> fields = split(text, line);
    if (fields.size() != columns.size()) {
      throw BadInputException.inFile(path(), line, "expected " + columns.size() + " fields (" + describeColumns()
          + ") but found " + fields.size());
    }
    return new Row(this, line, fields);
  }

  private String describeColumns() {
    return columns.size() <= 8 ? String.join(", ", columns)
        : String.join(", ", columns.subList(0, 8)) + ", ...";
  }

  /** Splits one record; a quoted field may continue on the following lines. */
  private List<String> split(String text, long line) {
    List<String> fields = new ArrayList<>();
    if (!quoting) {
      int start = 0;
      for (int i = text.indexOf(delimiter); i >= 0; i = text.indexOf(delimiter, start)) {
        fields.add(text.substring(start, i));
        start = i + 1;
      }
      fields.add(text.substring(start));
      return fields;
    }
    String s = text;
    int i = 0;
    while (true) {
      if (i < s.length() && s.charAt(i) == '"') {
        StringBuilder field = new StringBuilder();
        i++;
        while (true) {
          if (i >= s.length()) {
            String more = reader.next();
            if (more == null) {
              throw BadInputException.inFile(path(), line, "quoted field is not closed before the end of the file");
            }
            field.append('\n');
            s = more;
            i = 0;
            continue;
          }
          char c = s.charAt(i++);
          if (c != '"') {
            field.append(c);
          } else if (i < s.length() && s.charAt(i) == '"') {
            field.append('"');
            i++;
          } else {
            break;
          }
        }
        fields.add(field.toString());
        if (i == s.length()) {
          return fields;
        }
        if (s.charAt(i) != delimiter) {
          throw BadInputException.inFile(path(), reader.lineNumber(), i + 1L,
              "unexpected character after a closing quote (write a quote inside a quoted field as \"\")", null);
        }
        i++;
      } else {
        int end = s.indexOf(delimiter, i);
        if (end < 0) {
          fields.add(s.substring(i));
          return fields;
        }
        fields.add(s.substring(i, end));
        i = end + 1;
      }
    }
  }

  /** One data row: its fields by position or column name, and the line it starts on. */
  public static final class Row {
    private final DelimitedFile file;
    private final long line;
    private final List<String> values;

    private Row(DelimitedFile file, long line, List<String> values) {
      this.file = file;
      this.line = line;
      this.values = Collections.unmodifiableList(values);
    }

    /** @return the 1-based line number where the row starts */
    public long line() {
      return line;
    }

    /** @return the number of fields (always the number of columns) */
    public int size() {
      return values.size();
    }

    /** @return the field at 0-based position {@code index} */
    public String get(int index) {
      return values.get(index);
    }

    /**
     * @return the field in column {@code column}
     * @throws BadInputException listing the columns if there is no such column
     */
    public String get(String column) {
      return values.get(file.columnIndex(column));
    }

    /** @return all fields, in column order */
    public List<String> values() {
      return values;
    }

    @Override
    public String toString() {
      return file.path() + ":" + line + " " + values;
    }
  }
}
