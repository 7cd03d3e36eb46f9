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
 * process: class-path launches, compiled snippets.
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
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(args);
    try {
      Path out = Files.createTempFile(dir, "out", ".txt");
      Path err = Files.createTempFile(dir, "err", ".txt");
      Process p = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new JavaProcess(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
