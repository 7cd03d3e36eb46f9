package io.tessera.charts;

import java.awt.Color;
import java.util.List;

/**
 * The colours charts use. Categories (series, clusters, topics) take the Okabe–Ito palette, designed to stay
 * distinguishable with the common forms of colour blindness; it repeats after eight categories (scatter plots then
 * vary the marker shape too). Continuous values (heatmaps) take a perceptually uniform blue–green–yellow scale
 * (viridis) that stays ordered in grey scale and for colour-blind readers.
 */
public final class Palette {

  /** Okabe–Ito's eight colours, in the order categories use them; yellow and black last (weak on white, and black
   * reads as an axis). */
  public static final List<Color> OKABE_ITO = List.of(
      new Color(0x0072B2), // blue
      new Color(0xD55E00), // vermillion
      new Color(0x009E73), // bluish green
      new Color(0xCC79A7), // reddish purple
      new Color(0xE69F00), // orange
      new Color(0x56B4E9), // sky blue
      new Color(0xF0E442), // yellow
      new Color(0x000000)); // black

  /** The colour of lines and points that belong to no category (and of dendrogram links above the threshold). */
  public static final Color NEUTRAL = new Color(0x707070);

  /** Samples of viridis at 0, 1/8, ..., 1; values between are interpolated linearly in RGB. */
  private static final int[] VIRIDIS = {
      0x440154, 0x46327E, 0x365C8D, 0x277F8E, 0x1FA187, 0x4AC16D, 0x9FDA3A, 0xCFE11C, 0xFDE725};

  private Palette() {
  }

  /**
   * @param index a category's index, from 0
   * @return its colour; indices past the palette's end repeat it
   * @throws IllegalArgumentException when {@code index} is negative
   */
  public static Color categorical(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("category index must be >= 0, got " + index);
    }
    return OKABE_ITO.get(index % OKABE_ITO.size());
  }

  /**
   * @param t a position on the scale; values outside {@code [0, 1]} are clamped, NaN gives {@link #NEUTRAL}
   * @return the sequential (viridis) colour at {@code t}: dark blue at 0, yellow at 1
   */
  public static Color sequential(double t) {
    if (Double.isNaN(t)) {
      return NEUTRAL;
    }
    double x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
    int i = Math.min((int) x, VIRIDIS.length - 2);
    double f = x - i;
    int a = VIRIDIS[i];
    int b = VIRIDIS[i + 1];
    return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
  }

  private static int mix(int a, int b, double f) {
    int ca = a & 0xFF;
    int cb = b & 0xFF;
    return (int) Math.round(ca + (cb - ca) * f);
  }
}
