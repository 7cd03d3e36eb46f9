package io.tessera.cli;

import io.tessera.api.BadInputException;
import io.tessera.api.CancelledException;
import io.tessera.api.TesseraException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr ({@code tessera: message}) and an exit code; the stack trace follows
 * only with {@code --debug}. Usage errors (picocli's parameter errors and bad hyperparameters) exit with 2, an
 * interrupted run with 130, everything else with 1.
 */
final class Failures implements IParameterExceptionHandler, IExecutionExceptionHandler {
  private final TesseraCli app;

  Failures(TesseraCli app) {
    this.app = app;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    StringBuilder line = new StringBuilder(oneLine(ex.getMessage()));
    if (ex instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append("; did you mean ").append(String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))))
            .append('?');
      }
    }
    line.append(" (see '").append(cl.getCommandSpec().qualifiedName()).append(" --help')");
    report(cl.getErr(), line.toString(), ex);
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    report(cl.getErr(), describe(ex), ex);
    return exitCode(ex);
  }

  /** Reports an {@link Error} the JVM raised while a command ran: out of memory, a broken installation. */
  int handleError(Error e, PrintWriter err) {
    String line = e instanceof OutOfMemoryError
        ? "out of memory (" + e.getMessage() + "); give Java more heap, e.g. TESSERA_OPTS=-Xmx8g ./tessera ..."
        : "broken installation: " + e + " (run with --debug for the stack trace)";
    report(err, oneLine(line), e);
    return ExitCodes.FAILURE;
  }

  /** @return the exit code for a failure of a command's work */
  static int exitCode(Throwable ex) {
    if (ex instanceof CancelledException) {
      return ExitCodes.INTERRUPTED;
    }
    if (ex instanceof BadInputException bad && bad.parameter().isPresent()) {
      return ExitCodes.USAGE;
    }
    return ExitCodes.FAILURE;
  }

  /** @return a one-line description of a failure, without the exception's class name for expected failures */
  static String describe(Throwable ex) {
    if (ex instanceof TesseraException) {
      return oneLine(ex.getMessage());
    }
    if (ex instanceof UncheckedIOException u) {
      return describe(u.getCause());
    }
    if (ex instanceof IOException io) {
      return oneLine(io(io));
    }
    return oneLine("internal error: " + ex + " (run with --debug for the stack trace)");
  }

  private static String io(IOException e) {
    if (e instanceof NoSuchFileException f) {
      return "no such file: " + f.getFile();
    }
    if (e instanceof AccessDeniedException f) {
      return "permission denied: " + f.getFile();
    }
    if (e instanceof FileAlreadyExistsException f) {
      return "file already exists: " + f.getFile();
    }
    if (e instanceof NotDirectoryException f) {
      return "not a folder: " + f.getFile();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private void report(PrintWriter err, String line, Throwable ex) {
    TesseraCli.error(err, line);
    if (app.debug()) {
      ex.printStackTrace(err);
      err.flush();
    }
  }

  /** Folds a message onto one line, so multi-line library messages keep the one-line promise. */
  static String oneLine(String message) {
    return message == null ? "failed" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
