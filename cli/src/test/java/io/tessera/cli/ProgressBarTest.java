package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.api.CancellationToken;
import io.tessera.api.TrainingEvent;
import io.tessera.api.TrainingEvent.Kind;
import io.tessera.cli.ProgressBar.State;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private static final Map<String, Double> METRICS = Map.of("loss", 0.43124, "lr", 0.001);
  private final StringWriter text = new StringWriter();
  private final CancellationToken run = new CancellationToken();
  private final ProgressBar bar = new ProgressBar(new PrintWriter(text), 121, false, run);

  private static TrainingEvent event(Kind kind, long millis, int epoch, long step, long total,
                                     Map<String, Double> metrics) {
    return new TrainingEvent(kind, "train", epoch, step, total, "samples", step * 1000.0 / Math.max(1, millis),
        Duration.ofMillis(millis), metrics);
  }

  private static TrainingEvent running(long step) {
    return event(Kind.PROGRESS, 5_000, 2, step, 50_000, METRICS);
  }

  /** @return what a terminal shows after each redraw: the text between carriage returns and line breaks */
  private List<String> frames() {
    return Arrays.stream(text.toString().split("[\r\n]")).filter(s -> !s.isEmpty()).toList();
  }

  @Test
  void aRunningBarShowsPercentCountsRateEtaEpochAndMetrics() {
    assertThat(ProgressBar.render(running(12_500), State.RUNNING, 130, false)).isEqualTo(
        "train  [#######---------------------]   25%  12.5k/50.0k samples  2500 samples/s  ETA 0:15  epoch 2"
            + "  loss=0.4312  lr=0.001");
  }

  @Test
  void blockCharactersFillTheBarInEighths() {
    assertThat(ProgressBar.bar(0.5, 12, true)).isEqualTo("│█████     │");
    assertThat(ProgressBar.bar(0.55, 12, true)).isEqualTo("│█████▌    │");
    assertThat(ProgressBar.bar(1.0, 12, true)).isEqualTo("│██████████│");
    assertThat(ProgressBar.bar(0.0, 12, false)).isEqualTo("[----------]");
  }

  @Test
  void aNarrowTerminalDropsTheLeastImportantPiecesFirstAndNeverWraps() {
    TrainingEvent e = running(12_500);

    String at80 = ProgressBar.render(e, State.RUNNING, 79, false);
    String at60 = ProgressBar.render(e, State.RUNNING, 59, false);
    String at40 = ProgressBar.render(e, State.RUNNING, 39, false);

    assertThat(at80).hasSizeLessThanOrEqualTo(79)
        .contains("25%", "12.5k/50.0k samples", "ETA 0:15", "epoch 2", "loss=0.4312")
        .doesNotContain("lr=", "samples/s");
    assertThat(at60).hasSizeLessThanOrEqualTo(59).contains("25%", "12.5k/50.0k samples", "ETA 0:15")
        .doesNotContain("epoch", "loss");
    assertThat(at40).hasSize(39).startsWith("train  [##------]   25%  12.5k/50.0k");
  }

  @Test
  void aFinishedPhaseShowsAFullBarAndHowLongItTook() {
    TrainingEvent end = event(Kind.PHASE_FINISHED, 1_500, 3, 690, 15_000, Map.of("inertia", 143_210.5));

    assertThat(ProgressBar.render(end, State.DONE, 130, false)).isEqualTo(
        "train  [############################]  100%  690 samples  460 samples/s  done in 1.5 s  epoch 3"
            + "  inertia=1.432e+05");
    assertThat(ProgressBar.render(end, State.STOPPED, 130, false))
        .startsWith("train  [#---------------------------]    4%  690/15.0k samples")
        .contains("stopped after 1.5 s");
  }

  @Test
  void withoutATotalThereIsNoBarButTheElapsedTime() {
    TrainingEvent e = new TrainingEvent(Kind.PROGRESS, "build vocabulary", 0, 123_456, 0, "words", 61_728,
        Duration.ofSeconds(2), Map.of());

    assertThat(ProgressBar.render(e, State.RUNNING, 120, true))
        .isEqualTo("build vocabulary  123.5k words  61.7k words/s  elapsed 0:02");
  }

  @Test
  void redrawsAtMostTenTimesASecondAndEndsThePhaseWithALineBreak() {
    bar.onEvent(event(Kind.PHASE_STARTED, 0, 0, 0, 400, Map.of()));
    bar.onEvent(event(Kind.PROGRESS, 30, 0, 10, 400, Map.of()));
    bar.onEvent(event(Kind.PROGRESS, 60, 0, 20, 400, Map.of()));
    bar.onEvent(event(Kind.PROGRESS, 120, 0, 40, 400, Map.of("loss", 2.0)));
    bar.onEvent(event(Kind.EPOCH_FINISHED, 150, 1, 50, 400, Map.of("loss", 1.5)));
    bar.onEvent(event(Kind.PHASE_FINISHED, 4_000, 1, 400, 400, Map.of("loss", 0.5)));

    assertThat(text.toString()).doesNotContain("\u001b").endsWith("\n").containsOnlyOnce("\n");
    assertThat(frames()).hasSize(3);
    assertThat(frames().get(1)).contains(" 10%", "40/400 samples", "loss=2");
    assertThat(frames().get(2)).contains("100%", "done in 4.0 s", "loss=0.5");
  }

  @Test
  void aShorterFrameOverwritesTheLongerOneBeforeIt() {
    bar.onEvent(event(Kind.PROGRESS, 1_000, 0, 40, 400, Map.of("a_long_metric_name", 1.25)));
    bar.onEvent(event(Kind.PROGRESS, 2_000, 0, 80, 400, Map.of()));

    String[] frames = text.toString().split("\r");
    assertThat(frames[2]).hasSameSizeAs(frames[1]).endsWith("  ");
  }

  @Test
  void aPhaseThatEndsAfterCancellationShowsWhereItStopped() {
    bar.onEvent(event(Kind.PROGRESS, 1_000, 0, 40, 400, Map.of()));
    run.cancel("interrupted");
    bar.onEvent(event(Kind.PHASE_FINISHED, 1_100, 0, 44, 400, Map.of()));

    assertThat(frames()).last().asString().contains(" 11%", "44/400 samples", "stopped after 1.1 s");
  }

  @Test
  void eachPhaseGetsItsOwnLineAndStragglersOfAnEndedPhaseAreDropped() {
    bar.onEvent(event(Kind.PHASE_STARTED, 0, 0, 0, 400, Map.of()));
    bar.onEvent(event(Kind.PHASE_FINISHED, 1_000, 0, 400, 400, Map.of()));
    bar.onEvent(event(Kind.PROGRESS, 1_000, 0, 399, 400, Map.of()));
    bar.onEvent(new TrainingEvent(Kind.PHASE_STARTED, "sweep", 0, 0, 10, "sweeps", Double.NaN, Duration.ZERO,
        Map.of()));

    assertThat(text.toString().split("\n")).hasSize(2);
    assertThat(text.toString()).doesNotContain("399/400");
    assertThat(frames()).last().asString().startsWith("sweep  [").contains("0/10 sweeps");
  }

  @Test
  void theLauncherPassesTerminalAndWidth() {
    assertThat(Stderr.columns("132")).isEqualTo(132);
    assertThat(Stderr.columns(null)).isEqualTo(Stderr.DEFAULT_COLUMNS);
    assertThat(Stderr.columns("0")).isEqualTo(Stderr.DEFAULT_COLUMNS);
    assertThat(Stderr.columns("wide")).isEqualTo(Stderr.DEFAULT_COLUMNS);
  }
}
