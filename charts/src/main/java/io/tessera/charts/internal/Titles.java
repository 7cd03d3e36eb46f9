package io.tessera.charts.internal;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;

/** Text drawn by hand (outside JFreeChart): overall titles of multi-panel charts, and text measurement. */
final class Titles {
  /** Antialiased, fractional metrics: what the charts' graphics use, so estimates match the drawing. */
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private Titles() {
  }

  /**
   * Draws {@code text} centred at the top of {@code area} in the title font.
   *
   * @return the height used, including the space below the title
   */
  static double draw(Graphics2D g, String text, Rectangle2D area) {
    Font font = Theme.titleFont();
    g.setFont(font);
    g.setPaint(Theme.TEXT);
    FontMetrics fm = g.getFontMetrics(font);
    double x = area.getCenterX() - fm.stringWidth(text) / 2.0;
    double y = area.getY() + 4 + fm.getAscent();
    g.drawString(text, (float) x, (float) y);
    return 4 + fm.getAscent() + fm.getDescent() + 12;
  }

  /** @return the width of {@code text} in {@code font}, in logical pixels */
  static double width(String text, Font font) {
    return font.getStringBounds(text, FRC).getWidth();
  }
}
