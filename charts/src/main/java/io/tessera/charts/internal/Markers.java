package io.tessera.charts.internal;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/** Scatter-plot marker shapes, centred on the origin, about {@value #SIZE} logical pixels across. */
final class Markers {
  static final double SIZE = 8;

  /** Names of {@link #ALL}, in the same order (the chart report names legend markers with these). */
  static final List<String> NAMES = List.of("circle", "square", "triangle", "diamond", "triangle-down", "cross");

  static final List<Shape> ALL = List.of(circle(), square(), triangleUp(), diamond(), triangleDown(), cross());

  private Markers() {
  }

  /** @return the marker of category {@code index}; categories past the end repeat the list */
  static Shape of(int index) {
    return ALL.get(index % ALL.size());
  }

  /** @return the name of the marker of category {@code index} */
  static String nameOf(int index) {
    return NAMES.get(index % NAMES.size());
  }

  private static Shape circle() {
    return new Ellipse2D.Double(-SIZE / 2, -SIZE / 2, SIZE, SIZE);
  }

  private static Shape square() {
    double s = SIZE * 0.85;
    return new Rectangle2D.Double(-s / 2, -s / 2, s, s);
  }

  private static Shape triangleUp() {
    double h = SIZE * 0.6;
    return polygon(0, -h, h, h * 0.8, -h, h * 0.8);
  }

  private static Shape triangleDown() {
    double h = SIZE * 0.6;
    return polygon(0, h, h, -h * 0.8, -h, -h * 0.8);
  }

  private static Shape diamond() {
    double h = SIZE * 0.62;
    return polygon(0, -h, h, 0, 0, h, -h, 0);
  }

  private static Shape cross() {
    double a = SIZE * 0.55;
    double b = SIZE * 0.18;
    return polygon(-b, -a, b, -a, b, -b, a, -b, a, b, b, b, b, a, -b, a, -b, b, -a, b, -a, -b, -b, -b);
  }

  private static Shape polygon(double... xy) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(xy[0], xy[1]);
    for (int i = 2; i < xy.length; i += 2) {
      p.lineTo(xy[i], xy[i + 1]);
    }
    p.closePath();
    return p;
  }
}
