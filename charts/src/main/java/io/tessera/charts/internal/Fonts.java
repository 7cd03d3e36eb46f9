package io.tessera.charts.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one typeface every chart draws its text with: NanumGothic (SIL Open Font Licence 1.1, see
 * {@code fonts/LICENSE-OFL.txt} beside it), bundled so that Hangul renders on a machine without Korean fonts.
 * The font is created from the resource with {@link Font#createFont} and used as a {@code Font} object;
 * registering it with the graphics environment would not help, because registration is refused when a family of
 * the same name is installed. When the resource cannot be read the logical {@code SansSerif} font is used instead
 * and one warning is logged; Hangul may then show as empty boxes.
 */
public final class Fonts {
  private static final Logger LOG = LoggerFactory.getLogger(Fonts.class);

  /** The bundled font's resource, relative to this class. */
  static final String BUNDLED = "fonts/NanumGothic.ttf";

  private Fonts() {
  }

  /** Loaded on first use, once per JVM: the TTF is 4.7 MB and parsing it takes a noticeable moment. */
  private static final class Holder {
    static final Font BASE = load(BUNDLED);
  }

  /** @return the base font (size 1 pt, plain) that every chart text derives from */
  public static Font base() {
    return Holder.BASE;
  }

  /** @return the base font at {@code size} points in {@code style} ({@link Font#PLAIN}, {@link Font#BOLD}) */
  public static Font of(int style, float size) {
    return base().deriveFont(style, size);
  }

  /**
   * Creates a font from a TrueType resource next to this class, or falls back to the logical sans-serif font with
   * one warning naming the reason.
   *
   * @param resource the resource path relative to this class
   * @return the loaded font, or the fallback
   */
  static Font load(String resource) {
    try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
      if (in == null) {
        return fallback("resource " + resource + " is missing from the charts module");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(Font.PLAIN, 1f);
    } catch (IOException | FontFormatException e) {
      return fallback("cannot read " + resource + ": " + e.getMessage());
    }
  }

  private static Font fallback(String reason) {
    LOG.warn("charts: bundled Hangul font unavailable ({}); using the logical SansSerif font, Korean text may show "
        + "as empty boxes", reason);
    return new Font(Font.SANS_SERIF, Font.PLAIN, 1);
  }
}
