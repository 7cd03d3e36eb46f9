package io.tessera.charts.internal;

import io.tessera.charts.BarPanels;
import io.tessera.charts.ChartReport.Kind;
import io.tessera.charts.Palette;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws {@link BarPanels}: the overall title, then one JFreeChart horizontal bar chart per grid cell, each with the
 * value written at the end of its bars. The value axis is labelled only under the bottom row of panels.
 */
final class BarPanelsPainter {
  /** Logical pixels per bar in the default size, and the gap between panels. */
  static final int BAR_HEIGHT = 24;
  static final int PANEL_WIDTH = 330;
  static final int GAP = 12;

  private BarPanelsPainter() {
  }

  static void paint(BarPanels spec, Graphics2D g, Rectangle2D area, ReportSink sink) {
    double top = area.getY();
    if (!spec.title().isEmpty()) {
      top += Titles.draw(g, spec.title(), area);
    }
    int cols = spec.columns();
    int rows = spec.rows();
    double cellW = (area.getWidth() - GAP * (cols - 1)) / cols;
    double cellH = (area.getMaxY() - top - GAP * (rows - 1)) / rows;
    double[] range = sharedRange(spec);
    // One width for the word labels of every panel, so equal values get equal bar lengths in every panel.
    double labelWidth = 12 + spec.panels().stream().flatMap(p -> p.bars().stream())
        .mapToDouble(b -> Titles.width(b.label(), Theme.plain(Theme.TICK_SIZE))).max().orElse(0);
    for (int i = 0; i < spec.panels().size(); i++) {
      int r = i / cols;
      int c = i % cols;
      Rectangle2D cell = new Rectangle2D.Double(area.getX() + c * (cellW + GAP), top + r * (cellH + GAP), cellW,
          cellH);
      boolean bottomRow = i + cols >= spec.panels().size();
      panel(spec, i, bottomRow, range, labelWidth, g, cell, sink);
    }
  }

  private static void panel(BarPanels spec, int index, boolean bottomRow, double[] sharedRange, double labelWidth,
                            Graphics2D g, Rectangle2D cell, ReportSink sink) {
    BarPanels.Panel panel = spec.panels().get(index);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (BarPanels.Bar bar : panel.bars()) {
      data.addValue(bar.value(), panel.title(), bar.label());
    }
    CategoryAxis words = new CategoryAxis(null);
    words.setCategoryMargin(0.25);
    words.setLowerMargin(0.02);
    words.setUpperMargin(0.02);
    NumberAxis values = new NumberAxis(bottomRow ? spec.valueLabel() : null);
    double[] range = spec.sharedScale() ? sharedRange : range(panel);
    values.setRange(range[0], range[1]);
    Color colour = Palette.categorical(index);
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setItemMargin(0);
    renderer.setSeriesPaint(0, colour);
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", valueFormat(spec, range)));
    renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
        TextAnchor.CENTER_LEFT));
    renderer.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9,
        TextAnchor.CENTER_RIGHT));
    renderer.setItemLabelInsets(new RectangleInsets(3, 3, 3, 3));
    CategoryPlot plot = new CategoryPlot(data, words, values, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    // Words down the left, values along the bottom (a category plot's default puts the values on top).
    plot.setDomainAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    AxisSpace wordSpace = new AxisSpace();
    wordSpace.setLeft(labelWidth);
    plot.setFixedDomainAxisSpace(wordSpace);
    plot.setDomainGridlinesVisible(false);
    plot.setOutlineVisible(false);
    JFreeChart chart = new JFreeChart(null, Theme.titleFont(), plot, false);
    Theme.apply(chart);
    Theme.axis(values);
    words.setTickLabelFont(Theme.plain(Theme.TICK_SIZE));
    words.setTickLabelPaint(Theme.TEXT);
    words.setAxisLinePaint(Theme.AXIS);
    renderer.setDefaultItemLabelFont(Theme.plain(Theme.NOTE_SIZE));
    renderer.setDefaultItemLabelPaint(Theme.TEXT);
    TextTitle title = new TextTitle(panel.title(), Fonts.of(Font.BOLD, Theme.LABEL_SIZE));
    title.setPaint(colour.equals(Palette.OKABE_ITO.get(6)) ? Theme.TEXT : colour.darker());
    title.setPadding(new RectangleInsets(2, 2, 4, 2));
    chart.setTitle(title);
    ChartRenderingInfo info = Plots.draw(chart, g, cell, sink);
    for (Object o : info.getEntityCollection().getEntities()) {
      ChartEntity e = (ChartEntity) o;
      if (e instanceof CategoryItemEntity item) {
        sink.mark(Kind.BAR, index, String.valueOf(item.getColumnKey()), colour, item.getArea().getBounds2D());
      }
    }
  }

  /** @return the value range of every panel together, with room at the far end for the value labels */
  private static double[] sharedRange(BarPanels spec) {
    double lo = 0;
    double hi = 0;
    for (BarPanels.Panel p : spec.panels()) {
      double[] r = extent(p);
      lo = Math.min(lo, r[0]);
      hi = Math.max(hi, r[1]);
    }
    return padded(lo, hi);
  }

  private static double[] range(BarPanels.Panel panel) {
    double[] r = extent(panel);
    return padded(r[0], r[1]);
  }

  private static double[] extent(BarPanels.Panel panel) {
    double lo = 0;
    double hi = 0;
    for (BarPanels.Bar b : panel.bars()) {
      lo = Math.min(lo, b.value());
      hi = Math.max(hi, b.value());
    }
    return new double[] {lo, hi};
  }

  private static double[] padded(double lo, double hi) {
    double span = hi - lo;
    if (span == 0) {
      return new double[] {0, 1};
    }
    // Room for the value written at the end of the longest bar.
    return new double[] {lo < 0 ? lo - 0.22 * span : 0, hi > 0 ? hi + 0.22 * span : 0};
  }

  /**
   * @return a format for the values at the ends of the bars: whole numbers (counts) without decimals, other values
   *     with about three significant digits for this range
   */
  private static DecimalFormat valueFormat(BarPanels spec, double[] range) {
    boolean whole = spec.panels().stream().flatMap(p -> p.bars().stream())
        .allMatch(b -> b.value() == Math.rint(b.value()));
    double magnitude = Math.max(Math.abs(range[0]), Math.abs(range[1]));
    int decimals = whole || magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 0.1 ? 2 : 3;
    return new DecimalFormat(decimals == 0 ? "#,##0" : "0." + "0".repeat(decimals),
        DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  /** @return the logical height a panel of {@code bars} bars needs */
  static int panelHeight(int bars) {
    return 64 + BAR_HEIGHT * bars;
  }

}
