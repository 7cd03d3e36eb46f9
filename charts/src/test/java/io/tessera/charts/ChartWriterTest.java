package io.tessera.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tessera.api.BadInputException;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartWriterTest {

  @Test
  void theBundledFontIsNanumGothicAndDisplaysHangul() {
    Font font = ChartWriter.font();

    assertThat(font.getFamily(Locale.ROOT)).isEqualTo("NanumGothic");
    assertThat(font.canDisplayUpTo("시민제안 붓꽃 ABC 0123 (°C)")).isEqualTo(-1);
  }

  @Test
  void writesACompletePngAndLeavesNoTemporaryFileBehind(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("loss.png");
    Files.writeString(file, "an older file that the chart replaces");

    ChartReport report = ChartWriter.writePng(Examples.lossPerEpoch(10), file, ChartSize.of(640, 400));

    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).isEqualTo(1280).isEqualTo(report.width());
    assertThat(image.getHeight()).isEqualTo(800).isEqualTo(report.height());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void thePngSaysItsResolutionIs72DpiTimesTheScale(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("loss.png");
    ChartWriter.writePng(Examples.lossPerEpoch(10), file, new ChartSize(640, 400, 2));

    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      // The PNG's own pHYs chunk (the JDK's reading of it into the standard tree is inverted, so read it raw).
      IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
      IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
      assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
      double dotsPerInch = Double.parseDouble(phys.getAttribute("pixelsPerUnitXAxis")) * 0.0254;
      assertThat(dotsPerInch).isCloseTo(144, within(0.5));
      reader.dispose();
    }
  }

  @Test
  void aFileThatCannotBeWrittenIsNamedInTheError(@TempDir Path dir) throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
    Path target = notADirectory.resolve("chart.png");

    assertThatThrownBy(() -> ChartWriter.writePng(Examples.lossPerEpoch(5), target))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining(target.toString());
  }

  @Test
  void doublingTheScaleDoublesEveryDimensionSoTheImageStaysSharp() {
    LineChart chart = Examples.lossPerEpoch(20);
    ChartReport one = ChartWriter.render(chart, new ChartSize(800, 500, 1)).report();
    ChartReport two = ChartWriter.render(chart, new ChartSize(800, 500, 2)).report();

    assertThat(two.width()).isEqualTo(2 * one.width());
    assertThat(two.height()).isEqualTo(2 * one.height());
    assertThat(two.plotAreas().get(0).width()).isCloseTo(2 * one.plotAreas().get(0).width(), within(2.0));
    double titleOne = one.textsContaining("학습 손실").get(0).bounds().width();
    double titleTwo = two.textsContaining("학습 손실").get(0).bounds().width();
    assertThat(titleTwo).isCloseTo(2 * titleOne, within(0.03 * titleTwo));
  }

  @Test
  void sizesOutsideTheirRangeAreRejectedNamingTheParameter() {
    assertThatThrownBy(() -> ChartSize.of(50, 400))
        .isInstanceOf(BadInputException.class)
        .hasMessage("parameter 'width': must be 100 to 10000 logical pixels, got 50");
    assertThatThrownBy(() -> new ChartSize(400, 400, 0))
        .isInstanceOf(BadInputException.class).hasMessageContaining("parameter 'scale'");
  }

  @Test
  void defaultSizesGrowWithTheContent() {
    assertThat(ChartWriter.defaultSize(Examples.usArrests()).height()).isGreaterThan(50 * 15);
    assertThat(ChartWriter.defaultSize(Examples.topWordsPerYear(8)).height())
        .isGreaterThan(ChartWriter.defaultSize(Examples.topWordsPerYear(3)).height());
  }
}
