package io.tessera.internal.text.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import io.tessera.io.TextCorpus;
import java.io.InputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache key of a prepared corpus: {@link CorpusKey}. */
class CorpusKeyTest {
  @TempDir
  Path dir;

  @Test
  void theInputIsHashedAsStoredWithSha256() throws IOException {
    Path file = Files.write(dir.resolve("abc.txt"), "abc".getBytes(StandardCharsets.US_ASCII));
    long[] size = new long[1];
    // FIPS 180-2's example digest of "abc".
    assertThat(CorpusKey.sha256(file, size))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(size[0]).isEqualTo(3);
  }

  @Test
  void theKeyNamesTheSelectionTheTokenizerAndTheSettingsButNotThePath() throws IOException {
    Path a = Files.write(dir.resolve("a.tsv"), "text\nhello\n".getBytes(StandardCharsets.UTF_8));
    Path b = Files.write(Files.createDirectories(dir.resolve("sub")).resolve("b.tsv"), Files.readAllBytes(a));
    Map<String, String> settings = Map.of("min_count", "1");
    CorpusKey column = CorpusKey.of("f/1", TextCorpus.ofColumn(a, "text"), "default {}", settings);
    CorpusKey moved = CorpusKey.of("f/1", TextCorpus.ofColumn(b, "text"), "default {}", settings);
    CorpusKey lines = CorpusKey.of("f/1", TextCorpus.ofLines(a), "default {}", settings);

    assertThat(moved).isEqualTo(column);
    assertThat(column.key()).contains("\"documents\":\"column text\"").contains("\"bytes\":11")
        .contains("\"tokenizer\":\"default {}\"").contains("\"min_count\":\"1\"").doesNotContain("a.tsv");
    assertThat(column.fingerprint()).hasSize(64).isNotEqualTo(lines.fingerprint());
    assertThat(lines.key()).contains("\"documents\":\"lines\"");
    assertThat(CorpusKey.of("f/1", TextCorpus.ofLines(a), "regex {}", settings).fingerprint())
        .isNotEqualTo(lines.fingerprint());
  }

  @Test
  void aCorpusOfSeveralFilesIsKeyedByEveryFileInOrderAndAStreamHasNoKey() throws IOException {
    Path a = Files.write(dir.resolve("a.txt"), "one\n".getBytes(StandardCharsets.UTF_8));
    Path b = Files.write(dir.resolve("b.txt"), "two\n".getBytes(StandardCharsets.UTF_8));
    Map<String, String> settings = Map.of();
    CorpusKey ab = CorpusKey.of("f/1", TextCorpus.builder().file(a).file(b).build(), "default {}", settings);
    CorpusKey ba = CorpusKey.of("f/1", TextCorpus.builder().file(b).file(a).build(), "default {}", settings);

    assertThat(ab.key()).contains("\"bytes\":8");
    assertThat(ab.fingerprint()).isNotEqualTo(ba.fingerprint())
        .isNotEqualTo(CorpusKey.of("f/1", TextCorpus.ofLines(a), "default {}", settings).fingerprint());
    Files.write(b, "two!\n".getBytes(StandardCharsets.UTF_8));
    assertThat(CorpusKey.of("f/1", TextCorpus.builder().file(a).file(b).build(), "default {}", settings)
        .fingerprint()).as("the second file changed").isNotEqualTo(ab.fingerprint());
    assertThat(CorpusKey.of("f/1", TextCorpus.builder().file(a).skipBadLines(true).build(), "default {}",
        settings).key()).contains("bad lines skipped");
    assertThatThrownBy(() -> CorpusKey.of("f/1", TextCorpus.builder().stream(InputStream.nullInputStream(),
        "<stdin>").build(), "default {}", settings)).isInstanceOf(BadInputException.class).hasMessageContaining(
        "needs files");
  }
}
