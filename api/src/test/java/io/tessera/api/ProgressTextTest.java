package io.tessera.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.api.TrainingEvent.Kind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTextTest {
  private static TrainingEvent event(Kind kind, int epoch, long step, long total, double rate, Map<String, Double> m) {
    return new TrainingEvent(kind, "train", epoch, step, total, "samples", rate, Duration.ofMillis(1500), m);
  }

  @Test
  void eachKindOfEventReadsAsOneLine() {
    assertThat(ProgressText.line(event(Kind.PHASE_STARTED, 0, 0, 50_000, Double.NaN, Map.of()), false))
        .isEqualTo("train: started (50.0k samples)");
    assertThat(ProgressText.line(event(Kind.PROGRESS, 2, 12_500, 50_000, 2500, Map.of("loss", 0.43124)), false))
        .isEqualTo("train: epoch 2, 25% (12.5k/50.0k samples), 2500 samples/s, ETA 0:15; loss=0.4312");
    assertThat(ProgressText.line(event(Kind.EPOCH_FINISHED, 1, 50_000, 50_000, 2500,
        Map.of("val_acc", 0.5, "loss", 0.123456)), false))
        .isEqualTo("train: epoch 1 done at 1.5 s, 100% (50.0k/50.0k samples); loss=0.1235, val_acc=0.5");
    assertThat(ProgressText.line(event(Kind.PHASE_FINISHED, 1, 50_000, 50_000, 2500, Map.of()), false))
        .isEqualTo("train: done in 1.5 s (50.0k samples, 2500 samples/s)");
  }

  @Test
  void aPhaseEndingAfterCancellationReadsAsStopped() {
    assertThat(ProgressText.line(event(Kind.PHASE_FINISHED, 3, 120, 400, 80, Map.of()), true))
        .isEqualTo("train: stopped after 1.5 s (120 samples, 80.0 samples/s)");
  }

  @Test
  void withoutATotalThereIsNoPercentAndNoEta() {
    TrainingEvent e = event(Kind.PROGRESS, 0, 4200, 0, 2800, Map.of());

    assertThat(ProgressText.line(e, false)).isEqualTo("train: 4200 samples, 2800 samples/s");
    assertThat(ProgressText.percent(e)).isEmpty();
    assertThat(ProgressText.eta(e)).isEmpty();
  }

  @Test
  void theEtaIsTheRemainingUnitsAtTheAverageRate() {
    assertThat(ProgressText.eta(event(Kind.PROGRESS, 0, 100, 400, 50, Map.of()))).contains(Duration.ofSeconds(6));
    assertThat(ProgressText.eta(event(Kind.PROGRESS, 0, 100, 400, Double.NaN, Map.of()))).isEmpty();
    assertThat(ProgressText.eta(event(Kind.PROGRESS, 0, 400, 400, 50, Map.of()))).isEmpty();
  }

  @Test
  void ratesKeepThreeSignificantDigitsBelowAHundredSoTheirWidthStaysPut() {
    assertThat(ProgressText.rate(event(Kind.PROGRESS, 0, 1, 10, 11.6666, Map.of()))).isEqualTo("11.7 samples/s");
    assertThat(ProgressText.rate(event(Kind.PROGRESS, 0, 1, 10, 97.0, Map.of()))).isEqualTo("97.0 samples/s");
    assertThat(ProgressText.rate(event(Kind.PROGRESS, 0, 1, 10, 0.25, Map.of()))).isEqualTo("0.250 samples/s");
    assertThat(ProgressText.rate(event(Kind.PROGRESS, 0, 1, 10, 123_456, Map.of()))).isEqualTo("123.5k samples/s");
    assertThat(ProgressText.rate(event(Kind.PROGRESS, 0, 1, 10, Double.NaN, Map.of()))).isEmpty();
  }

  @Test
  void percentIsRoundedDownSoThatAHundredMeansDone() {
    assertThat(ProgressText.percent(event(Kind.PROGRESS, 0, 999, 1000, 1, Map.of()))).isEqualTo("99%");
    assertThat(ProgressText.percent(event(Kind.PROGRESS, 0, 1000, 1000, 1, Map.of()))).isEqualTo("100%");
    assertThat(ProgressText.percent(event(Kind.PROGRESS, 0, 7, 100, 1, Map.of()))).isEqualTo("7%");
  }

  @Test
  void numbersCountsAndDurationsReadWell() {
    assertThat(ProgressText.number(7.0)).isEqualTo("7");
    assertThat(ProgressText.number(30.50)).isEqualTo("30.5");
    assertThat(ProgressText.number(0.000123456)).isEqualTo("0.0001235");
    assertThat(ProgressText.number(1.5e20)).isEqualTo("1.500e+20");
    assertThat(ProgressText.number(Double.NaN)).isEqualTo("NaN");
    assertThat(ProgressText.count(950)).isEqualTo("950");
    assertThat(ProgressText.count(12_345)).isEqualTo("12.3k");
    assertThat(ProgressText.count(45_600_000)).isEqualTo("45.60M");
    assertThat(ProgressText.clock(Duration.ofMillis(6_600))).isEqualTo("0:07");
    assertThat(ProgressText.clock(Duration.ofSeconds(754))).isEqualTo("12:34");
    assertThat(ProgressText.clock(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    assertThat(ProgressText.seconds(Duration.ofMillis(2440))).isEqualTo("2.4 s");
    assertThat(ProgressText.metrics(Map.of())).isEmpty();
  }
}
