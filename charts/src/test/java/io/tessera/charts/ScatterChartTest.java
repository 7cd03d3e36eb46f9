package io.tessera.charts;

import static io.tessera.charts.ChartAssertions.allTextInBundledFont;
import static io.tessera.charts.ChartAssertions.colourCounts;
import static io.tessera.charts.ChartAssertions.drawnDisplayably;
import static io.tessera.charts.ChartAssertions.noOverlaps;
import static io.tessera.charts.ChartAssertions.paletteColoursIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import io.tessera.charts.ChartReport.Box;
import io.tessera.charts.ChartReport.Kind;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScatterChartTest {

  @Test
  void irisPetalsShowOneColourPerSpeciesWhereThatSpeciesLies() {
    RenderedChart rendered = ChartWriter.render(Examples.irisPetals());
    ChartReport report = rendered.report();
    BufferedImage image = rendered.image();
    Box plot = report.plotAreas().get(0);

    assertThat(image.getWidth()).isEqualTo(1800);
    assertThat(image.getHeight()).isEqualTo(1400);
    assertThat(paletteColoursIn(image, plot, 30)).containsExactlyInAnyOrder(
        Palette.categorical(0), Palette.categorical(1), Palette.categorical(2));
    // Legend in natural order of the (Korean) names, one palette colour each.
    assertThat(report.legend()).extracting(ChartReport.LegendEntry::label)
        .containsExactly("버시컬러", "버지니카", "세토사");
    assertThat(report.legend()).extracting(ChartReport.LegendEntry::colour)
        .containsExactly(Palette.categorical(0), Palette.categorical(1), Palette.categorical(2));
    // Setosa has the smallest petals and virginica the largest: their colours' pixels say so.
    double setosa = meanX(image, plot, Palette.categorical(2));
    double versicolor = meanX(image, plot, Palette.categorical(0));
    double virginica = meanX(image, plot, Palette.categorical(1));
    assertThat(setosa).isLessThan(versicolor);
    assertThat(versicolor).isLessThan(virginica);
    allTextInBundledFont(report);
    drawnDisplayably(report, "세토사");
    drawnDisplayably(report, "꽃잎 길이와 너비");
  }

  @Test
  void wordMapLabelsAreKoreanDisplayableInsideThePlotAndNeverOverlap() {
    ScatterChart chart = Examples.wordMap();
    ChartReport report = ChartWriter.render(chart).report();
    Box plot = report.plotAreas().get(0);
    List<ChartReport.Mark> labels = report.marks(Kind.POINT_LABEL);

    assertThat(chart.points()).hasSize(40);
    assertThat(labels).hasSizeGreaterThanOrEqualTo(30);
    assertThat(labels).allSatisfy(m -> {
      assertThat(plot.contains(m.bounds().x(), m.bounds().y())).isTrue();
      assertThat(plot.contains(m.bounds().maxX(), m.bounds().maxY())).isTrue();
    });
    noOverlaps(labels.stream().map(ChartReport.Mark::bounds).toList());
    // The most frequent words come first and always get their label.
    assertThat(labels).extracting(ChartReport.Mark::label).contains("서울시", "제안");
    for (ChartReport.Mark m : labels) {
      drawnDisplayably(report, m.label());
    }
    assertThat(report.legend()).extracting(ChartReport.LegendEntry::label)
        .containsExactly("2018년에 더 많음", "2019년에 더 많음", "같음");
    allTextInBundledFont(report);
  }

  @Test
  void aShapeCategoryGetsMarkerLegendEntriesBesideTheColours() {
    ScatterChart.Builder b = ScatterChart.builder("clusters", "x", "y");
    List<String[]> iris = Examples.csv("iris.csv");
    for (int i = 0; i < iris.size(); i++) {
      String[] r = iris.get(i);
      b.point(new ScatterChart.Point(Double.parseDouble(r[0]), Double.parseDouble(r[1]),
          "cluster " + (i % 2), r[4], ""));
    }
    ChartReport report = ChartWriter.render(b.build()).report();

    assertThat(report.legend()).extracting(ChartReport.LegendEntry::label)
        .containsExactly("cluster 0", "cluster 1", "setosa", "versicolor", "virginica");
    assertThat(report.legend()).extracting(ChartReport.LegendEntry::shape)
        .containsExactly("", "", "circle", "square", "triangle");
    assertThat(report.legend().subList(2, 5)).extracting(ChartReport.LegendEntry::colour)
        .containsOnly(Palette.NEUTRAL);
  }

  @Test
  void categoriesAreOrderedNaturally() {
    ScatterChart chart = ScatterChart.builder("", "x", "y").point(0, 0, "cluster 10").point(1, 1, "cluster 2")
        .point(2, 2, "cluster 1").build();

    assertThat(chart.groups()).containsExactly("cluster 1", "cluster 2", "cluster 10");
  }

  @Test
  void pointsMustBeFinite() {
    assertThatThrownBy(() -> ScatterChart.builder("", "x", "y").point(Double.NaN, 1, "a"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("parameter 'points'");
  }

  private static double meanX(BufferedImage image, Box plot, Color colour) {
    long sum = 0;
    long n = 0;
    for (int y = (int) plot.y(); y < plot.maxY(); y++) {
      for (int x = (int) plot.x(); x < plot.maxX(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
          sum += x;
          n++;
        }
      }
    }
    assertThat(colourCounts(image, plot, List.of(colour))).containsKey(colour);
    return (double) sum / n;
  }
}
