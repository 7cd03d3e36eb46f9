package io.tessera.charts.internal;

import io.tessera.charts.LineChart;
import io.tessera.charts.Palette;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws a {@link LineChart} with JFreeChart: an XY plot of lines (and markers for short series). */
final class LinePainter {
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private LinePainter() {
  }

  static void paint(LineChart spec, Graphics2D g, Rectangle2D area, ReportSink sink) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    LegendItemCollection legend = new LegendItemCollection();
    for (int s = 0; s < spec.series().size(); s++) {
      LineChart.Series series = spec.series().get(s);
      XYSeries xy = new XYSeries(series.name(), false, true);
      double[] x = series.x();
      double[] y = series.y();
      for (int i = 0; i < x.length; i++) {
        xy.add(x[i], y[i], false);
      }
      data.addSeries(xy);
      Color colour = Palette.categorical(s);
      renderer.setSeriesPaint(s, colour);
      renderer.setSeriesStroke(s, Plots.LINE);
      renderer.setSeriesShapesVisible(s, series.size() <= LineChart.MARKER_LIMIT);
      renderer.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
      legend.add(Plots.line(series.name(), colour));
    }
    ValueAxis xAxis = spec.xAxis() == LineChart.XAxis.DATE ? dateAxis(spec.xLabel()) : numberAxis(spec.xLabel());
    XYPlot plot = new XYPlot(data, xAxis, numberAxis(spec.yLabel()), renderer);
    plot.setFixedLegendItems(legend);
    JFreeChart chart = new JFreeChart(spec.title().isEmpty() ? null : spec.title(), Theme.titleFont(), plot, true);
    Theme.apply(chart);
    Theme.axis(xAxis);
    Theme.axis(plot.getRangeAxis());
    LegendTitle legendTitle = chart.getLegend();
    legendTitle.setPosition(RectangleEdge.BOTTOM);
    Plots.draw(chart, g, area, sink);
  }

  private static NumberAxis numberAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(false);
    return axis;
  }

  /**
   * A date axis that reads milliseconds as wall-clock time (UTC, so no zone shifts them) and labels ticks in ISO
   * order; JFreeChart picks the finest unit whose labels do not collide.
   */
  private static DateAxis dateAxis(String label) {
    DateAxis axis = new DateAxis(label, UTC, Locale.ROOT);
    TickUnits units = new TickUnits();
    String minutes = "MM-dd HH:mm";
    String days = "yyyy-MM-dd";
    for (int n : new int[] {1, 5, 10, 15, 30}) {
      units.add(new DateTickUnit(DateTickUnitType.MINUTE, n, format(minutes)));
    }
    for (int n : new int[] {1, 2, 3, 6, 12}) {
      units.add(new DateTickUnit(DateTickUnitType.HOUR, n, format(minutes)));
    }
    for (int n : new int[] {1, 2, 3, 4, 7, 14}) {
      units.add(new DateTickUnit(DateTickUnitType.DAY, n, format(days)));
    }
    for (int n : new int[] {1, 2, 3, 6}) {
      units.add(new DateTickUnit(DateTickUnitType.MONTH, n, format("yyyy-MM")));
    }
    for (int n : new int[] {1, 2, 5, 10, 25, 50, 100}) {
      units.add(new DateTickUnit(DateTickUnitType.YEAR, n, format("yyyy")));
    }
    axis.setStandardTickUnits(units);
    return axis;
  }

  private static SimpleDateFormat format(String pattern) {
    SimpleDateFormat f = new SimpleDateFormat(pattern, Locale.ROOT);
    f.setTimeZone(UTC);
    return f;
  }
}
