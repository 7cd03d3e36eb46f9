package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding snippet compiles against the published modules and runs as written. */
class ReadmeSnippetTest {
  private static final Path README = Path.of("..", "README.md");
  private static final String MARKER = "<!-- snippet:embedding";

  /** @return the Java code block that follows the marker */
  static List<String> snippet() throws IOException {
    List<String> lines = Files.readAllLines(README);
    int at = 0;
    while (!lines.get(at).startsWith(MARKER)) {
      at++;
    }
    int start = at + 2;
    int end = start;
    while (!lines.get(end).startsWith("```")) {
      end++;
    }
    return lines.subList(start, end);
  }

  private static int waitFor(Process p) {
    try {
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("javac timed out");
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Test
  void theEmbeddingSnippetCompilesAndRuns(@TempDir Path dir) throws IOException {
    List<String> code = snippet();
    List<String> imports = code.stream().filter(l -> l.startsWith("import ")).toList();
    List<String> body = code.stream().filter(l -> !l.startsWith("import ")).toList();
    assertThat(body.stream().filter(l -> !l.isBlank())).as("the README promises ten lines").hasSizeLessThanOrEqualTo(10);
    List<String> source = new ArrayList<>(imports);
    source.add("public class Snippet { public static void main(String[] args) throws Exception {");
    source.addAll(body);
    source.add("} }");
    Path java = dir.resolve("Snippet.java");
    Files.write(java, source);
    Cli.resource("iris.csv", dir);
    String modulePath = String.join(File.pathSeparator, JavaProcess.testPath());

    String javac = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("javac").toString();
    Process compiler = new ProcessBuilder(javac, "--module-path", modulePath, "--add-modules",
        "io.tessera.models.cluster", "-d", dir.toString(), java.toString()).inheritIO().start();
    int compiled = waitFor(compiler);
    JavaProcess run = JavaProcess.run(dir, List.of("--module-path", modulePath, "--add-modules", "ALL-MODULE-PATH",
        "-cp", dir.toString(), "Snippet"));

    assertThat(compiled).isZero();
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("first flower -> cluster ");
    assertThat(dir.resolve("iris-kmeans.safetensors")).isRegularFile();
  }
}
