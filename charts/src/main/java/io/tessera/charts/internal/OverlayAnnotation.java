package io.tessera.charts.internal;

import org.jfree.chart.annotations.AbstractXYAnnotation;

/**
 * Base of the Java2D overlays drawn inside JFreeChart plots (point labels, dendrogram links, heatmap values).
 * Each instance belongs to one rendering and reports to that rendering's sink, so two overlays are equal only
 * when they are the same object.
 */
abstract class OverlayAnnotation extends AbstractXYAnnotation {

  @Override
  public final boolean equals(Object o) {
    return o == this;
  }

  @Override
  public final int hashCode() {
    return System.identityHashCode(this);
  }
}
