package io.tessera.api;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Input the user gave is wrong: a data file line, a hyperparameter, a word not in a vocabulary. The message
 * names the place ({@code file:line:column}, {@code parameter 'k'}, {@code word 'foo'}) so it can be fixed
 * without a stack trace; the parts are also available individually.
 */
public final class BadInputException extends TesseraException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;
  private final long column;
  private final String parameter;
  private final String word;

  private BadInputException(String message, Path file, long line, long column, String parameter, String word,
                            Throwable cause) {
    super(message, cause);
    this.file = file;
    this.line = line;
    this.column = column;
    this.parameter = parameter;
    this.word = word;
  }

  /** An error in {@code file} at 1-based {@code line} (0 when unknown). */
  public static BadInputException inFile(Path file, long line, String problem) {
    return inFile(file, line, 0, problem, null);
  }

  /** An error in {@code file} at 1-based {@code line} and {@code column} (0 when unknown). */
  public static BadInputException inFile(Path file, long line, long column, String problem, Throwable cause) {
    StringBuilder where = new StringBuilder(String.valueOf(file));
    if (line > 0) {
      where.append(':').append(line);
      if (column > 0) {
        where.append(':').append(column);
      }
    }
    return new BadInputException(where + ": " + problem, file, line, column, null, null, cause);
  }

  /** A bad value for the named parameter (hyperparameter, option, argument). */
  public static BadInputException parameter(String name, String problem) {
    return new BadInputException("parameter '" + name + "': " + problem, null, 0, 0, name, null, null);
  }

  /** A word (or token) the operation cannot use, such as one missing from a vocabulary. */
  public static BadInputException word(String word, String problem) {
    return new BadInputException("word '" + word + "': " + problem, null, 0, 0, null, word, null);
  }

  /** A problem that has no finer location than the message itself. */
  public static BadInputException of(String problem) {
    return new BadInputException(problem, null, 0, 0, null, null, null);
  }

  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }

  public OptionalLong column() {
    return column > 0 ? OptionalLong.of(column) : OptionalLong.empty();
  }

  public Optional<String> parameter() {
    return Optional.ofNullable(parameter);
  }

  public Optional<String> word() {
    return Optional.ofNullable(word);
  }
}
