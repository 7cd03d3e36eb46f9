package io.tessera.charts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FontsTest {

  @Test
  void theBundledFontLoadsFromTheModuleWithoutAnyInstalledFont() {
    Font font = Fonts.load(Fonts.BUNDLED);

    assertThat(font.getFamily(Locale.ROOT)).isEqualTo("NanumGothic");
    assertThat(font.canDisplayUpTo("한국어 라벨")).isEqualTo(-1);
  }

  @Test
  void aMissingResourceFallsBackToTheLogicalSansSerifFont() {
    Font font = Fonts.load("fonts/no-such-font.ttf");

    assertThat(font.getFamily(Locale.ROOT)).isEqualTo(Font.SANS_SERIF);
  }

  @Test
  void aResourceThatIsNoFontFallsBackToo() {
    Font font = Fonts.load("fonts/LICENSE-OFL.txt");

    assertThat(font.getFamily(Locale.ROOT)).isEqualTo(Font.SANS_SERIF);
  }
}
