package io.tessera.charts.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.entity.StandardEntityCollection;
import org.jfree.chart.plot.Plot;

/** Helpers the painters share: legend items and drawing a JFreeChart into a rectangle while reporting it. */
final class Plots {
  /** The stroke of data lines. */
  static final Stroke LINE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

  // Wider than tall, so a colour swatch is not mistaken for the square marker of a shape category.
  private static final Shape SWATCH = new Rectangle2D.Double(-8, -4, 16, 8);
  private static final Shape LEGEND_LINE = new Line2D.Double(-12, 0, 12, 0);

  private Plots() {
  }

  /** @return a legend item with a filled bar of {@code colour} (reported without a shape name) */
  static LegendItem swatch(String label, Color colour) {
    return new LegendItem(label, "", null, null, SWATCH, colour);
  }

  /** @return a legend item with a short line of {@code colour} (reported without a shape name) */
  static LegendItem line(String label, Color colour) {
    return new LegendItem(label, "", null, null, LEGEND_LINE, LINE, colour);
  }

  /** @return a legend item showing marker {@code index} in {@code colour} (reported with the marker's name) */
  static LegendItem marker(String label, int index, Color colour) {
    return new LegendItem(label, Markers.nameOf(index), null, null, Markers.of(index), colour);
  }

  /**
   * Draws {@code chart} into {@code area} (logical pixels) and reports its data area and legend.
   *
   * @return the rendering info (entities included)
   */
  static ChartRenderingInfo draw(JFreeChart chart, Graphics2D g, Rectangle2D area, ReportSink sink) {
    ChartRenderingInfo info = new ChartRenderingInfo(new StandardEntityCollection());
    chart.draw(g, area, info);
    sink.plotArea(info.getPlotInfo().getDataArea());
    Plot plot = chart.getPlot();
    if (chart.getLegend() != null && plot.getLegendItems() != null) {
      sink.legend(plot.getLegendItems());
    }
    return info;
  }
}
