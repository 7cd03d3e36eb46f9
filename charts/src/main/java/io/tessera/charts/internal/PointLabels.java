package io.tessera.charts.internal;

import io.tessera.charts.ChartReport.Kind;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * Text labels beside scatter points, which JFreeChart cannot place without collisions. Labels are placed in the
 * order given (so callers list the important ones first): each tries eight spots around its point, right first,
 * and takes the first that stays inside the plot and covers no marker and no label placed before it; a label
 * with no free spot is left out. Every label drawn is reported as a {@link Kind#POINT_LABEL} mark.
 */
final class PointLabels extends OverlayAnnotation {
  /** Gap between a point's centre and its label, in logical pixels. */
  private static final double GAP = 6;

  /** One label: where its point is (data units) and its text. */
  record Label(double x, double y, String text) {
  }

  private final transient List<Label> labels;
  private final transient List<double[]> points;
  private final transient ReportSink sink;

  /**
   * @param labels the labels, most important first
   * @param points every point of the plot ({@code {x, y}} in data units), whose markers labels must not cover
   * @param sink   where drawn labels are reported
   */
  PointLabels(List<Label> labels, List<double[]> points, ReportSink sink) {
    this.labels = List.copyOf(labels);
    this.points = List.copyOf(points);
    this.sink = sink;
  }

  @Override
  public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                   int rendererIndex, PlotRenderingInfo info) {
    Font font = Theme.plain(Theme.NOTE_SIZE);
    g2.setFont(font);
    g2.setPaint(Theme.TEXT);
    FontMetrics fm = g2.getFontMetrics(font);
    List<Rectangle2D> placed = new ArrayList<>();
    double r = Markers.SIZE / 2;
    for (double[] p : points) {
      double[] at = screen(p[0], p[1], plot, dataArea, domainAxis, rangeAxis);
      placed.add(new Rectangle2D.Double(at[0] - r, at[1] - r, 2 * r, 2 * r));
    }
    for (Label label : labels) {
      double[] at = screen(label.x(), label.y(), plot, dataArea, domainAxis, rangeAxis);
      double px = at[0];
      double py = at[1];
      double w = fm.stringWidth(label.text());
      double h = fm.getAscent() + fm.getDescent();
      Rectangle2D spot = freeSpot(px, py, w, h, dataArea, placed);
      if (spot != null) {
        placed.add(spot);
        g2.drawString(label.text(), (float) spot.getX(), (float) (spot.getY() + fm.getAscent()));
        sink.mark(Kind.POINT_LABEL, 0, label.text(), Theme.TEXT, spot);
      }
    }
  }

  /** @return the screen position {@code {x, y}} of a data point, whatever the plot's orientation */
  private static double[] screen(double x, double y, XYPlot plot, Rectangle2D area, ValueAxis domainAxis,
                                 ValueAxis rangeAxis) {
    double a = domainAxis.valueToJava2D(x, area, plot.getDomainAxisEdge());
    double b = rangeAxis.valueToJava2D(y, area, plot.getRangeAxisEdge());
    return plot.getOrientation() == PlotOrientation.VERTICAL ? new double[] {a, b} : new double[] {b, a};
  }

  /** @return the first candidate box for a {@code w x h} label around {@code (px, py)} that is free, or null */
  private static Rectangle2D freeSpot(double px, double py, double w, double h, Rectangle2D area,
                                      List<Rectangle2D> placed) {
    double[][] offsets = {
        {GAP, -h / 2}, {-GAP - w, -h / 2}, {-w / 2, -GAP - h}, {-w / 2, GAP},
        {GAP * 0.7, -GAP * 0.7 - h}, {GAP * 0.7, GAP * 0.7}, {-GAP * 0.7 - w, -GAP * 0.7 - h},
        {-GAP * 0.7 - w, GAP * 0.7}};
    for (double[] o : offsets) {
      Rectangle2D r = new Rectangle2D.Double(px + o[0], py + o[1], w, h);
      if (area.contains(r) && placed.stream().noneMatch(r::intersects)) {
        return r;
      }
    }
    return null;
  }
}
