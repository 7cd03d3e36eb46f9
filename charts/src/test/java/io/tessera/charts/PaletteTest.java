package io.tessera.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class PaletteTest {

  @Test
  void categoriesTakeTheEightOkabeItoColoursAndThenRepeat() {
    assertThat(Palette.OKABE_ITO).hasSize(8).doesNotHaveDuplicates();
    assertThat(Palette.categorical(0)).isEqualTo(new Color(0x0072B2));
    assertThat(Palette.categorical(8)).isEqualTo(Palette.categorical(0));
    assertThatThrownBy(() -> Palette.categorical(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSequentialScaleRunsFromViridisDarkToLightAndGetsSteadilyLighter() {
    assertThat(Palette.sequential(0)).isEqualTo(new Color(0x440154));
    assertThat(Palette.sequential(1)).isEqualTo(new Color(0xFDE725));
    assertThat(Palette.sequential(-3)).isEqualTo(Palette.sequential(0));
    assertThat(Palette.sequential(Double.NaN)).isEqualTo(Palette.NEUTRAL);
    double previous = -1;
    for (int i = 0; i <= 100; i++) {
      Color c = Palette.sequential(i / 100.0);
      double lightness = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
      assertThat(lightness).as("lightness at %d%%", i).isGreaterThanOrEqualTo(previous);
      previous = lightness;
    }
  }
}
