package io.tessera.text.korean;

import io.tessera.io.TextCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real Korean samples under {@code src/test/resources/io/tessera/text/korean} (see the README there). */
final class Samples {
  private Samples() {
  }

  /** @return the first 20 NSMC review texts */
  static List<String> nsmc() {
    return column("nsmc-train-sample.tsv", "document");
  }

  /** @return five Seoul citizens' proposals (their text column) */
  static List<String> seoulProposals() {
    return column("seoul-proposals-sample.tsv", "text");
  }

  /** @return the lines of a resource */
  static List<String> lines(String resource) {
    try {
      return Files.readAllLines(path(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the file of a resource (test resources are plain files under target/test-classes) */
  static Path path(String resource) {
    URL url = Samples.class.getResource(resource);
    if (url == null) {
      throw new IllegalStateException("test resource " + resource + " is missing");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> column(String resource, String column) {
    try (Stream<String> docs = TextCorpus.column(path(resource), column)) {
      return docs.toList();
    }
  }
}
