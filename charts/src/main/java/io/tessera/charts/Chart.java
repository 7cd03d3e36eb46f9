package io.tessera.charts;

/**
 * An immutable description of one chart: what to show, not how to draw it. {@link ChartWriter} turns it into
 * pixels. Every chart has a title; the permitted types are the chart kinds Tessera draws.
 */
public sealed interface Chart permits LineChart, ScatterChart, BarPanels, Dendrogram, Heatmap {

  /** @return the title drawn above the chart (may be empty, never null) */
  String title();
}
