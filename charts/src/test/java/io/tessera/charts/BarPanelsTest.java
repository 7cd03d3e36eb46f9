package io.tessera.charts;

import static io.tessera.charts.ChartAssertions.allTextInBundledFont;
import static io.tessera.charts.ChartAssertions.drawnDisplayably;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tessera.api.BadInputException;
import io.tessera.charts.ChartReport.Box;
import io.tessera.charts.ChartReport.Kind;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarPanelsTest {

  @Test
  void topWordsPerYearDrawOnePanelPerYearWithItsEightBarsInOrder() {
    BarPanels chart = Examples.topWordsPerYear(8);
    RenderedChart rendered = ChartWriter.render(chart);
    ChartReport report = rendered.report();
    BufferedImage image = rendered.image();

    assertThat(chart.panels()).extracting(BarPanels.Panel::title).containsExactly("2017년", "2018년", "2019년");
    assertThat(image.getWidth()).isEqualTo(ChartWriter.defaultSize(chart).pixelWidth());
    assertThat(report.plotAreas()).hasSize(3);
    for (int p = 0; p < 3; p++) {
      int panel = p;
      List<ChartReport.Mark> bars = report.marks(Kind.BAR).stream().filter(m -> m.panel() == panel).toList();
      BarPanels.Panel spec = chart.panels().get(p);
      assertThat(bars).extracting(ChartReport.Mark::label)
          .containsExactlyElementsOf(spec.bars().stream().map(BarPanels.Bar::label).toList());
      assertThat(bars).extracting(m -> m.bounds().y()).isSorted();
      assertThat(bars).extracting(ChartReport.Mark::colour).containsOnly(Palette.categorical(p));
      // Counted in the pixels too: a column just inside the plot crosses eight runs of the panel's colour.
      Box plot = report.plotAreas().get(p);
      assertThat(runs(image, (int) plot.x() + 4, plot, Palette.categorical(p))).isEqualTo(8);
      for (ChartReport.Mark bar : bars) {
        drawnDisplayably(report, bar.label());
      }
    }
    allTextInBundledFont(report);
    drawnDisplayably(report, "서울 시민제안 제목의 상위 단어");
  }

  @Test
  void aSharedScaleMakesBarLengthsProportionalToValuesAcrossPanels() {
    BarPanels chart = Examples.topWordsPerYear(8);
    ChartReport report = ChartWriter.render(chart).report();
    List<ChartReport.Mark> bars = report.marks(Kind.BAR);
    List<Double> values = chart.panels().stream().flatMap(p -> p.bars().stream()).map(BarPanels.Bar::value)
        .toList();

    double pixelsPerUnit = bars.get(0).bounds().width() / values.get(0);
    for (int i = 0; i < bars.size(); i++) {
      assertThat(bars.get(i).bounds().width()).isCloseTo(values.get(i) * pixelsPerUnit, within(1.0));
    }
  }

  @Test
  void independentScalesGiveEveryPanelsLongestBarTheSameLength() {
    BarPanels shared = Examples.topWordsPerYear(5);
    BarPanels independent = BarPanels.builder(shared.title(), shared.valueLabel()).sharedScale(false).columns(3)
        .panel(shared.panels().get(0)).panel(shared.panels().get(1)).panel(shared.panels().get(2)).build();
    ChartReport report = ChartWriter.render(independent).report();

    List<Double> longest = List.of(0, 1, 2).stream().map(p -> report.marks(Kind.BAR).stream()
        .filter(m -> m.panel() == p).mapToDouble(m -> m.bounds().width()).max().orElseThrow()).toList();
    assertThat(longest.get(1)).isCloseTo(longest.get(0), within(1.0));
    assertThat(longest.get(2)).isCloseTo(longest.get(0), within(1.0));
  }

  @Test
  void aPanelThatRepeatsABarLabelIsRejected() {
    assertThatThrownBy(() -> BarPanels.builder("", "").panel("topic 1", List.of("a", "a"), new double[] {1, 2}))
        .isInstanceOf(BadInputException.class).hasMessageContaining("repeats a bar label");
  }

  @Test
  void labelsAndValuesMustPair() {
    assertThatThrownBy(() -> BarPanels.builder("", "").panel("topic 1", List.of("a"), new double[] {1, 2}))
        .isInstanceOf(BadInputException.class)
        .hasMessage("parameter 'bars': panel 'topic 1' has 1 labels but 2 values");
  }

  /** @return the number of vertical runs of {@code colour} in column {@code x} of the plot area */
  private static int runs(BufferedImage image, int x, Box plot, Color colour) {
    int runs = 0;
    boolean inside = false;
    for (int y = (int) plot.y(); y < plot.maxY(); y++) {
      boolean match = (image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF);
      if (match && !inside) {
        runs++;
      }
      inside = match;
    }
    return runs;
  }
}
