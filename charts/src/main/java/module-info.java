/**
 * PNG charts for Tessera: immutable chart specifications ({@link io.tessera.charts.LineChart},
 * {@link io.tessera.charts.ScatterChart}, {@link io.tessera.charts.BarPanels}, {@link io.tessera.charts.Dendrogram},
 * {@link io.tessera.charts.Heatmap}) and {@link io.tessera.charts.ChartWriter}, which draws them headless with a
 * bundled Hangul-capable font and writes PNG files atomically. Kept out of {@code io.tessera.api} so that the core
 * needs no AWT.
 */
module io.tessera.charts {
  // Transitive: the public API hands out java.awt types (Color, Font, BufferedImage, Rectangle2D).
  requires transitive java.desktop;
  requires io.tessera.api;
  requires org.jfree.jfreechart;
  requires org.slf4j;

  exports io.tessera.charts;
}
