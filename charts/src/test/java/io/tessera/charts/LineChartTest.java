package io.tessera.charts;

import static io.tessera.charts.ChartAssertions.allTextInBundledFont;
import static io.tessera.charts.ChartAssertions.below;
import static io.tessera.charts.ChartAssertions.drawnDisplayably;
import static io.tessera.charts.ChartAssertions.leftOf;
import static io.tessera.charts.ChartAssertions.noOverlaps;
import static io.tessera.charts.ChartAssertions.paletteColoursIn;
import static io.tessera.charts.ChartAssertions.textsIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import io.tessera.charts.ChartReport.Box;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {

  @Test
  void forecastAgainstActualOverDatesDrawsBothSeriesWithDateTicksThatDoNotCollide(@TempDir Path dir)
      throws Exception {
    LineChart chart = Examples.forecastVsActual();
    Path file = dir.resolve("forecast.png");

    ChartReport report = ChartWriter.writePng(chart, file);
    BufferedImage image = ImageIO.read(file.toFile());

    assertThat(image.getWidth()).isEqualTo(1800).isEqualTo(report.width());
    assertThat(image.getHeight()).isEqualTo(1120).isEqualTo(report.height());
    assertThat(report.plotAreas()).hasSize(1);
    Box plot = report.plotAreas().get(0);
    // Two series, two colours: blue for the first, vermillion for the second, and no other palette colour.
    assertThat(paletteColoursIn(image, plot, 50)).containsExactly(Palette.categorical(0), Palette.categorical(1));
    assertThat(report.legend()).extracting(ChartReport.LegendEntry::label)
        .containsExactly("실측 (actual)", "예측: 24시간 전 값 (forecast)");
    assertThat(report.legend()).extracting(ChartReport.LegendEntry::colour)
        .containsExactly(Palette.categorical(0), Palette.categorical(1));
    List<ChartReport.Text> dates = textsIn(report, below(report, plot), "\\d{4}-\\d{2}-\\d{2}");
    assertThat(dates).hasSizeBetween(4, 12);
    assertThat(dates).extracting(ChartReport.Text::text).isSorted();
    assertThat(dates.get(0).text()).startsWith("2010-01-0");
    noOverlaps(dates.stream().map(ChartReport.Text::bounds).toList());
    allTextInBundledFont(report);
    drawnDisplayably(report, "시애틀 시간별 기온");
    drawnDisplayably(report, "기온 (°C)");
    drawnDisplayably(report, "예측");
  }

  @Test
  void lossPerEpochHasIntegerEpochTicksAndReadableValueTicks() {
    RenderedChart rendered = ChartWriter.render(Examples.lossPerEpoch(40));
    ChartReport report = rendered.report();
    Box plot = report.plotAreas().get(0);

    assertThat(paletteColoursIn(rendered.image(), plot, 50))
        .containsExactly(Palette.categorical(0), Palette.categorical(1));
    List<ChartReport.Text> epochs = textsIn(report, below(report, plot), "\\d+");
    assertThat(epochs).hasSizeGreaterThanOrEqualTo(5);
    assertThat(epochs.stream().mapToInt(t -> Integer.parseInt(t.text())).toArray()).isSorted();
    noOverlaps(epochs.stream().map(ChartReport.Text::bounds).toList());
    List<ChartReport.Text> losses = textsIn(report, leftOf(plot), "\\d+\\.\\d+");
    assertThat(losses).hasSizeGreaterThanOrEqualTo(4);
    noOverlaps(losses.stream().map(ChartReport.Text::bounds).toList());
    drawnDisplayably(report, "학습 손실");
  }

  @Test
  void aNaNValueLeavesAGapInsteadOfFailing() {
    double[] y = {3, 2, Double.NaN, 1.5, 1.2};
    RenderedChart rendered = ChartWriter.render(LineChart.builder("gap", "epoch", "loss").series("loss", y).build());

    assertThat(paletteColoursIn(rendered.image(), rendered.report().plotAreas().get(0), 20))
        .containsExactly(Palette.categorical(0));
  }

  @Test
  void seriesOfDifferentLengthsAreRejectedNamingTheParameter() {
    LineChart.Builder builder = LineChart.builder("", "epoch", "loss");

    assertThatThrownBy(() -> builder.series("loss", new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(BadInputException.class)
        .hasMessage("parameter 'series': 'loss' needs as many y as x values, at least one; got 2 x and 1 y");
  }

  @Test
  void twoSeriesWithOneNameAreRejected() {
    LineChart.Builder builder = LineChart.builder("", "epoch", "loss").series("a", new double[] {1})
        .series("a", new double[] {2});

    assertThatThrownBy(builder::build)
        .isInstanceOf(BadInputException.class).hasMessageContaining("series names must differ");
  }

  @Test
  void aChartWithoutSeriesIsRejected() {
    assertThatThrownBy(() -> LineChart.builder("", "epoch", "loss").build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("at least one series");
  }
}
