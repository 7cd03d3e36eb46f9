package io.tessera.io;

import java.nio.file.Path;

/** PENDING (helper B): reads numeric tables from CSV/TSV files. */
public final class NumericTables {
  private NumericTables() { }
  public static NumericTable readCsv(Path file, String labelColumn) { throw new UnsupportedOperationException("pending"); }
}
