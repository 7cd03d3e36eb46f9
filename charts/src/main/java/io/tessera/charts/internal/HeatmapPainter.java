package io.tessera.charts.internal;

import io.tessera.charts.ChartReport.Kind;
import io.tessera.charts.Heatmap;
import io.tessera.charts.Palette;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Draws a {@link Heatmap}: JFreeChart's block renderer colours the cells through a viridis {@link PaintScale} and a
 * {@link PaintScaleLegend} shows the scale; the cell values, which JFreeChart does not write, are drawn with Java2D
 * in whichever of dark or white text contrasts more with the cell.
 */
final class HeatmapPainter {
  /** Logical pixels per cell in the default size. */
  static final int CELL = 64;

  private HeatmapPainter() {
  }

  static void paint(Heatmap spec, Graphics2D g, Rectangle2D area, ReportSink sink) {
    int rows = spec.rows();
    int cols = spec.columns();
    double[][] xyz = new double[3][rows * cols];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int i = r * cols + c;
        double v = spec.value(r, c);
        xyz[0][i] = c;
        xyz[1][i] = r;
        xyz[2][i] = v;
        if (!Double.isNaN(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("values", xyz);
    Scale scale = new Scale(lo, hi);
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(scale);
    SymbolAxis columnAxis = symbolAxis(spec.xLabel(), spec.columnLabels());
    SymbolAxis rowAxis = symbolAxis(spec.yLabel(), spec.rowLabels());
    rowAxis.setInverted(true);
    XYPlot plot = new XYPlot(data, columnAxis, rowAxis, renderer);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setOutlineVisible(false);
    plot.addAnnotation(new Cells(spec, scale, sink), false);
    JFreeChart chart = new JFreeChart(spec.title().isEmpty() ? null : spec.title(), Theme.titleFont(), plot, false);
    NumberAxis scaleAxis = new NumberAxis(spec.scaleLabel().isEmpty() ? null : spec.scaleLabel());
    scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
    PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    legend.setStripWidth(14);
    legend.setStripOutlineVisible(false);
    legend.setSubdivisionCount(128);
    legend.setMargin(new RectangleInsets(20, 16, 20, 4));
    chart.addSubtitle(legend);
    Theme.apply(chart);
    Theme.axis(columnAxis);
    Theme.axis(rowAxis);
    Theme.axis(scaleAxis);
    // Column labels turn vertical when they would not fit side by side under their cells.
    double widest = spec.columnLabels().stream().mapToDouble(s -> Titles.width(s, Theme.plain(Theme.TICK_SIZE)))
        .max().orElse(0);
    columnAxis.setVerticalTickLabels(widest > 0.9 * (area.getWidth() - 260) / cols);
    Plots.draw(chart, g, area, sink);
  }

  private static SymbolAxis symbolAxis(String label, List<String> labels) {
    SymbolAxis axis = new SymbolAxis(label.isEmpty() ? null : label, labels.toArray(new String[0]));
    axis.setGridBandsVisible(false);
    axis.setTickMarksVisible(false);
    axis.setAutoRange(false);
    axis.setRange(-0.5, labels.size() - 0.5);
    return axis;
  }

  /** The sequential scale from the smallest to the largest value; NaN cells are light grey. */
  private record Scale(double lo, double hi) implements PaintScale {
    private static final Color MISSING = new Color(0xEEEEEE);

    @Override
    public double getLowerBound() {
      return lo;
    }

    @Override
    public double getUpperBound() {
      return hi > lo ? hi : lo + 1;
    }

    @Override
    public Paint getPaint(double value) {
      return colour(value);
    }

    Color colour(double value) {
      if (Double.isNaN(value)) {
        return MISSING;
      }
      return Palette.sequential(hi > lo ? (value - lo) / (hi - lo) : 0.5);
    }
  }

  /** Writes each cell's value when it fits, and reports every cell. */
  private static final class Cells extends OverlayAnnotation {
    private final transient Heatmap spec;
    private final transient Scale scale;
    private final transient ReportSink sink;

    Cells(Heatmap spec, Scale scale, ReportSink sink) {
      this.spec = spec;
      this.scale = scale;
      this.sink = sink;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis columnAxis, ValueAxis rowAxis,
                     int rendererIndex, PlotRenderingInfo info) {
      Font font = Theme.plain(Theme.TICK_SIZE);
      g2.setFont(font);
      FontMetrics fm = g2.getFontMetrics(font);
      for (int r = 0; r < spec.rows(); r++) {
        double y0 = rowAxis.valueToJava2D(r - 0.5, dataArea, plot.getRangeAxisEdge());
        double y1 = rowAxis.valueToJava2D(r + 0.5, dataArea, plot.getRangeAxisEdge());
        for (int c = 0; c < spec.columns(); c++) {
          double x0 = columnAxis.valueToJava2D(c - 0.5, dataArea, plot.getDomainAxisEdge());
          double x1 = columnAxis.valueToJava2D(c + 0.5, dataArea, plot.getDomainAxisEdge());
          Rectangle2D cell = new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0),
              Math.abs(y1 - y0));
          double v = spec.value(r, c);
          Color fill = scale.colour(v);
          sink.mark(Kind.CELL, 0, spec.rowLabels().get(r) + "|" + spec.columnLabels().get(c), fill, cell);
          if (spec.valueFormat().isEmpty() || Double.isNaN(v)) {
            continue;
          }
          String text = String.format(Locale.ROOT, spec.valueFormat(), v);
          double w = fm.stringWidth(text);
          if (w > cell.getWidth() - 4 || fm.getAscent() > cell.getHeight() - 2) {
            continue;
          }
          g2.setPaint(textOn(fill));
          g2.drawString(text, (float) (cell.getCenterX() - w / 2),
              (float) (cell.getCenterY() + (fm.getAscent() - fm.getDescent()) / 2.0));
        }
      }
    }

    /** @return dark or white text, whichever has the higher WCAG contrast ratio against {@code fill} */
    private static Color textOn(Color fill) {
      double l = luminance(fill);
      double dark = (l + 0.05) / (luminance(Theme.TEXT) + 0.05);
      double white = 1.05 / (l + 0.05);
      return dark >= white ? Theme.TEXT : Color.WHITE;
    }

    /** Relative luminance (sRGB, WCAG's formula), 0 for black to 1 for white. */
    private static double luminance(Color c) {
      return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
      double s = channel / 255.0;
      return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
  }
}
