package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.engine.ScalarEngine;
import io.tessera.internal.text.RegexTokenizer;
import io.tessera.io.TextCorpus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus read from files is vectorized through its chunks of raw lines, parsed and tokenized as bytes by the
 * workers; the result must be the one the string path gives for the same documents, bit for bit, for any chunk
 * size and thread count, with and without stopwords, on English and Korean text (whose non-ASCII stretches the
 * byte scan hands to the string path).
 */
class CorpusVectorizationTest {
  @TempDir
  Path dir;

  private static List<String> documents() {
    List<String> out = new ArrayList<>();
    for (String review : VectorizerFixtures.imdbSample()) {
      out.addAll(Arrays.asList(review.split("(?<=[.!?]) |<br /><br />")));
    }
    try (Stream<String> nsmc = TextCorpus.column(Path.of("src/test/resources/io/tessera/text/nsmc-train-sample.tsv"),
        "document")) {
      out.addAll(nsmc.toList());
    }
    out.add("");
    out.add("ΟΔΟΣ İstanbul Straße ǅemal 𝐀𝐁 café naïve");
    return out;
  }

  private Path write(String name, List<String> lines, boolean gzip) throws IOException {
    Path p = dir.resolve(name);
    byte[] text = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
      out.write(text);
    }
    return p;
  }

  @Test
  void filesGiveTheMatrixOfTheirDocumentsForAnyChunkSizeAndThreadCount() throws IOException {
    List<String> docs = documents();
    assertThat(docs).hasSizeGreaterThan(700);
    int half = docs.size() / 2;
    Path first = write("first.txt", docs.subList(0, half), false);
    Path second = write("second.txt.gz", docs.subList(half, docs.size()), true);
    Tokenizer regex = RegexTokenizer.sklearnDefault();
    for (Tokenizer tokenizer : List.of(regex, Stopwords.english().filter(regex), DefaultTokenizer.withDefaults())) {
      Vectorizer v = TfidfVectorizer.withDefaults(tokenizer);
      DocumentTermMatrix reference;
      try (ScalarEngine one = new ScalarEngine(1)) {
        reference = v.fitTransform(docs, one);
      }
      assertThat(reference.emptyDocuments()).isPositive();
      for (int threads = 1; threads <= 3; threads++) {
        try (ScalarEngine engine = new ScalarEngine(threads)) {
          for (int chunk : new int[] {64, 4096, 1 << 20}) {
            TextCorpus corpus = TextCorpus.builder().file(first).file(second).chunkBytes(chunk).build();
            DocumentTermMatrix dtm = v.fitTransform(corpus, engine);
            String what = tokenizer + " with " + threads + " threads and chunks of " + chunk + " bytes";
            assertThat(dtm.vectorizer()).as(what).isEqualTo(reference.vectorizer());
            assertThat(dtm.matrix()).as(what).isEqualTo(reference.matrix());
            assertThat(dtm.emptyDocuments()).as(what).isEqualTo(reference.emptyDocuments());
            assertThat(dtm.vectorizer().transform(corpus, engine).matrix()).as("transform, " + what)
                .isEqualTo(reference.matrix());
          }
        }
      }
    }
  }
}
