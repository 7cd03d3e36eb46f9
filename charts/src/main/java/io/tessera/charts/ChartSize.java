package io.tessera.charts;

import io.tessera.api.BadInputException;

/**
 * The size of a chart in logical pixels (the units of layout and font sizes) and the scale of the PNG: an image
 * is {@code round(width * scale)} by {@code round(height * scale)} pixels. Scale 2 (the default) keeps lines and
 * text sharp on high-density screens and when zoomed in; the PNG records the matching resolution (72 dpi times
 * the scale) so viewers that honour it show the logical size.
 *
 * @param width  logical width, 100 to 10,000
 * @param height logical height, 100 to 10,000
 * @param scale  pixels per logical pixel, above 0 and at most 8
 */
public record ChartSize(int width, int height, double scale) {

  /** The default scale: sharp at 2x. */
  public static final double DEFAULT_SCALE = 2.0;

  /**
   * @throws BadInputException naming the component that is out of range
   */
  public ChartSize {
    if (width < 100 || width > 10_000) {
      throw BadInputException.parameter("width", "must be 100 to 10000 logical pixels, got " + width);
    }
    if (height < 100 || height > 10_000) {
      throw BadInputException.parameter("height", "must be 100 to 10000 logical pixels, got " + height);
    }
    if (!(scale > 0 && scale <= 8)) {
      throw BadInputException.parameter("scale", "must be above 0 and at most 8, got " + scale);
    }
  }

  /** @return a size of {@code width x height} logical pixels at the default scale */
  public static ChartSize of(int width, int height) {
    return new ChartSize(width, height, DEFAULT_SCALE);
  }

  /** @return this size at another scale */
  public ChartSize withScale(double newScale) {
    return new ChartSize(width, height, newScale);
  }

  /** @return the image's width in pixels */
  public int pixelWidth() {
    return (int) Math.round(width * scale);
  }

  /** @return the image's height in pixels */
  public int pixelHeight() {
    return (int) Math.round(height * scale);
  }
}
