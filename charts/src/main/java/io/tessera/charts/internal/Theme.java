package io.tessera.charts.internal;

import io.tessera.charts.Palette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look every chart shares: the bundled font at four sizes on every text element JFreeChart draws, white
 * backgrounds, light grid lines, the Okabe–Ito colours, no shadows or gradients.
 */
public final class Theme {
  /** Chart titles. */
  public static final float TITLE_SIZE = 18f;
  /** Panel titles and axis labels. */
  public static final float LABEL_SIZE = 14f;
  /** Tick labels and legend items. */
  public static final float TICK_SIZE = 12f;
  /** Point labels and cell values. */
  public static final float NOTE_SIZE = 11f;

  /** Text colour: near black, softer than pure black beside the data. */
  public static final Color TEXT = new Color(0x222222);
  /** Grid line colour. */
  public static final Color GRID = new Color(0xDDDDDD);
  /** Axis line colour. */
  public static final Color AXIS = new Color(0x888888);

  static {
    // JFreeChart's default draws rotated text (the y axis label) through a TextLayout, which reaches the graphics
    // as glyphs without their characters; drawing it as a string lets the chart report which font drew it.
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private Theme() {
  }

  /** @return the bundled font, bold, at the title size */
  public static Font titleFont() {
    return Fonts.of(Font.BOLD, TITLE_SIZE);
  }

  /** @return the bundled font at {@code size} points */
  public static Font plain(float size) {
    return Fonts.of(Font.PLAIN, size);
  }

  /**
   * Applies the shared look to {@code chart} (fonts of the titles, legend, axes and tick labels; paints).
   *
   * @return the chart
   */
  public static JFreeChart apply(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("tessera", false);
    theme.setExtraLargeFont(titleFont());
    theme.setLargeFont(plain(LABEL_SIZE));
    theme.setRegularFont(plain(TICK_SIZE));
    theme.setSmallFont(plain(NOTE_SIZE));
    theme.setTitlePaint(TEXT);
    theme.setSubtitlePaint(TEXT);
    theme.setAxisLabelPaint(TEXT);
    theme.setTickLabelPaint(TEXT);
    theme.setItemLabelPaint(TEXT);
    theme.setLegendItemPaint(TEXT);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setPlotOutlinePaint(AXIS);
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setGridBandPaint(Color.WHITE);
    theme.setGridBandAlternatePaint(Color.WHITE);
    theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
    theme.setShadowVisible(false);
    theme.setBarPainter(new StandardBarPainter());
    theme.setXYBarPainter(new StandardXYBarPainter());
    theme.setDrawingSupplier(new DefaultDrawingSupplier(
        Palette.OKABE_ITO.toArray(new Paint[0]),
        new Paint[] {Color.WHITE},
        Palette.OKABE_ITO.toArray(new Paint[0]),
        new Stroke[] {new BasicStroke(2f)},
        new Stroke[] {new BasicStroke(0.6f)},
        DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
    // The theme clears series paints and strokes of renderers that auto-populate them, and the drawing supplier
    // then hands colours out in drawing order (last series first); the painters set every series explicitly.
    Plot plot = chart.getPlot();
    int renderers = plot instanceof XYPlot xy ? xy.getRendererCount()
        : plot instanceof CategoryPlot cat ? cat.getRendererCount() : 0;
    for (int i = 0; i < renderers; i++) {
      Object renderer = plot instanceof XYPlot xy ? xy.getRenderer(i) : ((CategoryPlot) plot).getRenderer(i);
      if (renderer instanceof AbstractRenderer r) {
        r.setAutoPopulateSeriesPaint(false);
        r.setAutoPopulateSeriesStroke(false);
      }
    }
    theme.apply(chart);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setBackgroundPaint(Color.WHITE);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setFrame(BlockBorder.NONE);
      legend.setItemFont(plain(TICK_SIZE));
      // Room after each label, so that side-by-side entries do not run into each other.
      legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 18));
    }
    if (chart.getTitle() != null) {
      chart.getTitle().setFont(titleFont());
      chart.getTitle().setPadding(new RectangleInsets(4, 4, 10, 4));
    }
    return chart;
  }

  /** Styles an axis: the bundled font for label and ticks, grey axis line and tick marks. */
  public static void axis(ValueAxis axis) {
    axis.setLabelFont(plain(LABEL_SIZE));
    axis.setTickLabelFont(plain(TICK_SIZE));
    axis.setLabelPaint(TEXT);
    axis.setTickLabelPaint(TEXT);
    axis.setAxisLinePaint(AXIS);
    axis.setTickMarkPaint(AXIS);
  }

}
