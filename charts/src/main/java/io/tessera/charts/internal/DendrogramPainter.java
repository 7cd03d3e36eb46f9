package io.tessera.charts.internal;

import io.tessera.charts.ChartReport.Kind;
import io.tessera.charts.Dendrogram;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * Draws a {@link Dendrogram}, which JFreeChart has no plot for: a horizontal XY plot supplies the axes (leaf labels
 * down the left, one tick per leaf; merge distance along the bottom) and the links are drawn with Java2D by an
 * annotation that maps each bracket through those axes.
 */
final class DendrogramPainter {
  /** Logical pixels per leaf in the default size. */
  static final int LEAF_HEIGHT = 17;
  /** Leaf labels are drawn only when the leaves are at least this far apart, in logical pixels. */
  static final int MIN_LABEL_SPACING = 13;

  private DendrogramPainter() {
  }

  static void paint(Dendrogram spec, Graphics2D g, Rectangle2D area, ReportSink sink) {
    DendrogramLayout layout = new DendrogramLayout(spec);
    String[] labels = new String[layout.leaves];
    for (int p = 0; p < labels.length; p++) {
      labels[p] = spec.leafLabels().get(layout.order[p]);
    }
    SymbolAxis leafAxis = new SymbolAxis(null, labels);
    leafAxis.setGridBandsVisible(false);
    leafAxis.setAutoRange(false);
    leafAxis.setRange(-0.5, layout.leaves - 0.5);
    leafAxis.setInverted(true);
    leafAxis.setTickMarksVisible(false);
    // Labels closer than a line of text would overprint each other: a crowded tree shows its shape without them.
    leafAxis.setTickLabelsVisible((area.getHeight() - 120) / layout.leaves >= MIN_LABEL_SPACING);
    NumberAxis distance = new NumberAxis(spec.distanceLabel());
    distance.setRange(0, layout.maxHeight > 0 ? layout.maxHeight * 1.04 : 1);
    XYLineAndShapeRenderer none = new XYLineAndShapeRenderer(false, false);
    XYPlot plot = new XYPlot(null, leafAxis, distance, none);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setDomainGridlinesVisible(false);
    plot.setOutlineVisible(false);
    plot.addAnnotation(new Links(layout, spec, sink), false);
    JFreeChart chart = new JFreeChart(spec.title().isEmpty() ? null : spec.title(), Theme.titleFont(), plot, false);
    Theme.apply(chart);
    Theme.axis(leafAxis);
    Theme.axis(distance);
    Plots.draw(chart, g, area, sink);
  }

  /** The brackets: each merge draws two legs from its children's heights up to its own, and a bar joining them. */
  private static final class Links extends OverlayAnnotation {
    private final transient DendrogramLayout layout;
    private final transient Dendrogram spec;
    private final transient ReportSink sink;

    Links(DendrogramLayout layout, Dendrogram spec, ReportSink sink) {
      this.layout = layout;
      this.spec = spec;
      this.sink = sink;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis leafAxis, ValueAxis distanceAxis,
                     int rendererIndex, PlotRenderingInfo info) {
      g2.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
      for (int k = 0; k < layout.children.length; k++) {
        int node = layout.merge(k);
        int a = layout.children[k][0];
        int b = layout.children[k][1];
        double yA = y(layout.position[a], plot, dataArea, leafAxis);
        double yB = y(layout.position[b], plot, dataArea, leafAxis);
        double xA = x(layout.height[a], plot, dataArea, distanceAxis);
        double xB = x(layout.height[b], plot, dataArea, distanceAxis);
        double xNode = x(layout.height[node], plot, dataArea, distanceAxis);
        Path2D.Double bracket = new Path2D.Double();
        bracket.moveTo(xA, yA);
        bracket.lineTo(xNode, yA);
        bracket.lineTo(xNode, yB);
        bracket.lineTo(xB, yB);
        g2.setPaint(layout.colour[node]);
        g2.draw(bracket);
        sink.mark(Kind.LINK, 0, Integer.toString(node), layout.colour[node], bracket.getBounds2D());
      }
      for (int p = 0; p < layout.order.length; p++) {
        int leaf = layout.order[p];
        double y = y(p, plot, dataArea, leafAxis);
        double x = x(0, plot, dataArea, distanceAxis);
        sink.mark(Kind.LEAF, 0, spec.leafLabels().get(leaf), layout.colour[leaf],
            new Rectangle2D.Double(x - 2, y - 2, 4, 4));
      }
    }

    private static double y(double position, XYPlot plot, Rectangle2D area, ValueAxis axis) {
      return axis.valueToJava2D(position, area, plot.getDomainAxisEdge());
    }

    private static double x(double distance, XYPlot plot, Rectangle2D area, ValueAxis axis) {
      return axis.valueToJava2D(distance, area, plot.getRangeAxisEdge());
    }
  }
}
