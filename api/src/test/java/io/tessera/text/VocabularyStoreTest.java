package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.ModelFormatException;
import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storing vocabularies in a model file through {@link TensorWriter} and {@link TensorFile}. */
class VocabularyStoreTest {
  private static final Tokenizer TOKENIZER = DefaultTokenizer.withDefaults();

  @TempDir
  Path dir;

  private static Vocabulary imdb() {
    return Vocabulary.builder().maxSize(300).padding(true).oov(true)
        .build(Samples.imdb().stream().map(TOKENIZER::tokenize).toList());
  }

  private static Vocabulary readBack(Path file, String prefix) {
    try (TensorFile f = TensorFile.open(file)) {
      return Vocabulary.readFrom(f, prefix);
    }
  }

  @Test
  void aVocabularyWithDocumentFrequenciesRoundTrips() {
    Vocabulary v = imdb();
    Path file = dir.resolve("model.safetensors");
    TensorWriter w = TensorWriter.create();
    v.writeTo(w, "vocab.");
    w.write(file);

    Vocabulary back = readBack(file, "vocab.");
    assertThat(back).isEqualTo(v);
    assertThat(back.words()).isEqualTo(v.words());
    assertThat(back.counts()).isEqualTo(v.counts());
    assertThat(back.documentFrequencies()).isEqualTo(v.documentFrequencies());
    assertThat(back.documentCount()).isEqualTo(22);
    assertThat(back.encode("This movie doesn't work", TOKENIZER))
        .isEqualTo(v.encode("This movie doesn't work", TOKENIZER));
  }

  @Test
  void hashedBucketsAndKoreanWordsRoundTripUnderTheirOwnPrefixes() {
    Vocabulary korean = Vocabulary.builder().oovBuckets(100)
        .build(Samples.nsmc().stream().map(TOKENIZER::tokenize).toList());
    Vocabulary english = imdb();
    Path file = dir.resolve("two.safetensors");
    TensorWriter w = TensorWriter.create();
    korean.writeTo(w, "ko.");
    english.writeTo(w, "en.");
    w.write(file);

    Vocabulary ko = readBack(file, "ko.");
    assertThat(ko).isEqualTo(korean);
    assertThat(ko.numIds()).isEqualTo(korean.size() + 100);
    assertThat(ko.idOrOov("처음보는단어")).isEqualTo(korean.idOrOov("처음보는단어")).isGreaterThanOrEqualTo(ko.size());
    assertThat(readBack(file, "en.")).isEqualTo(english);
  }

  @Test
  void aMissingVocabularyIsReportedWithFileAndPrefix() {
    Path file = dir.resolve("empty.safetensors");
    TensorWriter.create().putInts("other", new int[] {1}, 1).write(file);
    assertThatThrownBy(() -> readBack(file, "vocab."))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(file + ": vocabulary 'vocab.' not found (no metadata key 'vocab.format')");
  }

  /** Writes a vocabulary's entries by hand, with {@code overrides} replacing or adding metadata. */
  private Path handWritten(String name, List<String> words, Map<String, String> overrides) {
    Map<String, String> meta = new LinkedHashMap<>(Map.of("v.format", "tessera-vocabulary/1", "v.padding", "false",
        "v.oov", "false", "v.oov_buckets", "0", "v.documents", "0"));
    meta.putAll(overrides);
    TensorWriter w = TensorWriter.create().putStrings("v.words", words).putLongs("v.counts", new long[words.size()],
        words.size());
    meta.forEach(w::metadata);
    Path file = dir.resolve(name);
    w.write(file);
    return file;
  }

  @Test
  void aHandWrittenVocabularyIsReadLikeAWrittenOne() {
    Path file = handWritten("hand.safetensors", List.of("a", "b"), Map.of());
    assertThat(readBack(file, "v.")).isEqualTo(Vocabulary.builder().fromWords(List.of("a", "b")));
  }

  @Test
  void anUnknownFormatOrHashIsRefused() {
    Path future = handWritten("future.safetensors", List.of("a"), Map.of("v.format", "tessera-vocabulary/9"));
    assertThatThrownBy(() -> readBack(future, "v."))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(future + ": vocabulary 'v.' has format 'tessera-vocabulary/9'; this version reads "
            + "tessera-vocabulary/1");

    Path otherHash = handWritten("hash.safetensors", List.of("a"), Map.of("v.oov_buckets", "8", "v.oov_hash",
        "murmur3"));
    assertThatThrownBy(() -> readBack(otherHash, "v."))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(otherHash + ": vocabulary 'v.' hashes OOV words with 'murmur3'; this version knows only "
            + "farmhash-fingerprint64");
  }

  @Test
  void inconsistentEntriesAreRefused() {
    Path noPad = handWritten("nopad.safetensors", List.of("a", "b"), Map.of("v.padding", "true"));
    assertThatThrownBy(() -> readBack(noPad, "v."))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(noPad + ": vocabulary 'v.' does not start with its reserved tokens <pad>");

    Path twice = handWritten("twice.safetensors", List.of("a", "a"), Map.of());
    assertThatThrownBy(() -> readBack(twice, "v."))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(twice + ": vocabulary 'v.': word 'a': appears twice in the vocabulary");

    Path badFlag = handWritten("flag.safetensors", List.of("a"), Map.of("v.oov", "yes"));
    assertThatThrownBy(() -> readBack(badFlag, "v."))
        .hasMessage(badFlag + ": vocabulary 'v.': metadata 'v.oov' must be true or false, got yes");

    Path badCount = handWritten("count.safetensors", List.of("a"), Map.of("v.oov_buckets", "-3"));
    assertThatThrownBy(() -> readBack(badCount, "v."))
        .hasMessage(badCount + ": vocabulary 'v.': metadata 'v.oov_buckets' must be an integer in [0, 2147483647],"
            + " got -3");
  }
}
