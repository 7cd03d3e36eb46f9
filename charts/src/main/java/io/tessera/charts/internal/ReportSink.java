package io.tessera.charts.internal;

import io.tessera.charts.ChartReport;
import io.tessera.charts.ChartReport.Box;
import io.tessera.charts.ChartReport.Kind;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;

/**
 * Collects a chart's report while it is drawn. Painters give geometry in logical pixels (the graphics they draw on
 * is scaled but never translated, so logical coordinates are the image's divided by the scale); texts arrive from
 * {@link RecordingGraphics} already in image pixels.
 */
public final class ReportSink {
  private final double scale;
  private final List<Box> plotAreas = new ArrayList<>();
  private final List<ChartReport.LegendEntry> legend = new ArrayList<>();
  private final List<ChartReport.Mark> marks = new ArrayList<>();
  private final List<ChartReport.Text> texts = new ArrayList<>();

  /** @param scale image pixels per logical pixel */
  public ReportSink(double scale) {
    this.scale = scale;
  }

  /** Records a text drawn (already in image pixels). */
  public void text(RecordingGraphics.Text t) {
    Rectangle2D b = t.bounds();
    texts.add(new ChartReport.Text(t.text(), t.font(), new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight())));
  }

  /** Records a panel's data area, given in logical pixels. */
  void plotArea(Rectangle2D logical) {
    plotAreas.add(box(logical));
  }

  /** Records the legend items a plot shows. */
  void legend(LegendItemCollection items) {
    for (int i = 0; i < items.getItemCount(); i++) {
      LegendItem item = items.get(i);
      Paint paint = item.isShapeVisible() ? item.getFillPaint() : item.getLinePaint();
      Color colour = paint instanceof Color c ? c : Color.BLACK;
      String shape = item.getDescription() == null ? "" : item.getDescription();
      legend.add(new ChartReport.LegendEntry(item.getLabel(), colour, shape));
    }
  }

  /** Records a data mark whose bounds are given in logical pixels. */
  void mark(Kind kind, int panel, String label, Color colour, Rectangle2D logical) {
    marks.add(new ChartReport.Mark(kind, panel, label, colour, box(logical)));
  }

  private Box box(Rectangle2D r) {
    return new Box(r.getX() * scale, r.getY() * scale, r.getWidth() * scale, r.getHeight() * scale);
  }

  /** @return the report of an image of {@code width x height} pixels */
  public ChartReport build(int width, int height) {
    return new ChartReport(width, height, scale, plotAreas, legend, marks, texts);
  }
}
