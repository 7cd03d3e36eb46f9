package io.tessera.charts.internal;

import io.tessera.charts.Palette;
import io.tessera.charts.ScatterChart;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a {@link ScatterChart}: one JFreeChart series per colour category, a marker shape per shape category (or,
 * without those, a new shape each time the colours repeat), and the point labels placed by {@link PointLabels}.
 */
final class ScatterPainter {
  private ScatterPainter() {
  }

  static void paint(ScatterChart spec, Graphics2D g, Rectangle2D area, ReportSink sink) {
    List<String> groups = spec.groups();
    List<String> shapes = spec.shapes();
    Map<String, Integer> groupIndex = index(groups);
    Map<String, Integer> shapeIndex = index(shapes);

    XYSeriesCollection data = new XYSeriesCollection();
    List<List<Shape>> itemShapes = new ArrayList<>();
    for (String group : groups) {
      data.addSeries(new XYSeries(group, false, true));
      itemShapes.add(new ArrayList<>());
    }
    List<PointLabels.Label> labels = new ArrayList<>();
    List<double[]> allPoints = new ArrayList<>();
    for (ScatterChart.Point p : spec.points()) {
      int s = groupIndex.get(p.group());
      data.getSeries(s).add(p.x(), p.y(), false);
      int shape = p.shape().isEmpty() ? s / Palette.OKABE_ITO.size() : shapeIndex.get(p.shape());
      itemShapes.get(s).add(Markers.of(shape));
      allPoints.add(new double[] {p.x(), p.y()});
      if (!p.label().isEmpty()) {
        labels.add(new PointLabels.Label(p.x(), p.y(), p.label()));
      }
    }

    XYLineAndShapeRenderer renderer = new ShapePerItemRenderer(itemShapes);
    renderer.setUseOutlinePaint(true);
    renderer.setDefaultOutlinePaint(Color.WHITE);
    renderer.setDrawOutlines(true);
    LegendItemCollection legend = new LegendItemCollection();
    for (int s = 0; s < groups.size(); s++) {
      Color colour = Palette.categorical(s);
      renderer.setSeriesPaint(s, colour);
      legend.add(shapes.isEmpty() ? Plots.marker(groups.get(s), s / Palette.OKABE_ITO.size(), colour)
          : Plots.swatch(groups.get(s), colour));
    }
    for (int k = 0; k < shapes.size(); k++) {
      legend.add(Plots.marker(shapes.get(k), k, Palette.NEUTRAL));
    }

    NumberAxis x = new NumberAxis(spec.xLabel());
    NumberAxis y = new NumberAxis(spec.yLabel());
    for (NumberAxis axis : new NumberAxis[] {x, y}) {
      axis.setAutoRangeIncludesZero(false);
      // Keep the margin below points at 0 too, so no marker is cut in half by the axis.
      axis.setAutoRangeStickyZero(false);
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setFixedLegendItems(legend);
    if (!labels.isEmpty()) {
      plot.addAnnotation(new PointLabels(labels, allPoints, sink), false);
    }
    boolean showLegend = groups.size() > 1 || !shapes.isEmpty();
    JFreeChart chart = new JFreeChart(spec.title().isEmpty() ? null : spec.title(), Theme.titleFont(), plot,
        showLegend);
    Theme.apply(chart);
    Theme.axis(x);
    Theme.axis(y);
    if (showLegend) {
      chart.getLegend().setPosition(RectangleEdge.RIGHT);
    }
    Plots.draw(chart, g, area, sink);
  }

  private static Map<String, Integer> index(List<String> names) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      m.put(names.get(i), i);
    }
    return m;
  }

  /** A shapes-only renderer whose marker is chosen per point rather than per series. */
  private static final class ShapePerItemRenderer extends XYLineAndShapeRenderer {
    private final transient List<List<Shape>> shapes;

    ShapePerItemRenderer(List<List<Shape>> shapes) {
      super(false, true);
      this.shapes = shapes;
    }

    @Override
    public Shape getItemShape(int series, int item) {
      return shapes.get(series).get(item);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ShapePerItemRenderer r && r.shapes.equals(shapes) && super.equals(o);
    }

    @Override
    public int hashCode() {
      return 31 * super.hashCode() + shapes.hashCode();
    }
  }
}
