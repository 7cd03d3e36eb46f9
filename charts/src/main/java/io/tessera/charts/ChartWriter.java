package io.tessera.charts;

import io.tessera.charts.internal.Fonts;
import io.tessera.charts.internal.Painter;
import io.tessera.charts.internal.RecordingGraphics;
import io.tessera.charts.internal.ReportSink;
import io.tessera.io.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws {@link Chart}s into images and PNG files. Always headless: it draws into memory only and never opens a
 * window (it sets {@code java.awt.headless=true} unless the application chose otherwise before AWT started).
 * All text uses the bundled Hangul-capable font (see {@link #font()}). Thread-safe: every call draws on its own
 * image.
 *
 * <pre>{@code
 * ChartReport r = ChartWriter.writePng(LineChart.builder("Loss", "epoch", "loss")
 *     .series("training", trainLoss).series("validation", validLoss).build(), Path.of("loss.png"));
 * }</pre>
 */
public final class ChartWriter {

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** The PNG writer's native metadata format. */
  private static final String PNG_FORMAT = "javax_imageio_png_1.0";

  private ChartWriter() {
  }

  /** @return the size {@code chart} is drawn at when no size is given: room for its content at scale 2 */
  public static ChartSize defaultSize(Chart chart) {
    return Painter.defaultSize(Objects.requireNonNull(chart, "chart"));
  }

  /**
   * @return the font all chart text derives from: the bundled NanumGothic, or the logical {@code SansSerif} font
   *     when the bundled one could not be loaded (logged once as a warning)
   */
  public static Font font() {
    return Fonts.base();
  }

  /** @return {@code chart} drawn at its {@link #defaultSize default size} */
  public static RenderedChart render(Chart chart) {
    return render(chart, defaultSize(chart));
  }

  /** @return {@code chart} drawn at {@code size} */
  public static RenderedChart render(Chart chart, ChartSize size) {
    Objects.requireNonNull(chart, "chart");
    Objects.requireNonNull(size, "size");
    BufferedImage image = new BufferedImage(size.pixelWidth(), size.pixelHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D base = image.createGraphics();
    ReportSink sink = new ReportSink(size.scale());
    try {
      base.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      base.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      base.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      base.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      base.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      base.setColor(Color.WHITE);
      base.fillRect(0, 0, image.getWidth(), image.getHeight());
      base.scale(size.scale(), size.scale());
      Painter.paint(chart, new RecordingGraphics(base, sink::text), size.width(), size.height(), sink);
    } finally {
      base.dispose();
    }
    return new RenderedChart(image, sink.build(image.getWidth(), image.getHeight()));
  }

  /**
   * Draws {@code chart} at its default size and writes it to {@code file} as a PNG, atomically: the file is
   * complete or absent (an existing file stays as it was if anything fails).
   *
   * @return the report of what was drawn where
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public static ChartReport writePng(Chart chart, Path file) {
    return writePng(chart, file, defaultSize(chart));
  }

  /**
   * Draws {@code chart} at {@code size} and writes it to {@code file} as a PNG, atomically.
   *
   * @return the report of what was drawn where
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public static ChartReport writePng(Chart chart, Path file, ChartSize size) {
    Objects.requireNonNull(file, "file");
    RenderedChart rendered = render(chart, size);
    AtomicFiles.write(file, out -> {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
      try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(stream);
        writer.write(null, new IIOImage(rendered.image(), null, resolution(writer, rendered.image(), size)), null);
      } finally {
        writer.dispose();
      }
    });
    return rendered.report();
  }

  /**
   * PNG metadata saying the image has {@code 72 * scale} pixels per inch, so it shows at its logical size. Written
   * as the PNG's own pHYs chunk: the JDK's standard-format pixel size for PNG is read and written inverted.
   */
  private static IIOMetadata resolution(ImageWriter writer, BufferedImage image, ChartSize size) throws IOException {
    IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
    String perMetre = Long.toString(Math.round(72 * size.scale() / 0.0254));
    IIOMetadataNode phys = new IIOMetadataNode("pHYs");
    phys.setAttribute("pixelsPerUnitXAxis", perMetre);
    phys.setAttribute("pixelsPerUnitYAxis", perMetre);
    phys.setAttribute("unitSpecifier", "meter");
    IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
    root.appendChild(phys);
    try {
      meta.mergeTree(PNG_FORMAT, root);
    } catch (IIOInvalidTreeException e) {
      throw new IOException("cannot set the PNG resolution: " + e.getMessage(), e);
    }
    return meta;
  }
}
