package io.tessera.charts;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the example PNG of each chart kind shown in the README to {@code docs/img/} (or the folder given as the
 * first argument), from the same real samples the tests use. Run it by hand after a change to the look of the
 * charts; docs/img/README.md has the command.
 */
public final class DocsImages {
  private DocsImages() {
  }

  /**
   * @param args optional output folder (default {@code docs/img})
   * @throws Exception when a file cannot be written
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "docs/img");
    Files.createDirectories(dir);
    ChartWriter.writePng(Examples.lossPerEpoch(40), dir.resolve("line-loss.png"));
    ChartWriter.writePng(Examples.forecastVsActual(), dir.resolve("line-forecast.png"));
    ChartWriter.writePng(Examples.irisPetals(), dir.resolve("scatter-iris.png"));
    ChartWriter.writePng(Examples.wordMap(), dir.resolve("scatter-words.png"));
    ChartWriter.writePng(Examples.topWordsPerYear(8), dir.resolve("bars-top-words.png"));
    ChartWriter.writePng(Examples.usArrests(), dir.resolve("dendrogram-usarrests.png"));
    ChartWriter.writePng(Examples.irisConfusion(), dir.resolve("heatmap-confusion.png"));
  }
}
