package io.tessera.cli;

/** The launcher's exit codes, shared by every command and by the scripts that call {@code tessera}. */
final class ExitCodes {
  /** Success. */
  static final int OK = 0;
  /** The command failed: bad data, a broken model file, an I/O problem, an unavailable engine. */
  static final int FAILURE = 1;
  /** The command line was wrong: unknown option, bad argument, unknown or out-of-range hyperparameter. */
  static final int USAGE = 2;
  /** Training was interrupted (Ctrl-C): 128 + SIGINT, as shells report it. */
  static final int INTERRUPTED = 130;

  private ExitCodes() {
  }
}
