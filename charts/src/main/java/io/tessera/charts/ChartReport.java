package io.tessera.charts;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Objects;

/**
 * What a rendered chart contains and where, in image pixels (origin top left): the plot areas, the legend, the
 * marks that carry the data (bars, dendrogram leaves and links, heatmap cells, point labels) and every piece of
 * text with the font it was drawn in. It lets tests and tools check a picture without guessing its layout, for
 * example that each Hangul label was drawn in a font that can display it.
 *
 * @param width     the image's width in pixels
 * @param height    the image's height in pixels
 * @param scale     pixels per logical pixel
 * @param plotAreas the data area of each panel (one for single-panel charts), in panel order
 * @param legend    the legend entries, in the order shown (empty when the chart has no legend)
 * @param marks     the data marks, in drawing order
 * @param texts     every text drawn, in drawing order
 */
public record ChartReport(int width, int height, double scale, List<Box> plotAreas, List<LegendEntry> legend,
                          List<Mark> marks, List<Text> texts) {

  /** Copies the lists. */
  public ChartReport {
    plotAreas = List.copyOf(plotAreas);
    legend = List.copyOf(legend);
    marks = List.copyOf(marks);
    texts = List.copyOf(texts);
  }

  /**
   * An axis-aligned rectangle in image pixels.
   *
   * @param x      left edge
   * @param y      top edge
   * @param width  width, at least 0
   * @param height height, at least 0
   */
  public record Box(double x, double y, double width, double height) {

    /** @return the right edge */
    public double maxX() {
      return x + width;
    }

    /** @return the bottom edge */
    public double maxY() {
      return y + height;
    }

    /** @return the horizontal centre */
    public double centerX() {
      return x + width / 2;
    }

    /** @return the vertical centre */
    public double centerY() {
      return y + height / 2;
    }

    /** @return whether the point lies inside or on the edge of this box */
    public boolean contains(double px, double py) {
      return px >= x && px <= maxX() && py >= y && py <= maxY();
    }

    /** @return whether the two boxes share interior area (touching edges do not count) */
    public boolean overlaps(Box other) {
      return x < other.maxX() && other.x < maxX() && y < other.maxY() && other.y < maxY();
    }
  }

  /**
   * One legend entry.
   *
   * @param label  the text shown
   * @param colour the colour of its swatch or marker
   * @param shape  the marker's name when the entry stands for a marker shape ({@code circle}, {@code square},
   *               ...), or empty for a colour swatch
   */
  public record LegendEntry(String label, Color colour, String shape) {
    /** Checks for nulls. */
    public LegendEntry {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(colour, "colour");
      Objects.requireNonNull(shape, "shape");
    }
  }

  /** What a {@link Mark} stands for. */
  public enum Kind {
    /** A bar of a bar panel; the label is the bar's label. */
    BAR,
    /** A dendrogram leaf at distance 0; the label is the leaf's label. */
    LEAF,
    /** A dendrogram merge (the bracket joining two clusters); the label is the new cluster's index. */
    LINK,
    /** A heatmap cell; the label is {@code row|column}. */
    CELL,
    /** A text label drawn beside a scatter point; the label is that text. */
    POINT_LABEL
  }

  /**
   * One data mark.
   *
   * @param kind   what it stands for
   * @param panel  the index of the panel it is drawn in (0 for single-panel charts)
   * @param label  its label (see {@link Kind})
   * @param colour its fill or line colour
   * @param bounds where it is drawn
   */
  public record Mark(Kind kind, int panel, String label, Color colour, Box bounds) {
    /** Checks for nulls. */
    public Mark {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(colour, "colour");
      Objects.requireNonNull(bounds, "bounds");
    }
  }

  /**
   * One piece of text as drawn.
   *
   * @param text   the characters (empty when the library drew pre-shaped glyphs whose text is not known)
   * @param font   the font it was drawn with
   * @param bounds its bounds
   */
  public record Text(String text, Font font, Box bounds) {
    /** Checks for nulls. */
    public Text {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(font, "font");
      Objects.requireNonNull(bounds, "bounds");
    }
  }

  /** @return the marks of one kind, in drawing order */
  public List<Mark> marks(Kind kind) {
    return marks.stream().filter(m -> m.kind() == kind).toList();
  }

  /** @return the texts that contain {@code fragment}, in drawing order */
  public List<Text> textsContaining(String fragment) {
    return texts.stream().filter(t -> t.text().contains(fragment)).toList();
  }
}
