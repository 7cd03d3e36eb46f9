package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.text.PreparedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tessera text prepare}: a tokenized corpus built once into the cache folder and reused by the next run. */
class TextPrepareCommandTest {
  private static final Pattern FILE = Pattern.compile(": (\\S+\\.safetensors)$");

  @TempDir
  Path dir;

  private Cli prepare(Path corpus, String... options) {
    List<String> args = new ArrayList<>(List.of("text", "prepare", "--corpus", corpus.toString(), "--cache-dir",
        dir.resolve("cache").toString()));
    args.addAll(List.of(options));
    return Cli.run(args.toArray(String[]::new));
  }

  /** @return the cache file the summary line names */
  private static Path cacheFile(Cli r) {
    Matcher m = FILE.matcher(r.out().strip());
    assertThat(m.find()).as(r.out()).isTrue();
    return Path.of(m.group(1));
  }

  @Test
  void theFirstRunPreparesTheCorpusShowingProgressAndOneSummaryLine() {
    Path imdb = Cli.resource("imdb10.txt", dir);

    Cli r = prepare(imdb, "--tokenizer", "regex");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(1);
    assertThat(r.out()).startsWith(imdb + ": 10 documents, ").contains(" tokens, vocabulary of ",
        " words, 0 empty documents; prepared in ");
    Path file = cacheFile(r);
    assertThat(file).isRegularFile().hasParent(dir.resolve("cache"));
    try (PreparedCorpus prepared = PreparedCorpus.open(file)) {
      assertThat(prepared.documents()).isEqualTo(10);
      assertThat(r.out()).contains(String.format("%,d tokens, vocabulary of %,d words", prepared.tokens(),
          prepared.vocabulary().wordCount()));
    }
    assertThat(r.errLines()).contains("count: started", "encode: started (10 documents)")
        .anySatisfy(l -> assertThat(l).startsWith("encode: done in ").contains("10 documents"));
  }

  @Test
  void theSecondRunOnTheSameFileAndSettingsComesFromTheCache() throws IOException {
    Path imdb = Cli.resource("imdb10.txt", dir);
    Cli first = prepare(imdb, "--stopwords", "english");
    // The key is the content, not the path; an option spelled out with its default value is the same setting.
    Path copy = Files.copy(imdb, dir.resolve("copy.txt"));

    Cli second = prepare(copy, "--stopwords", "english", "--option", "lowercase=true");

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(first.out()).contains("; prepared in ");
    assertThat(second.out()).contains("; from cache in ");
    assertThat(cacheFile(second)).isEqualTo(cacheFile(first));
    assertThat(second.out().substring(second.out().indexOf(':'), second.out().indexOf(';')))
        .isEqualTo(first.out().substring(first.out().indexOf(':'), first.out().indexOf(';')));
    assertThat(second.err()).as("a reuse has no passes to show").isEmpty();
  }

  @Test
  void changingATokenizerOptionTheStopwordsOrTheFilePreparesItAgain() throws IOException {
    Path imdb = Cli.resource("imdb10.txt", dir);
    Path stopwords = Files.writeString(dir.resolve("stop.txt"), "the\n");
    Path first = cacheFile(prepare(imdb, "--stopwords", stopwords.toString()));

    Cli option = prepare(imdb, "--stopwords", stopwords.toString(), "--option", "lowercase=false");
    Cli tokenizer = prepare(imdb, "--stopwords", stopwords.toString(), "--tokenizer", "regex");
    Files.writeString(stopwords, "the\na\n");
    Cli editedStopwords = prepare(imdb, "--stopwords", stopwords.toString());
    Files.writeString(imdb, "one more review\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    Cli editedFile = prepare(imdb, "--stopwords", stopwords.toString());

    List<Path> files = new ArrayList<>(List.of(first));
    for (Cli r : List.of(option, tokenizer, editedStopwords, editedFile)) {
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).contains("; prepared in ");
      assertThat(files).doesNotContain(cacheFile(r));
      files.add(cacheFile(r));
    }
    assertThat(editedFile.out()).contains(": 11 documents, ");
  }

  @Test
  void aColumnOfATableIsPrepared() {
    Path nsmc = Cli.resource("nsmc10.tsv", dir);

    Cli r = prepare(nsmc, "--column", "document");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith(nsmc + " [document]: 10 documents, ");
  }

  @Test
  void badInputIsOneLine() throws IOException {
    Path nsmc = Cli.resource("nsmc10.tsv", dir);
    Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xe9, '\n'});

    Cli column = prepare(nsmc, "--column", "review");
    Cli missing = prepare(dir.resolve("missing.txt"));
    Cli stdin = prepare(Path.of("-"));
    Cli skip = prepare(nsmc, "--column", "document", "--on-bad-line", "skip");
    Cli invalid = prepare(latin1);

    assertThat(column.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(column.err()).contains(nsmc.toString(), "review", "document");
    assertThat(missing.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(missing.err()).contains("missing.txt");
    assertThat(stdin.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(stdin.err()).contains("--corpus", "stdin");
    assertThat(skip.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(skip.err()).contains("--on-bad-line");
    assertThat(invalid.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(invalid.err()).contains(latin1 + ":2", "UTF-8");
    for (Cli r : List.of(column, missing, stdin, skip, invalid)) {
      assertThat(r.errLines()).as(r.err()).hasSize(1);
    }
  }
}
