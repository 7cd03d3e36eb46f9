package io.tessera.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.charts.ChartReport.Box;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks on rendered charts shared by the chart tests: pixels, text fonts, layout. */
final class ChartAssertions {
  private ChartAssertions() {
  }

  /** @return how many pixels inside {@code box} have exactly each of {@code colours} (colours never seen omitted) */
  static Map<Color, Integer> colourCounts(BufferedImage image, Box box, Collection<Color> colours) {
    Map<Color, Integer> counts = new LinkedHashMap<>();
    int x0 = (int) Math.ceil(box.x());
    int y0 = (int) Math.ceil(box.y());
    int x1 = Math.min(image.getWidth(), (int) Math.floor(box.maxX()));
    int y1 = Math.min(image.getHeight(), (int) Math.floor(box.maxY()));
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        for (Color c : colours) {
          if ((c.getRGB() & 0xFFFFFF) == rgb) {
            counts.merge(c, 1, Integer::sum);
          }
        }
      }
    }
    return counts;
  }

  /** @return the palette colours with at least {@code min} pixels inside {@code box}, in palette order */
  static List<Color> paletteColoursIn(BufferedImage image, Box box, int min) {
    Map<Color, Integer> counts = colourCounts(image, box, Palette.OKABE_ITO);
    return Palette.OKABE_ITO.stream().filter(c -> counts.getOrDefault(c, 0) >= min).toList();
  }

  /** @return whether some pixel inside {@code box} is within {@code tolerance} of {@code colour} in every channel */
  static boolean hasColourNear(BufferedImage image, Box box, Color colour, int tolerance) {
    for (int y = (int) Math.ceil(box.y()); y < Math.min(image.getHeight(), box.maxY()); y++) {
      for (int x = (int) Math.ceil(box.x()); x < Math.min(image.getWidth(), box.maxX()); x++) {
        Color c = new Color(image.getRGB(x, y) & 0xFFFFFF);
        if (Math.abs(c.getRed() - colour.getRed()) <= tolerance && Math.abs(c.getGreen() - colour.getGreen())
            <= tolerance && Math.abs(c.getBlue() - colour.getBlue()) <= tolerance) {
          return true;
        }
      }
    }
    return false;
  }

  /** @return the colour of the pixel nearest to {@code (x, y)} */
  static Color pixel(BufferedImage image, double x, double y) {
    return new Color(image.getRGB((int) Math.floor(x), (int) Math.floor(y)) & 0xFFFFFF);
  }

  /** Every text of the chart was drawn in the bundled Hangul font (the font set on every text element). */
  static void allTextInBundledFont(ChartReport report) {
    assertThat(report.texts()).isNotEmpty();
    String family = ChartWriter.font().getFamily(Locale.ROOT);
    assertThat(report.texts()).allSatisfy(t -> assertThat(t.font().getFamily(Locale.ROOT))
        .as("font of '%s'", t.text()).isEqualTo(family));
  }

  /** Texts containing {@code fragment} were drawn, each in a font that can display all of its characters. */
  static void drawnDisplayably(ChartReport report, String fragment) {
    List<ChartReport.Text> texts = report.textsContaining(fragment);
    assertThat(texts).as("texts containing '%s'", fragment).isNotEmpty();
    assertThat(texts).allSatisfy(t -> assertThat(t.font().canDisplayUpTo(t.text()))
        .as("first undisplayable character of '%s' in %s", t.text(), t.font()).isEqualTo(-1));
  }

  /** No two boxes share area. */
  static void noOverlaps(List<Box> boxes) {
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        assertThat(boxes.get(i).overlaps(boxes.get(j))).as("%s overlaps %s", boxes.get(i), boxes.get(j)).isFalse();
      }
    }
  }

  /** @return the texts drawn entirely inside {@code band} that match {@code regex} */
  static List<ChartReport.Text> textsIn(ChartReport report, Box band, String regex) {
    return report.texts().stream().filter(t -> t.text().matches(regex))
        .filter(t -> band.contains(t.bounds().x(), t.bounds().y()) && band.contains(t.bounds().maxX(),
            t.bounds().maxY()))
        .toList();
  }

  /** @return the band of the image below {@code area} (where x tick labels go) */
  static Box below(ChartReport report, Box area) {
    return new Box(0, area.maxY(), report.width(), report.height() - area.maxY());
  }

  /** @return the band of the image left of {@code area} (where y tick labels go) */
  static Box leftOf(Box area) {
    return new Box(0, area.y() - 20, area.x(), area.height() + 40);
  }
}
