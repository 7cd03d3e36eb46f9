package io.tessera.io;

import java.io.OutputStream;
import java.nio.file.Path;

/** PENDING (helper B): write-to-temp-then-rename file writes. */
public final class AtomicFiles {
  private AtomicFiles() { }
  /** Body of an atomic write. */
  @FunctionalInterface
  public interface Body { void writeTo(OutputStream out) throws java.io.IOException; }
  public static void write(Path target, Body body) { throw new UnsupportedOperationException("pending"); }
}
