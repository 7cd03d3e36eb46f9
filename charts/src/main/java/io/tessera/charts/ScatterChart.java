package io.tessera.charts;

import io.tessera.api.BadInputException;
import io.tessera.charts.internal.NaturalOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scatter plot whose points are coloured by a category (cluster, class, topic), optionally shaped by a second
 * category (for example the reference species of a clustered flower) and optionally labelled with a text beside
 * the point (the words of an embedding map). Categories are ordered naturally ({@code cluster 2} before
 * {@code cluster 10}); each gets a {@link Palette} colour and a legend entry, and each shape category a marker
 * shape and a legend entry of its own. Labels are placed in the order of the points, beside their point where
 * they cover no marker and no label already placed, and are left out when no such place is free: a crowded map
 * stays readable (list the points whose labels matter most first).
 *
 * @param title       the title (may be empty)
 * @param xLabel      the x axis label
 * @param yLabel      the y axis label
 * @param points      the points, at least one
 */
public record ScatterChart(String title, String xLabel, String yLabel, List<Point> points) implements Chart {

  /**
   * One point.
   *
   * @param x     its x value (finite)
   * @param y     its y value (finite)
   * @param group the colour category
   * @param shape the shape category, or empty for none
   * @param label the text drawn beside the point, or empty for none
   */
  public record Point(double x, double y, String group, String shape, String label) {
    /**
     * @throws BadInputException when a coordinate is not finite
     */
    public Point {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(shape, "shape");
      Objects.requireNonNull(label, "label");
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw BadInputException.parameter("points", "point (" + x + ", " + y + ") of group '" + group
            + "' is not finite");
      }
    }
  }

  /**
   * Copies the points.
   *
   * @throws BadInputException when there are no points
   */
  public ScatterChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    Objects.requireNonNull(yLabel, "yLabel");
    points = List.copyOf(points);
    if (points.isEmpty()) {
      throw BadInputException.parameter("points", "a scatter plot needs at least one point");
    }
  }

  /** @return the colour categories in legend order (natural order of their names) */
  public List<String> groups() {
    return points.stream().map(Point::group).distinct().sorted(NaturalOrder.INSTANCE).toList();
  }

  /** @return the shape categories in legend order, empty when no point has one */
  public List<String> shapes() {
    return points.stream().map(Point::shape).filter(s -> !s.isEmpty()).distinct().sorted(NaturalOrder.INSTANCE)
        .toList();
  }

  /**
   * @param title  the title (may be empty)
   * @param xLabel the x axis label
   * @param yLabel the y axis label
   * @return a builder of a chart with these labels
   */
  public static Builder builder(String title, String xLabel, String yLabel) {
    return new Builder(title, xLabel, yLabel);
  }

  /** Builds a {@link ScatterChart}. */
  public static final class Builder {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Point> points = new ArrayList<>();

    private Builder(String title, String xLabel, String yLabel) {
      this.title = title;
      this.xLabel = xLabel;
      this.yLabel = yLabel;
    }

    /** @return this builder, with an unlabelled point of colour category {@code group} */
    public Builder point(double x, double y, String group) {
      return point(new Point(x, y, group, "", ""));
    }

    /** @return this builder, with a point of colour category {@code group} labelled {@code label} */
    public Builder labelledPoint(double x, double y, String group, String label) {
      return point(new Point(x, y, group, "", label));
    }

    /** @return this builder, with {@code point} added */
    public Builder point(Point point) {
      points.add(Objects.requireNonNull(point, "point"));
      return this;
    }

    /** @return the chart */
    public ScatterChart build() {
      return new ScatterChart(title, xLabel, yLabel, points);
    }
  }
}
