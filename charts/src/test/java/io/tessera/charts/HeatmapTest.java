package io.tessera.charts;

import static io.tessera.charts.ChartAssertions.allTextInBundledFont;
import static io.tessera.charts.ChartAssertions.colourCounts;
import static io.tessera.charts.ChartAssertions.drawnDisplayably;
import static io.tessera.charts.ChartAssertions.hasColourNear;
import static io.tessera.charts.ChartAssertions.pixel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import io.tessera.charts.ChartReport.Box;
import io.tessera.charts.ChartReport.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeatmapTest {

  @Test
  void irisConfusionMatrixColoursEachCellByItsCountAndWritesTheCount() {
    Heatmap chart = Examples.irisConfusion();
    RenderedChart rendered = ChartWriter.render(chart);
    ChartReport report = rendered.report();
    Box plot = report.plotAreas().get(0);
    List<ChartReport.Mark> cells = report.marks(Kind.CELL);

    // The real result of the nearest-mean classifier on sepals: setosa is separable, the others mix.
    assertThat(chart.values()).containsExactly(50, 0, 0, 2, 36, 12, 1, 13, 36);
    assertThat(cells).hasSize(9);
    for (int i = 0; i < 9; i++) {
      ChartReport.Mark cell = cells.get(i);
      double v = chart.values()[i];
      assertThat(cell.colour()).isEqualTo(Palette.sequential(v / 50));
      // A point inside the cell but away from its centred number has exactly the cell's colour.
      assertThat(pixel(rendered.image(), cell.bounds().x() + 6, cell.bounds().y() + 6)).isEqualTo(cell.colour());
      String count = String.format("%.0f", v);
      assertThat(report.texts().stream().filter(t -> t.text().equals(count))
          .anyMatch(t -> cell.bounds().contains(t.bounds().centerX(), t.bounds().centerY()))).isTrue();
    }
    // Row 0 on top, column 0 on the left.
    assertThat(cells.get(0).bounds().y()).isLessThan(cells.get(3).bounds().y());
    assertThat(cells.get(0).bounds().x()).isLessThan(cells.get(1).bounds().x());
    // The colour scale is drawn right of the plot, from its darkest to (nearly) its lightest colour.
    Box right = new Box(plot.maxX(), 0, report.width() - plot.maxX(), report.height());
    assertThat(colourCounts(rendered.image(), right, List.of(Palette.sequential(0))))
        .containsKey(Palette.sequential(0));
    assertThat(hasColourNear(rendered.image(), right, Palette.sequential(1), 8)).isTrue();
    assertThat(hasColourNear(rendered.image(), right, Palette.sequential(0.5), 4)).isTrue();
    allTextInBundledFont(report);
    drawnDisplayably(report, "버시컬러");
    drawnDisplayably(report, "붓꽃 품종 혼동 행렬");
  }

  @Test
  void aValueCountThatDoesNotMatchTheLabelsIsRejected() {
    assertThatThrownBy(() -> Heatmap.builder("", "", "").rowLabels(List.of("a", "b")).columnLabels(List.of("x"))
        .values(new double[][] {{1, 2, 3}}).build())
        .isInstanceOf(BadInputException.class)
        .hasMessage("parameter 'values': 2 rows x 1 columns need 2 values, got 3");
  }

  @Test
  void aFormatThatCannotFormatANumberIsRejected() {
    assertThatThrownBy(() -> Heatmap.builder("", "", "").rowLabels(List.of("a")).columnLabels(List.of("x"))
        .values(new double[][] {{1}}).valueFormat("%d").build())
        .isInstanceOf(BadInputException.class).hasMessageContaining("parameter 'valueFormat': '%d'");
  }
}
