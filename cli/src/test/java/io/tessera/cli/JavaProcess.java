package io.tessera.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a separate JVM (the one running the tests) on this test run's jars, for checks that need a fresh
 * process: class-path launches, compiled snippets, signals.
 */
record JavaProcess(int exit, String out, String err) {

  /** @return the module path the tests run on: main classes and dependencies, plus the test classes */
  static List<String> testPath() {
    List<String> entries = new ArrayList<>();
    for (String key : List.of("jdk.module.path", "java.class.path")) {
      String v = System.getProperty(key, "");
      Arrays.stream(v.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).forEach(entries::add);
    }
    Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
    if (!entries.contains(testClasses.toString())) {
      entries.add(testClasses.toString());
    }
    return entries;
  }

  /** Runs {@code java args...} in {@code dir}, failing the test when it does not end within two minutes. */
  static JavaProcess run(Path dir, List<String> args) {
    return start(dir, args).finish();
  }

  /**
   * Starts {@code java args...} in {@code dir} with stdout and stderr going to files, for tests that act on a
   * running process (read its progress, signal it) before it ends.
   */
  static Running start(Path dir, List<String> args) {
    return start(List.of(), dir, args);
  }

  /** Like {@link #start(Path, List)}, with {@code java} started by {@code launcher} (e.g. {@code env ...}). */
  static Running start(List<String> launcher, Path dir, List<String> args) {
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> command = new ArrayList<>(launcher);
    command.add(java);
    command.addAll(args);
    try {
      Path out = Files.createTempFile(dir, "out", ".txt");
      Path err = Files.createTempFile(dir, "err", ".txt");
      Process p = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      return new Running(p, command, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A started JVM whose output is collected in files. */
  record Running(Process process, List<String> command, Path out, Path err) {
    /** @return what the process has written to stderr so far */
    String errSoFar() {
      try {
        return Files.readString(err, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Waits for the process to end (failing the test after two minutes) and returns its exit code and output. */
    JavaProcess finish() {
      try {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new AssertionError("timed out: " + command);
        }
        return new JavaProcess(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), errSoFar());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
