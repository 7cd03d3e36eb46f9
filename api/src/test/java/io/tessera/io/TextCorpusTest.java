package io.tessera.io;

import static io.tessera.io.ReferenceFixtureTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCorpusTest {
  @TempDir
  Path dir;

  private Path write(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  private static byte[] gzip(byte[] content) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(content);
    }
    return bytes.toByteArray();
  }

  @Test
  void streamsOneDocumentPerLine() {
    Path lee = resource("data/lee-head.cor");

    try (Stream<String> docs = TextCorpus.lines(lee)) {
      List<String> all = docs.toList();
      assertThat(all).hasSize(20);
      assertThat(all.get(0)).startsWith("The national executive of the strife-torn Democrats last night appointed");
    }
    assertThat(TextCorpus.ofLines(lee).count()).isEqualTo(20);
  }

  @Test
  void readsAColumnOfAGzippedKoreanTsv() {
    TextCorpus nsmc = TextCorpus.ofColumn(resource("data/nsmc-head.tsv.gz"), "document");

    try (Stream<String> docs = nsmc.documents()) {
      List<String> all = docs.toList();
      assertThat(all).hasSize(30);
      assertThat(all.get(0)).isEqualTo("도대체 어디서 스릴감을 찾을 수 있다는 건지...");
      assertThat(all.get(1)).isEqualTo("그냥 그런 코미디영화.");
    }
    assertThat(nsmc.count()).as("a corpus can be read again").isEqualTo(30);
  }

  @Test
  void keepsQuotesInTsvTextAsTheyAre() {
    try (Stream<String> docs = TextCorpus.column(resource("data/imdb-head.tsv"), "text")) {
      List<String> all = docs.toList();
      assertThat(all).hasSize(8);
      assertThat(all.get(0)).startsWith("Bromwell High is a cartoon comedy.");
      assertThat(all.get(6)).startsWith("\"All the world's a stage and its people actors in it\"--or something");
    }
  }

  @Test
  void detectsGzipByItsMagicBytesNotItsName() throws IOException {
    Path p = write("corpus.txt", gzip("첫째 줄\nsecond line\r\nthird".getBytes(StandardCharsets.UTF_8)));

    try (Stream<String> docs = TextCorpus.lines(p)) {
      assertThat(docs).containsExactly("첫째 줄", "second line", "third");
    }
  }

  @Test
  void dropsAByteOrderMarkAndKeepsEmptyLines() throws IOException {
    Path p = write("bom.txt", "\uFEFFa\n\nb\n".getBytes(StandardCharsets.UTF_8));

    try (Stream<String> docs = TextCorpus.lines(p)) {
      assertThat(docs).containsExactly("a", "", "b");
    }
  }

  @Test
  void readsLinesLongerThanTheBuffer() throws IOException {
    String longLine = "가나다 ".repeat(50_000);
    Path p = write("long.txt", (longLine + "\nshort\n").getBytes(StandardCharsets.UTF_8));

    try (Stream<String> docs = TextCorpus.lines(p)) {
      assertThat(docs).containsExactly(longLine, "short");
    }
  }

  @Test
  void reportsInvalidUtf8WithFileLineAndColumn() throws IOException {
    byte[] good = "첫째\n둘째 줄\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[good.length + 4];
    System.arraycopy(good, 0, bad, 0, good.length);
    bad[good.length] = 'a';
    bad[good.length + 1] = 'b';
    bad[good.length + 2] = (byte) 0xc3;
    bad[good.length + 3] = '(';
    Path p = write("bad.txt", bad);

    try (Stream<String> docs = TextCorpus.lines(p)) {
      assertThatThrownBy(docs::toList)
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(p + ":3:3: invalid UTF-8 (0xC3); the file must be UTF-8 text")
          .satisfies(e -> assertThat(((BadInputException) e).line()).hasValue(3));
    }
  }

  @Test
  void reportsTruncatedGzipData() throws IOException {
    byte[] gz = gzip("line one\nline two\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
    Path p = write("cut.txt.gz", java.util.Arrays.copyOf(gz, gz.length / 2));

    try (Stream<String> docs = TextCorpus.lines(p)) {
      assertThatThrownBy(docs::count)
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(p + ":")
          .hasMessageContaining("corrupt or truncated gzip data");
    }
  }

  @Test
  void namesTheClosestColumnWhenOneIsMissing() {
    Path imdb = resource("data/imdb-head.tsv");

    assertThatThrownBy(() -> TextCorpus.column(imdb, "txt"))
        .isInstanceOf(BadInputException.class)
        .hasMessage(imdb + ": no column 'txt' (did you mean 'text'?); columns: label, text");
  }

  @Test
  void readsSeveralTsvFilesInOrderEachWithItsOwnHeader() throws IOException {
    Path a = write("a.tsv", "label\ttext\n1\tfirst\n0\tsecond\n".getBytes(StandardCharsets.UTF_8));
    Path b = write("b.tsv.gz", gzip("text\tlabel\nthird\t1\n".getBytes(StandardCharsets.UTF_8)));
    TextCorpus corpus = TextCorpus.builder().file(a).file(b).column("text").build();

    assertThat(corpus.files()).containsExactly(a, b);
    try (Stream<String> docs = corpus.documents()) {
      assertThat(docs).containsExactly("first", "second", "third");
    }
  }

  @Test
  void chunksCutAtLineEndsWhateverTheirSizeAndKeepLineNumbers() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 200; i++) {
      text.append("line ").append(i).append(i % 17 == 0 ? " 가나다".repeat(40) : "").append('\n');
    }
    Path p = write("lines.txt", text.toString().getBytes(StandardCharsets.UTF_8));
    List<String> expected = TextCorpus.lines(p).toList();
    for (int size : new int[] {1, 10, 333, 1 << 20}) {
      List<String> got = new java.util.ArrayList<>();
      List<Long> lines = new java.util.ArrayList<>();
      try (CorpusChunks chunks = TextCorpus.builder().file(p).chunkBytes(size).build().chunks()) {
        for (CorpusChunk c = chunks.next(); c != null; c = chunks.next()) {
          c.forEachDocument((data, from, to, ascii, line) -> {
            got.add(new String(data, from, to - from, StandardCharsets.UTF_8));
            lines.add(line);
          });
        }
      }
      assertThat(got).as("chunks of %d bytes", size).isEqualTo(expected);
      assertThat(lines).as("chunks of %d bytes", size).isEqualTo(java.util.stream.LongStream.rangeClosed(1, 200)
          .boxed().toList());
    }
  }

  @Test
  void skipsBadLinesTellingTheListenerWhichWhenAsked() throws IOException {
    byte[] bad = "ok\nbad \u0000\nok again\n".getBytes(StandardCharsets.UTF_8);
    bad[7] = (byte) 0xff;
    Path p = write("skip.txt", bad);
    List<String> skipped = new java.util.concurrent.CopyOnWriteArrayList<>();
    TextCorpus corpus = TextCorpus.builder().file(p).skipBadLines(true).listener(new ReadListener() {
      @Override
      public void lineSkipped(String source, long line) {
        skipped.add(source + ":" + line);
      }
    }).build();

    try (Stream<String> docs = corpus.documents()) {
      assertThat(docs).containsExactly("ok", "ok again");
    }
    assertThat(skipped).containsExactly(p + ":2");
  }

  @Test
  void aMissingFileIsBadInput() {
    Path p = dir.resolve("none.txt");

    assertThatThrownBy(() -> TextCorpus.lines(p)).isInstanceOf(BadInputException.class)
        .hasMessage(p + ": no such file");
  }
}
