package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code train} and {@code demo} show on stderr while training: bars, plain lines or nothing. */
class ProgressOutputTest {
  @TempDir
  Path dir;

  @AfterEach
  void forgetTheLaunchersWord() {
    System.clearProperty(Stderr.TTY_PROPERTY);
    System.clearProperty(Stderr.COLUMNS_PROPERTY);
  }

  private static void launcherSaysStderrIsATerminal(int columns) {
    System.setProperty(Stderr.TTY_PROPERTY, "true");
    System.setProperty(Stderr.COLUMNS_PROPERTY, Integer.toString(columns));
  }

  private Cli train(String... options) {
    Path data = Cli.resource("iris.csv", dir);
    String[] args = {"--threads", "1", "train", "kmeans", "--data", data.toString(), "k=3", "n_init=5"};
    String[] all = Arrays.copyOf(args, args.length + options.length);
    System.arraycopy(options, 0, all, args.length, options.length);
    return Cli.run(all);
  }

  @Test
  void withoutATerminalEachPhaseAndEpochGetsAPlainLine() {
    System.setProperty(Stderr.TTY_PROPERTY, "false");

    Cli r = train();

    assertThat(r.exit()).isZero();
    assertThat(r.err()).doesNotContain("\r");
    assertThat(r.errLines()).contains("kmeans: started (5 runs)")
        .anySatisfy(l -> assertThat(l).startsWith("kmeans: epoch 1 done at ").contains("inertia="))
        .anySatisfy(l -> assertThat(l).startsWith("kmeans: done in ").contains(" runs, ", " runs/s)"));
  }

  @Test
  void onATerminalEachPhaseIsABarRedrawnInPlaceWithinTheWidth() {
    launcherSaysStderrIsATerminal(72);

    Cli r = train();

    assertThat(r.exit()).isZero();
    // String.lines() would split at carriage returns too: a terminal line ends with a line break only.
    String kmeans = Arrays.stream(r.err().split("\n")).filter(l -> l.contains("\rkmeans  ")).findFirst()
        .orElseThrow(() -> new AssertionError("no bar in: " + r.err()));
    List<String> frames = List.of(kmeans.split("\r"));
    assertThat(frames).last().asString().contains("100%", "done in ");
    assertThat(frames).allSatisfy(f -> assertThat(f).hasSizeLessThanOrEqualTo(71));
    assertThat(r.out()).contains("cluster/kmeans trained in ");
  }

  @Test
  void jsonRunsGetPlainLinesEvenOnATerminal() {
    launcherSaysStderrIsATerminal(100);

    Cli r = train("--json");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).doesNotContain("\r").contains("kmeans: done in ");
    assertThat(r.json()).containsEntry("algorithm", "cluster/kmeans");
  }

  @Test
  void quietSilencesProgressButNotTheResult() {
    launcherSaysStderrIsATerminal(100);

    Cli r = train("--quiet");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).doesNotContain("kmeans", "read ", "\r");
    assertThat(r.out()).contains("cluster/kmeans trained in ");
  }

  @Test
  void theDemoShowsProgressToo() {
    System.setProperty(Stderr.TTY_PROPERTY, "false");

    Cli shown = Cli.run("--threads", "1", "demo", "cluster", "--out", dir.toString());
    Cli quiet = Cli.run("--threads", "1", "-q", "demo", "cluster", "--out", dir.toString());

    assertThat(shown.err()).contains("kmeans: done in ");
    assertThat(quiet.err()).doesNotContain("kmeans");
    assertThat(quiet.out()).contains("-- cluster/kmeans");
  }
}
