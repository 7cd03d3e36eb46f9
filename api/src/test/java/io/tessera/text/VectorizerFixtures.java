package io.tessera.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** The scikit-learn fixtures under {@code src/test/resources/io/tessera/text/sklearn} (see the README there). */
final class VectorizerFixtures {
  private VectorizerFixtures() {
  }

  /** @return the file of the fixture {@code name} */
  static Path resource(String name) {
    try {
      return Path.of(VectorizerFixtures.class.getResource("sklearn/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("test resource sklearn/" + name + " is missing", e);
    }
  }

  /** @return the texts of the 60 IMDB reviews the scikit-learn fixture was made from */
  static List<String> imdbSample() {
    try {
      List<String> lines = Files.readAllLines(resource("imdb-test-sample.tsv"), StandardCharsets.UTF_8);
      List<String> texts = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        texts.add(line.split("\t", -1)[1]);
      }
      return texts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decompresses the gzipped fixture {@code name} into {@code dir} and returns the copy. */
  static Path gunzip(String name, Path dir) {
    Path out = dir.resolve(name.replaceFirst("\\.gz$", ""));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(resource(name)))) {
      Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * @return the shared data folder ({@code shared/data} next to an ancestor of the working directory), which holds
   *     the full corpora, if this checkout has one
   */
  static Optional<Path> sharedData() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path data = dir.resolve("shared").resolve("data");
      if (Files.isDirectory(data.resolve("corpora"))) {
        return Optional.of(data);
      }
    }
    return Optional.empty();
  }
}
