package io.tessera.charts;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A chart drawn in memory: the image and the report of what it shows where.
 *
 * @param image  the picture (RGB, white background); owned by the caller
 * @param report the layout report, in the image's pixels
 */
public record RenderedChart(BufferedImage image, ChartReport report) {
  /** Checks for nulls. */
  public RenderedChart {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(report, "report");
  }
}
