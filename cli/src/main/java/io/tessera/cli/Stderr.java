package io.tessera.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the process's standard error is connected to, which decides between progress bars and plain lines.
 *
 * @param terminal whether stderr is a terminal that understands a carriage return (not a pipe, file or dumb terminal)
 * @param columns  the terminal's width in characters (80 when unknown)
 * @param unicode  whether the terminal's locale is UTF-8, so block characters display
 */
record Stderr(boolean terminal, int columns, boolean unicode) {
  /** Set by the launcher to {@code true} or {@code false}: it sees stderr, which it hands to the JVM through a pipe. */
  static final String TTY_PROPERTY = "tessera.stderr.tty";
  /** Set by the launcher to the terminal's width, when stderr is a terminal. */
  static final String COLUMNS_PROPERTY = "tessera.stderr.columns";
  static final int DEFAULT_COLUMNS = 80;

  /** @return stderr as the launcher described it, else as this process sees it */
  static Stderr detect() {
    String tty = System.getProperty(TTY_PROPERTY);
    boolean terminal = tty != null ? Boolean.parseBoolean(tty) : linkedToTerminal();
    terminal &= !"dumb".equals(System.getenv("TERM"));
    return new Stderr(terminal, columns(System.getProperty(COLUMNS_PROPERTY, System.getenv("COLUMNS"))),
        utf8(System.getProperty("stderr.encoding", System.getProperty("native.encoding", ""))));
  }

  /** @return the width given, or {@link #DEFAULT_COLUMNS} when it is missing or not a sensible width */
  static int columns(String value) {
    try {
      int c = value == null ? 0 : Integer.parseInt(value.strip());
      return c >= 20 ? c : DEFAULT_COLUMNS;
    } catch (NumberFormatException e) {
      return DEFAULT_COLUMNS;
    }
  }

  private static boolean utf8(String charset) {
    try {
      return !charset.isEmpty() && Charset.forName(charset).equals(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }

  /**
   * Without the launcher's word (a plain {@code java -m} start), asks Linux where file descriptor 2 leads; other
   * systems get plain lines, which are always safe.
   */
  private static boolean linkedToTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
