package io.tessera.cli;

import io.tessera.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the {@code tessera} command line in-process with captured stdout and stderr. */
record Cli(int exit, String out, String err) {

  /** Runs {@code args} on a fresh command line built for them, as {@code tessera args...} would. */
  static Cli run(String... args) {
    return run(cl -> { }, args);
  }

  /** Runs {@code args} after {@code prepare} has seen the command line (e.g. to reach a subcommand's object). */
  static Cli run(Consumer<CommandLine> prepare, String... args) {
    CommandLine cl = TesseraCli.commandLineFor(args);
    prepare.accept(cl);
    return runOn(cl, args);
  }

  /** Runs {@code args} on {@code cl}, capturing what it prints. */
  static Cli runOn(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Cli(exit, out.toString(), err.toString());
  }

  /** @return stderr's lines */
  List<String> errLines() {
    return err.lines().toList();
  }

  /** @return stdout parsed as one JSON object */
  @SuppressWarnings("unchecked")
  Map<String, Object> json() {
    return (Map<String, Object>) Json.parse(out.strip());
  }

  /** Copies a test resource of this package into {@code dir} and returns its path. */
  static Path resource(String name, Path dir) {
    try (InputStream in = Cli.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      Path file = dir.resolve(name);
      Files.copy(in, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
