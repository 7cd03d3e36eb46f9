package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import io.tessera.api.TrainingEvent;
import io.tessera.engine.ScalarEngine;
import io.tessera.io.DType;
import io.tessera.io.TensorFile;
import io.tessera.io.TextCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preparing a corpus once and reusing it: {@link PreparedCorpus}. */
class PreparedCorpusTest {
  private static final DefaultTokenizer TOKENIZER = DefaultTokenizer.withDefaults();
  private static final String KEY = PreparedCorpus.tokenizerKey(TOKENIZER);
  private static ScalarEngine engine;

  @TempDir
  Path dir;

  @BeforeAll
  static void startEngine() {
    engine = new ScalarEngine(2);
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  /** Copies a sample under {@code src/test/resources/io/tessera/text/cache} into {@code target}. */
  static Path sample(String name, Path target) {
    try (InputStream in = PreparedCorpusTest.class.getResourceAsStream("cache/" + name)) {
      assertThat(in).as("resource cache/" + name).isNotNull();
      Files.copy(in, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path imdb() {
    return sample("imdb-sample.tsv", dir.resolve("imdb-sample.tsv"));
  }

  private PreparedCorpus prepare(TextCorpus corpus, Vocabulary.Builder vocabulary) {
    return PreparedCorpus.prepare(corpus, TOKENIZER, KEY, vocabulary, dir.resolve("cache"), engine);
  }

  private static List<String> texts(TextCorpus corpus) {
    try (Stream<String> docs = corpus.documents()) {
      return docs.toList();
    }
  }

  @Test
  void aPreparedCorpusHoldsEveryDocumentsIdsAndTheVocabularyWithItsStatistics() {
    TextCorpus corpus = TextCorpus.ofColumn(imdb(), "text");
    Vocabulary.Builder settings = Vocabulary.builder().minCount(2).padding(true).oov(true);
    List<String> texts = texts(corpus);
    Vocabulary expected = settings.build(TokenCounts.count(texts, TOKENIZER));

    try (PreparedCorpus prepared = prepare(corpus, settings)) {
      assertThat(prepared.fromCache()).isFalse();
      assertThat(prepared.vocabulary()).isEqualTo(expected);
      assertThat(prepared.vocabulary().documentFrequencies()).isEqualTo(expected.documentFrequencies());
      assertThat(prepared.documents()).isEqualTo(40);
      long tokens = 0;
      for (int i = 0; i < texts.size(); i++) {
        int[] ids = expected.encode(TOKENIZER.tokenize(texts.get(i)));
        assertThat(prepared.document(i)).as("document %d", i).isEqualTo(ids);
        assertThat(prepared.documentLength(i)).isEqualTo(ids.length);
        tokens += ids.length;
      }
      assertThat(prepared.tokens()).isEqualTo(tokens);
      assertThat(prepared.emptyDocuments()).isZero();
      assertThat(prepared.file().getParent()).isEqualTo(dir.resolve("cache"));
      assertThat(prepared.file().getFileName().toString()).matches("[0-9a-f]{64}\\.safetensors");
      assertThat(prepared.key()).contains("\"documents\":\"column text\"").contains(KEY.replace("\"", "\\\""));
      assertThatThrownBy(() -> prepared.document(40)).isInstanceOf(IndexOutOfBoundsException.class);
    }
    try (Stream<Path> left = Files.list(dir.resolve("cache"))) {
      assertThat(left).as("no temporary files are left").hasSize(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theFileIsAPlainSafetensorsFileWithTheDocumentedTensorsAndMetadata() {
    TextCorpus corpus = TextCorpus.ofColumn(imdb(), "text");
    Path file;
    long tokens;
    try (PreparedCorpus prepared = prepare(corpus, Vocabulary.builder())) {
      file = prepared.file();
      tokens = prepared.tokens();
    }
    try (TensorFile tf = TensorFile.open(file)) {
      assertThat(tf.info("token_ids").dtype()).isEqualTo(DType.I32);
      assertThat(tf.info("token_ids").shape()).containsExactly(tokens);
      long[] offsets = tf.longs("document_offsets", 41);
      assertThat(offsets[0]).isZero();
      assertThat(offsets[40]).isEqualTo(tokens);
      assertThat(tf.metadata()).containsEntry("format", PreparedCorpus.FORMAT).containsEntry("documents", "40")
          .containsEntry("tokens", Long.toString(tokens)).containsEntry("empty_documents", "0")
          .containsKey("key").containsKey("source_tokens");
      assertThat(Vocabulary.readFrom(tf, "vocab.").wordCount()).isPositive();
    }
  }

  @Test
  void aSecondPreparationComesFromTheCacheEvenForACopyOfTheFileElsewhere() throws IOException {
    Path original = imdb();
    Path file;
    try (PreparedCorpus first = prepare(TextCorpus.ofColumn(original, "text"), Vocabulary.builder())) {
      file = first.file();
    }
    byte[] bytes = Files.readAllBytes(file);
    Path copy = Files.createDirectories(dir.resolve("elsewhere")).resolve("renamed.tsv");
    Files.copy(original, copy);

    try (PreparedCorpus again = prepare(TextCorpus.ofColumn(original, "text"), Vocabulary.builder());
         PreparedCorpus moved = prepare(TextCorpus.ofColumn(copy, "text"), Vocabulary.builder())) {
      assertThat(again.fromCache()).isTrue();
      assertThat(moved.fromCache()).isTrue();
      assertThat(moved.file()).isEqualTo(file);
      assertThat(moved.document(3)).isEqualTo(again.document(3));
    }
    assertThat(Files.readAllBytes(file)).as("reuse does not rewrite the file").isEqualTo(bytes);
  }

  @Test
  void changingOneByteOfTheInputPreparesItAgain() throws IOException {
    Path input = imdb();
    Path before;
    try (PreparedCorpus first = prepare(TextCorpus.ofColumn(input, "text"), Vocabulary.builder())) {
      before = first.file();
    }
    byte[] content = Files.readAllBytes(input);
    int at = new String(content, StandardCharsets.UTF_8).indexOf("Bromwell");
    content[at] = 'X';
    Files.write(input, content);

    try (PreparedCorpus changed = prepare(TextCorpus.ofColumn(input, "text"), Vocabulary.builder())) {
      assertThat(changed.fromCache()).isFalse();
      assertThat(changed.file()).isNotEqualTo(before);
      assertThat(changed.vocabulary().contains("xromwell")).isTrue();
    }
  }

  @Test
  void changingATokenizerOptionOrTheDocumentSelectionPreparesItAgain() {
    Path input = imdb();
    TextCorpus corpus = TextCorpus.ofColumn(input, "text");
    DefaultTokenizer keepCase = DefaultTokenizer.builder().lowercase(false).build();
    Path cache = dir.resolve("cache");
    try (PreparedCorpus first = prepare(corpus, Vocabulary.builder());
         PreparedCorpus cased = PreparedCorpus.prepare(corpus, keepCase, PreparedCorpus.tokenizerKey(keepCase),
             Vocabulary.builder(), cache, engine);
         PreparedCorpus lines = prepare(TextCorpus.ofLines(input), Vocabulary.builder())) {
      assertThat(cased.fromCache()).isFalse();
      assertThat(cased.file()).isNotEqualTo(first.file());
      assertThat(cased.vocabulary().contains("Bromwell")).isTrue();
      assertThat(first.vocabulary().contains("Bromwell")).isFalse();
      assertThat(lines.fromCache()).isFalse();
      assertThat(lines.documents()).as("the header line is a document too").isEqualTo(41);
    }
  }

  @Test
  void changingAVocabularySettingPreparesItAgain() {
    TextCorpus corpus = TextCorpus.ofColumn(imdb(), "text");
    try (PreparedCorpus all = prepare(corpus, Vocabulary.builder());
         PreparedCorpus frequent = prepare(corpus, Vocabulary.builder().minCount(3));
         PreparedCorpus padded = prepare(corpus, Vocabulary.builder().minCount(3).padding(true))) {
      assertThat(frequent.fromCache()).isFalse();
      assertThat(padded.fromCache()).isFalse();
      assertThat(List.of(all.file(), frequent.file(), padded.file())).doesNotHaveDuplicates();
      assertThat(frequent.vocabulary().size()).isLessThan(all.vocabulary().size());
      assertThat(frequent.tokens()).isLessThan(all.tokens());
      assertThat(padded.vocabulary().paddingId()).isZero();
    }
  }

  @Test
  void theSettingsTextCoversEveryFieldOfTheVocabularyBuilder() {
    // A new builder field that is missing from settings() would let a stale cache file be reused.
    long fields = Stream.of(Vocabulary.Builder.class.getDeclaredFields())
        .filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers())).count();
    assertThat(Vocabulary.builder().settings()).hasSize((int) fields);
    assertThat(Vocabulary.builder().maxDocFraction(0.5).settings()).containsEntry("max_doc_fraction", "0.5");
    assertThat(Vocabulary.builder().tieBreak(Vocabulary.TieBreak.LEXICOGRAPHIC).settings())
        .containsEntry("tie_break", "lexicographic");
  }

  @Test
  void aTruncatedCacheFileIsIgnoredAndRebuiltToTheSameBytes() throws IOException {
    TextCorpus corpus = TextCorpus.ofColumn(imdb(), "text");
    Path file;
    try (PreparedCorpus first = prepare(corpus, Vocabulary.builder())) {
      file = first.file();
    }
    byte[] complete = Files.readAllBytes(file);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(complete.length - 5);
    }

    try (PreparedCorpus rebuilt = prepare(corpus, Vocabulary.builder())) {
      assertThat(rebuilt.fromCache()).isFalse();
      assertThat(rebuilt.documents()).isEqualTo(40);
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(complete);
  }

  @Test
  void garbageOrAnotherCorpusUnderTheCacheFileNameIsNotTrusted() throws IOException {
    Path input = imdb();
    TextCorpus corpus = TextCorpus.ofColumn(input, "text");
    Path file;
    Path other;
    try (PreparedCorpus first = prepare(corpus, Vocabulary.builder());
         PreparedCorpus lines = prepare(TextCorpus.ofLines(input), Vocabulary.builder())) {
      file = first.file();
      other = lines.file();
    }
    Files.copy(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (PreparedCorpus checked = prepare(corpus, Vocabulary.builder())) {
      assertThat(checked.fromCache()).as("the stored key differs from the name's").isFalse();
      assertThat(checked.documents()).isEqualTo(40);
    }
    Files.write(file, "not a safetensors file".getBytes(StandardCharsets.UTF_8));
    try (PreparedCorpus checked = prepare(corpus, Vocabulary.builder())) {
      assertThat(checked.fromCache()).isFalse();
      assertThat(checked.documents()).isEqualTo(40);
    }
  }

  @Test
  void emptyDocumentsAreKeptWithEqualOffsetsAndCounted() throws IOException {
    // The last four NSMC rows of the sample are reviews made only of dots, '!' and '?'.
    TextCorpus nsmc = TextCorpus.ofColumn(sample("nsmc-sample.tsv", dir.resolve("nsmc.tsv")), "document");
    try (PreparedCorpus prepared = prepare(nsmc, Vocabulary.builder())) {
      assertThat(prepared.documents()).isEqualTo(34);
      assertThat(prepared.emptyDocuments()).isEqualTo(4);
      for (int i = 30; i < 34; i++) {
        assertThat(prepared.document(i)).isEmpty();
        assertThat(prepared.documentLength(i)).isZero();
      }
      assertThat(prepared.document(29)).isNotEmpty();
    }
    // Blank lines of a plain text corpus are documents as well.
    List<String> lines = new ArrayList<>();
    for (String text : texts(nsmc).subList(0, 5)) {
      lines.add(text);
      lines.add("");
    }
    Path blank = Files.write(dir.resolve("with-blank-lines.txt"), lines, StandardCharsets.UTF_8);
    try (PreparedCorpus prepared = prepare(TextCorpus.ofLines(blank), Vocabulary.builder())) {
      assertThat(prepared.documents()).isEqualTo(10);
      assertThat(prepared.emptyDocuments()).isEqualTo(5);
      assertThat(prepared.document(1)).isEmpty();
      assertThat(prepared.vocabulary().decode(prepared.document(2))).isEqualTo(TOKENIZER.tokenize(lines.get(2)));
    }
  }

  @Test
  void theFileIsTheSameForOneAndTwoThreadsAcrossManyBlocks() throws IOException {
    // 1,200 real reviews (the sample repeated) span three 512-document blocks.
    List<String> reviews = texts(TextCorpus.ofColumn(imdb(), "text"));
    List<String> many = new ArrayList<>();
    for (int r = 0; r < 30; r++) {
      many.addAll(reviews);
    }
    Path input = Files.write(dir.resolve("many.txt"), many, StandardCharsets.UTF_8);
    byte[][] files = new byte[2][];
    for (int threads = 1; threads <= 2; threads++) {
      try (ScalarEngine own = new ScalarEngine(threads);
           PreparedCorpus prepared = PreparedCorpus.prepare(TextCorpus.ofLines(input), TOKENIZER, KEY,
               Vocabulary.builder().maxSize(500), dir.resolve("threads-" + threads), own)) {
        assertThat(prepared.documents()).isEqualTo(1200);
        assertThat(prepared.document(1199)).isEqualTo(prepared.document(39));
        files[threads - 1] = Files.readAllBytes(prepared.file());
      }
    }
    assertThat(files[1]).isEqualTo(files[0]);
  }

  @Test
  void aClosedCorpusRefusesReadsAndOpenReadsAFileDirectly() {
    TextCorpus corpus = TextCorpus.ofColumn(imdb(), "text");
    PreparedCorpus prepared = prepare(corpus, Vocabulary.builder());
    int[] first = prepared.document(0);
    prepared.close();
    assertThatThrownBy(() -> prepared.document(0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    try (PreparedCorpus opened = PreparedCorpus.open(prepared.file())) {
      assertThat(opened.fromCache()).isTrue();
      assertThat(opened.document(0)).isEqualTo(first);
    }
  }

  @Test
  void aPreparationReportsItsCountAndEncodePassesAndAReuseReportsNothing() {
    TextCorpus corpus = TextCorpus.ofColumn(imdb(), "text");
    long documents = corpus.count();
    List<TrainingEvent> events = new CopyOnWriteArrayList<>();

    PreparedCorpus.prepare(corpus, TOKENIZER, KEY, Vocabulary.builder(), dir.resolve("cache"), engine, events::add)
        .close();

    assertThat(events).filteredOn(e -> e.kind() != TrainingEvent.Kind.PROGRESS)
        .extracting(e -> e.phase() + " " + e.kind() + " " + e.step() + "/" + e.total() + " " + e.unit())
        .containsExactly("count PHASE_STARTED 0/0 documents",
            "count PHASE_FINISHED " + documents + "/0 documents",
            "encode PHASE_STARTED 0/" + documents + " documents",
            "encode PHASE_FINISHED " + documents + "/" + documents + " documents");
    events.clear();
    try (PreparedCorpus cached = PreparedCorpus.prepare(corpus, TOKENIZER, KEY, Vocabulary.builder(),
        dir.resolve("cache"), engine, events::add)) {
      assertThat(cached.fromCache()).isTrue();
    }
    assertThat(events).isEmpty();
  }

  @Test
  void badInputIsReportedInOneLine() {
    TextCorpus missing = TextCorpus.ofLines(dir.resolve("missing.txt"));
    assertThatThrownBy(() -> prepare(missing, Vocabulary.builder()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("missing.txt").hasMessageContaining("no such file");
    TextCorpus corpus = TextCorpus.ofColumn(imdb(), "text");
    assertThatThrownBy(() -> PreparedCorpus.prepare(corpus, TOKENIZER, " ", Vocabulary.builder(), dir, engine))
        .isInstanceOf(BadInputException.class).hasMessageContaining("tokenizer_key");
  }

  @Test
  void theDefaultCacheFolderIsUnderTheUsersCache() {
    Path folder = PreparedCorpus.defaultCacheDirectory();
    assertThat(folder).isAbsolute();
    assertThat(folder.getParent().getFileName()).hasToString("tessera");
    assertThat(folder.getFileName()).hasToString("corpora");
  }
}
