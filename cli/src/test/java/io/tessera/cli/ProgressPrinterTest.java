package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.api.CancellationToken;
import io.tessera.api.TrainingEvent;
import io.tessera.api.TrainingEvent.Kind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  private final StringWriter text = new StringWriter();

  private static TrainingEvent event(Kind kind, int epoch, long step, long total, Map<String, Double> metrics) {
    return new TrainingEvent(kind, "train", epoch, step, total, "samples", 2500.0, Duration.ofMillis(1500), metrics);
  }

  @Test
  void printsPhaseAndEpochBoundariesWithTheirMetrics() {
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(text), Duration.ofHours(1), true, new CancellationToken());

    p.onEvent(event(Kind.PHASE_STARTED, 0, 0, 50_000, Map.of()));
    p.onEvent(event(Kind.EPOCH_FINISHED, 1, 50_000, 50_000, Map.of("loss", 0.123456, "val_acc", 0.5)));
    p.onEvent(event(Kind.PHASE_FINISHED, 1, 50_000, 50_000, Map.of()));

    assertThat(text.toString().lines()).containsExactly(
        "train: started (50.0k samples)",
        "train: epoch 1 done after 1.5 s; loss=0.1235, val_acc=0.5",
        "train: done in 1.5 s (50.0k samples, 2500 samples/s)");
  }

  @Test
  void periodicProgressIsThrottledToTheInterval() {
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(text), Duration.ofHours(1), true, new CancellationToken());

    p.onEvent(event(Kind.PROGRESS, 2, 100, 400, Map.of()));
    p.onEvent(event(Kind.PROGRESS, 2, 200, 400, Map.of()));

    assertThat(text.toString()).isEmpty();

    ProgressPrinter eager = new ProgressPrinter(new PrintWriter(text), Duration.ZERO, true, new CancellationToken());
    eager.onEvent(event(Kind.PROGRESS, 2, 100, 400, Map.of("loss", 2.0)));
    assertThat(text.toString().lines()).containsExactly("train: epoch 2, 25% (100/400 samples), 2500 samples/s; loss=2");
  }

  @Test
  void theBriefModeShowsOnlyPeriodicProgress() {
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(text), Duration.ZERO, false, new CancellationToken());

    p.onEvent(event(Kind.PHASE_STARTED, 0, 0, 10, Map.of()));
    p.onEvent(event(Kind.EPOCH_FINISHED, 1, 10, 10, Map.of()));
    p.onEvent(event(Kind.PROGRESS, 1, 5, 10, Map.of()));

    assertThat(text.toString().lines()).singleElement().asString().startsWith("train: epoch 1, 50%");
  }

  @Test
  void aPhaseThatEndsAfterCancellationIsReportedAsStopped() {
    CancellationToken token = new CancellationToken();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(text), Duration.ZERO, true, token);

    token.cancel("interrupted");
    p.onEvent(event(Kind.PHASE_FINISHED, 3, 120, 400, Map.of()));

    assertThat(text.toString().lines()).containsExactly("train: stopped after 1.5 s (120 samples, 2500 samples/s)");
  }

  @Test
  void numbersReadWell() {
    assertThat(ProgressPrinter.number(7.0)).isEqualTo("7");
    assertThat(ProgressPrinter.number(30.50)).isEqualTo("30.5");
    assertThat(ProgressPrinter.number(0.000123456)).isEqualTo("0.0001235");
    assertThat(ProgressPrinter.number(1.5e20)).isEqualTo("1.500e+20");
    assertThat(ProgressPrinter.count(950)).isEqualTo("950");
    assertThat(ProgressPrinter.count(12_345)).isEqualTo("12.3k");
    assertThat(ProgressPrinter.count(45_600_000)).isEqualTo("45.60M");
  }
}
