package io.tessera.charts;

import static io.tessera.charts.ChartAssertions.allTextInBundledFont;
import static io.tessera.charts.ChartAssertions.colourCounts;
import static io.tessera.charts.ChartAssertions.drawnDisplayably;
import static io.tessera.charts.ChartAssertions.pixel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tessera.api.BadInputException;
import io.tessera.charts.ChartReport.Box;
import io.tessera.charts.ChartReport.Kind;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DendrogramTest {

  @Test
  void usArrestsShowsFiftyLeavesInSciPysOrderAndColours() {
    Dendrogram chart = Examples.usArrests();
    RenderedChart rendered = ChartWriter.render(chart);
    ChartReport report = rendered.report();
    Box plot = report.plotAreas().get(0);
    List<ChartReport.Mark> leaves = report.marks(Kind.LEAF);
    List<String[]> scipy = Examples.csv("usarrests-ward-dendrogram.csv");

    assertThat(rendered.image().getHeight()).isEqualTo(ChartWriter.defaultSize(chart).pixelHeight());
    assertThat(leaves).hasSize(50);
    assertThat(report.marks(Kind.LINK)).hasSize(49);
    // Top to bottom, the leaves are SciPy's dendrogram leaves, and each has SciPy's colour class
    // (C1 -> first palette colour, C2 -> second).
    assertThat(leaves).extracting(m -> m.bounds().y()).isSorted();
    assertThat(leaves).extracting(ChartReport.Mark::label).containsExactlyElementsOf(
        scipy.stream().map(r -> chart.leafLabels().get(Integer.parseInt(r[0]))).toList());
    Map<String, Color> classes = Map.of("C1", Palette.categorical(0), "C2", Palette.categorical(1));
    assertThat(leaves).extracting(ChartReport.Mark::colour).containsExactlyElementsOf(
        scipy.stream().map(r -> classes.get(r[1])).toList());
    // Each leaf's label is written level with it, left of the plot, and its link starts there in its colour.
    for (ChartReport.Mark leaf : leaves) {
      List<ChartReport.Text> label = report.texts().stream().filter(t -> t.text().equals(leaf.label())).toList();
      assertThat(label).hasSize(1);
      assertThat(label.get(0).bounds().maxX()).isLessThanOrEqualTo(plot.x());
      assertThat(label.get(0).bounds().centerY()).isCloseTo(leaf.bounds().centerY(), within(6.0));
      assertThat(pixel(rendered.image(), leaf.bounds().centerX() + 6, leaf.bounds().centerY()))
          .isEqualTo(leaf.colour());
    }
    // Links above the colour threshold are neutral.
    assertThat(colourCounts(rendered.image(), plot, List.of(Palette.NEUTRAL))).containsKey(Palette.NEUTRAL);
    allTextInBundledFont(report);
    drawnDisplayably(report, "미국 주별 범죄 통계");
  }

  @Test
  void aTreeTooTallForItsImageLeavesItsLabelsOutInsteadOfOverprintingThem() {
    Dendrogram chart = Examples.usArrests();

    ChartReport small = ChartWriter.render(chart, ChartSize.of(700, 400)).report();
    ChartReport roomy = ChartWriter.render(chart, ChartWriter.defaultSize(chart)).report();

    assertThat(small.marks(Kind.LEAF)).hasSize(50);
    assertThat(small.texts()).noneMatch(t -> t.text().equals("Alabama"));
    assertThat(roomy.texts()).anyMatch(t -> t.text().equals("Alabama"));
  }

  @Test
  void aRowThatRefersToAClusterNotYetFormedIsRejectedNamingTheRow() {
    double[][] z = {{0, 1, 0.5, 2}, {2, 5, 1.0, 3}};

    assertThatThrownBy(() -> Dendrogram.builder("", "distance", z).build())
        .isInstanceOf(BadInputException.class)
        .hasMessage("parameter 'linkage': row 1 refers to cluster 5.0; row 1 may join leaves 0..2 and clusters 3..3");
  }

  @Test
  void aCountThatDisagreesWithTheMergedClustersIsRejected() {
    double[][] z = {{0, 1, 0.5, 2}, {2, 3, 1.0, 2}};

    assertThatThrownBy(() -> Dendrogram.builder("", "distance", z).build())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("row 1 says count 2.0 but clusters 2 and 3 hold 3 leaves");
  }

  @Test
  void aClusterMergedTwiceIsRejected() {
    double[][] z = {{0, 1, 0.5, 2}, {0, 2, 1.0, 2}};

    assertThatThrownBy(() -> Dendrogram.builder("", "distance", z).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("row 1 merges cluster 0, which an earlier row");
  }

  @Test
  void theLabelsMustNameEveryLeaf() {
    double[][] z = {{0, 1, 0.5, 2}};

    assertThatThrownBy(() -> Dendrogram.builder("", "distance", z).leafLabels(List.of("a", "b", "c")).build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("parameter 'leafLabels'");
  }

  @Test
  void theDefaultColourThresholdIsSciPys() {
    assertThat(Examples.usArrests().effectiveColourThreshold()).isCloseTo(0.7 * 13.516242350693956,
        within(1e-12));
  }
}
