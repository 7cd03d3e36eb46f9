package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a real {@code tessera train} process, as a shell delivers it (SIGINT to the JVM): training stops at
 * the next step boundary, one line says where, no model file is written or touched, and the exit code is 130.
 */
class InterruptTest {
  private static final Duration START_LIMIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  /**
   * Starts k-means on 1,000 real rows with enough runs (n_init) to train for minutes, and waits for the line of
   * its first finished run, so that Ctrl-C comes in the middle of real work.
   */
  private JavaProcess.Running startLongTraining(Path model) throws InterruptedException {
    Path data = Cli.resource("letters-1000.csv", dir);
    JavaProcess.Running run = JavaProcess.start(sigintIgnored() ? List.of("env", "--default-signal=INT") : List.of(),
        dir, List.of("--module-path", String.join(File.pathSeparator, JavaProcess.testPath()), "-m", "io.tessera.cli/io.tessera.cli.TesseraCli",
            "--threads", "1", "train", "kmeans", "--data", data.toString(), "k=26", "n_init=100000",
            "--out", model.toString()));
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (!run.errSoFar().contains("kmeans: epoch 1 done")) {
      if (!run.process().isAlive() || System.nanoTime() > deadline) {
        run.process().destroyForcibly();
        throw new AssertionError("training did not start: " + run.finish());
      }
      Thread.sleep(20);
    }
    return run;
  }

  private static void sigint(Process p) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -INT").isZero();
  }

  /**
   * A JVM does not handle SIGINT when it starts with SIGINT ignored, as programs started in the background by a
   * shell without job control do (some CI runners); the child is then started with the default action restored.
   */
  private static boolean sigintIgnored() {
    try (Stream<String> status = Files.lines(Path.of("/proc/self/status"))) {
      return status.filter(l -> l.startsWith("SigIgn:")).findFirst()
          .map(l -> (Long.parseUnsignedLong(l.substring(7).strip(), 16) & (1L << 1)) != 0).orElse(false);
    } catch (IOException e) {
      return false;
    }
  }

  private static void assertStoppedAtAStepBoundary(JavaProcess done) {
    assertThat(done.exit()).as(done.err()).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(done.err().lines().filter(l -> l.startsWith("tessera: "))).as(done.err()).singleElement().asString()
        .matches("tessera: interrupted; stopped at k-means(\\+\\+ seeding,| run \\d+,) .*; no model written.*");
    assertThat(done.err().lines().filter(l -> l.startsWith("kmeans: "))).as(done.err()).last().asString()
        .startsWith("kmeans: stopped after ");
    assertThat(done.out()).as("nothing on stdout: no summary of a model that was not finished").isEmpty();
  }

  @Test
  void sigintStopsTrainingWithExit130AndOneLineAndWritesNoModel() throws Exception {
    Path model = dir.resolve("letters.safetensors");
    JavaProcess.Running run = startLongTraining(model);

    sigint(run.process());
    JavaProcess done = run.finish();

    assertStoppedAtAStepBoundary(done);
    assertThat(model).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).as("no temporary model file is left")
          .noneMatch(name -> name.startsWith("letters.safetensors"));
    }
  }

  @Test
  void sigintLeavesAnEarlierModelAtTheOutputPathUnchanged() throws Exception {
    Path model = dir.resolve("letters.safetensors");
    byte[] earlier = "the model of an earlier run".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Files.write(model, earlier);
    JavaProcess.Running run = startLongTraining(model);

    sigint(run.process());
    JavaProcess done = run.finish();

    assertStoppedAtAStepBoundary(done);
    assertThat(done.err()).contains("no model written (" + model + " is unchanged)");
    assertThat(model).hasBinaryContent(earlier);
  }
}
