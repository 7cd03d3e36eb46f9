package io.tessera.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The real text samples under {@code src/test/resources/io/tessera/text} (see the README there). */
final class Samples {
  private Samples() {
  }

  /** @return the 22 IMDB review texts (the first 20 of the training set, then the two with control characters) */
  static List<String> imdb() {
    return column("imdb-train-sample.tsv", 1);
  }

  /** @return the first 20 NSMC review texts */
  static List<String> nsmc() {
    return column("nsmc-train-sample.tsv", 1);
  }

  /** @return the first 20 documents of gensim's Lee background corpus */
  static List<String> lee() {
    return lines("lee-background-sample.cor");
  }

  private static List<String> column(String resource, int column) {
    List<String> rows = lines(resource);
    List<String> out = new ArrayList<>();
    for (String row : rows.subList(1, rows.size())) {
      out.add(row.split("\t", -1)[column]);
    }
    return out;
  }

  private static List<String> lines(String resource) {
    try (InputStream in = Samples.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + resource + " is missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(line);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
