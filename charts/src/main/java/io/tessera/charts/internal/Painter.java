package io.tessera.charts.internal;

import io.tessera.charts.BarPanels;
import io.tessera.charts.Chart;
import io.tessera.charts.ChartSize;
import io.tessera.charts.Dendrogram;
import io.tessera.charts.Heatmap;
import io.tessera.charts.LineChart;
import io.tessera.charts.ScatterChart;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/** Chooses the painter for a chart and the size it gets when the caller names none. */
public final class Painter {
  /** White space around the whole chart, in logical pixels. */
  private static final int MARGIN = 10;

  private Painter() {
  }

  /**
   * Draws {@code chart} onto {@code g}, which is scaled to logical pixels and not translated, filling a
   * {@code width x height} canvas, and reports what it drew to {@code sink}.
   */
  public static void paint(Chart chart, Graphics2D g, int width, int height, ReportSink sink) {
    Rectangle2D area = new Rectangle2D.Double(MARGIN, MARGIN, width - 2.0 * MARGIN, height - 2.0 * MARGIN);
    switch (chart) {
      case LineChart c -> LinePainter.paint(c, g, area, sink);
      case ScatterChart c -> ScatterPainter.paint(c, g, area, sink);
      case BarPanels c -> BarPanelsPainter.paint(c, g, area, sink);
      case Dendrogram c -> DendrogramPainter.paint(c, g, area, sink);
      case Heatmap c -> HeatmapPainter.paint(c, g, area, sink);
    }
  }

  /** @return a size that fits the chart's content at the default scale */
  public static ChartSize defaultSize(Chart chart) {
    return switch (chart) {
      case LineChart c -> ChartSize.of(900, 560);
      case ScatterChart c -> ChartSize.of(900, 700);
      case BarPanels c -> {
        int bars = c.panels().stream().mapToInt(p -> p.bars().size()).max().orElse(1);
        int height = (c.title().isEmpty() ? 0 : 44) + c.rows() * (BarPanelsPainter.panelHeight(bars)
            + BarPanelsPainter.GAP) + 2 * MARGIN;
        int width = c.columns() * (BarPanelsPainter.PANEL_WIDTH + BarPanelsPainter.GAP) + 2 * MARGIN;
        yield ChartSize.of(clamp(width, 480), clamp(height, 300));
      }
      case Dendrogram c -> ChartSize.of(900, clamp(150 + DendrogramPainter.LEAF_HEIGHT * c.leaves(), 420));
      case Heatmap c -> ChartSize.of(clamp(300 + HeatmapPainter.CELL * c.columns(), 520),
          clamp(190 + HeatmapPainter.CELL * c.rows(), 420));
    };
  }

  private static int clamp(int size, int min) {
    return Math.max(min, Math.min(size, 6000));
  }
}
