package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tessera text tokenize} and {@code tessera text vocab} on small real samples (NSMC, IMDB). */
class TextCommandTest {
  @TempDir
  Path dir;

  /** Runs {@code tessera text SUB args...} with {@code stdin} as standard input. */
  private static Cli withStdin(String stdin, String sub, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "text";
    all[1] = sub;
    System.arraycopy(args, 0, all, 2, args.length);
    byte[] bytes = stdin.getBytes(StandardCharsets.UTF_8);
    return Cli.run(cl -> {
      Object cmd = cl.getSubcommands().get("text").getSubcommands().get(sub).getCommand();
      if (cmd instanceof TextTokenizeCommand t) {
        t.stdin = new ByteArrayInputStream(bytes);
      } else {
        ((TextVocabCommand) cmd).stdin = new ByteArrayInputStream(bytes);
      }
    }, all);
  }

  private Path write(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  @Test
  void koreanTokenizerSplitsNsmcReviewsIntoMorphemesOneLinePerReview() {
    Path nsmc = Cli.resource("nsmc10.tsv", dir);

    Cli r = Cli.run("--quiet", "text", "tokenize", "--tokenizer", "korean", "--column", "document",
        nsmc.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(10);
    assertThat(lines.get(1).split(" ")).contains("코미디", "영화");
    assertThat(lines.get(6).split(" ")).contains("시작", "끝", "연결", "영화");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void posShowsMorphemeAndTag() {
    Path nsmc = Cli.resource("nsmc10.tsv", dir);

    Cli r = Cli.run("text", "tokenize", "--tokenizer", "korean", "--pos", "--column", "document", nsmc.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    List<String> tokens = Arrays.asList(r.out().lines().toList().get(1).split(" "));
    assertThat(tokens).contains("코미디/NNG", "영화/NNG");
    assertThat(tokens).allMatch(t -> t.matches("[^/]+/[A-Z+]+"));
  }

  @Test
  void particlesDoNotMakeNewWordsAndPrefixesStay() {
    Cli r = withStdin("영화가 좋다\n영화는 길다\n영화를 봤다\n비급여 항목\n", "tokenize", "--tokenizer", "korean");

    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    for (int i = 0; i < 3; i++) {
      assertThat(lines.get(i).split(" ")[0]).isEqualTo("영화");
    }
    // Nori's default stop tags would drop the prefix 비 (XPN) and leave 급여, the opposite meaning.
    assertThat(lines.get(3).split(" ")[0]).startsWith("비").contains("급여").isNotEqualTo("급여");
  }

  @Test
  void posIsRefusedForTokenizersWithoutTags() {
    Cli r = withStdin("some text\n", "tokenize", "--tokenizer", "regex", "--pos");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("--pos", "korean");
  }

  @Test
  void defaultAndRegexTokenizersOnImdbReviews() {
    Path imdb = Cli.resource("imdb10.txt", dir);

    Cli regex = Cli.run("text", "tokenize", "--tokenizer", "regex", imdb.toString());
    Cli dflt = Cli.run("text", "tokenize", imdb.toString());

    assertThat(regex.exit()).as(regex.err()).isZero();
    assertThat(dflt.exit()).as(dflt.err()).isZero();
    assertThat(regex.out().lines()).hasSize(10);
    assertThat(dflt.out().lines()).hasSize(10);
    // scikit-learn's pattern: lower case, two or more word characters, so "a" and "35"'s neighbours behave alike.
    List<String> first = Arrays.asList(regex.out().lines().findFirst().orElseThrow().split(" "));
    assertThat(first).startsWith("bromwell", "high", "is", "cartoon", "comedy");
    assertThat(first).doesNotContain("a", "Bromwell");
    assertThat(dflt.out().lines().findFirst().orElseThrow()).startsWith("bromwell high is a cartoon comedy");
  }

  @Test
  void stdinWithDashOrNoFile() {
    Cli dash = withStdin("Hello World\n", "tokenize", "-");
    Cli none = withStdin("Hello World\n", "tokenize");

    assertThat(dash.exit()).isZero();
    assertThat(dash.out()).isEqualTo("hello world\n");
    assertThat(none.out()).isEqualTo(dash.out());
  }

  @Test
  void stopwordsSwitchDropsListedTokens() throws IOException {
    Path list = write("mine.txt", "# my list\nworld\n".getBytes(StandardCharsets.UTF_8));

    Cli english = withStdin("the cat and the hat\n", "tokenize", "--stopwords", "english");
    Cli file = withStdin("hello world\n", "tokenize", "--stopwords", list.toString());
    Cli typo = withStdin("x\n", "tokenize", "--stopwords", "englsh");

    assertThat(english.out()).isEqualTo("cat hat\n");
    assertThat(file.out()).isEqualTo("hello\n");
    assertThat(typo.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(typo.err()).contains("stopwords", "english");
  }

  @Test
  void invalidUtf8FailsNamingFileAndLineByDefault() throws IOException {
    Path bad = write("bad.txt", bytes("good line\n", new byte[] {'b', (byte) 0xff, 'd', '\n'}, "last\n"));

    Cli r = Cli.run("text", "tokenize", bad.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains(bad + ":2:", "invalid UTF-8");
  }

  @Test
  void invalidUtf8SkippedWithAWarningCount() throws IOException {
    Path bad = write("bad.txt", bytes("good line\n", new byte[] {'b', (byte) 0xc3, '\n'}, "last one\n",
        new byte[] {(byte) 0x80, '\n'}));

    Cli r = Cli.run("--quiet", "text", "tokenize", "--on-bad-line", "skip", bad.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("good line\nlast one\n");
    assertThat(r.errLines()).containsExactly(
        "tessera: warning: skipped 2 lines of invalid UTF-8 in " + bad + " (first: line 2)");
  }

  @Test
  void emptyDocumentsAreKeptAsEmptyLinesAndCounted() {
    Cli r = withStdin("one doc\n\n   \nlast doc\n", "tokenize");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("one doc\n\n\nlast doc\n");
    assertThat(r.errLines()).filteredOn(l -> l.startsWith("tessera:")).containsExactly(
        "tessera: warning: 2 empty documents (no tokens) in <stdin>, kept (first: line 2)");
  }

  @Test
  void unknownTokenizerSuggestsTheNearestId() {
    Cli r = withStdin("x\n", "tokenize", "--tokenizer", "koraen");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("unknown tokenizer 'koraen'", "korean");
  }

  @Test
  void missingColumnNamesTheColumns() {
    Path nsmc = Cli.resource("nsmc10.tsv", dir);

    Cli r = Cli.run("text", "tokenize", "--column", "documnet", nsmc.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err()).contains("documnet", "document");
  }

  @Test
  void vocabTableListsTopTokensWithCountsAndDocumentFrequencies() {
    Cli r = withStdin("b a\nb c b\n", "vocab");

    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("<stdin>: 2 documents, 5 tokens, 3 distinct; vocabulary 3 (min count 1)");
    assertThat(lines.get(4)).matches("\\|\\s+1 \\| b\\s+\\|\\s+3 \\|\\s+2 \\|\\s+60.00% \\|");
    assertThat(lines).hasSize(7);
  }

  @Test
  void vocabTableLinesUpKoreanTokens() {
    Cli r = withStdin("영화 영화 a\n", "vocab", "--tokenizer", "korean");

    List<String> rows = r.out().lines().skip(2).toList();
    assertThat(rows).hasSize(4);
    int width = TextVocabCommand.displayWidth(rows.get(0));
    assertThat(rows).extracting(TextVocabCommand::displayWidth).containsOnly(width);
    assertThat(rows.get(2)).contains("| 영화  |");
  }

  @Test
  @SuppressWarnings("unchecked")
  void vocabJsonOnKoreanReviews() {
    Path nsmc = Cli.resource("nsmc10.tsv", dir);

    Cli r = Cli.run("text", "vocab", "--tokenizer", "korean", "--column", "document", "--top", "3", "--json",
        nsmc.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    Map<String, Object> json = r.json();
    assertThat(json).containsEntry("documents", 10L).containsEntry("tokenizer", "korean");
    List<Map<String, Object>> top = (List<Map<String, Object>>) json.get("top");
    assertThat(top).hasSize(3);
    assertThat(top).extracting(m -> m.get("token")).contains("영화");
    Map<String, Object> film = top.stream().filter(m -> m.get("token").equals("영화")).findFirst().orElseThrow();
    assertThat(((Number) film.get("documents")).longValue()).isBetween(3L, ((Number) film.get("count")).longValue());
  }

  @Test
  void vocabMinCountAndMaxSize() {
    Cli r = withStdin("a a a b b c\n", "vocab", "--min-count", "2", "--json");
    Cli limited = withStdin("a a a b b c\n", "vocab", "--max-size", "1", "--json");
    Cli bad = withStdin("a\n", "vocab", "--min-count", "0");

    assertThat(r.json()).containsEntry("vocabulary_size", 2L);
    assertThat(limited.json()).containsEntry("vocabulary_size", 1L);
    assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--min-count");
  }

  @Test
  void textWithoutSubcommandListsThem() {
    Cli r = Cli.run("text");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("tokenize", "vocab");
  }

  private static byte[] bytes(Object... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Object p : parts) {
      byte[] b = p instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) p;
      out.writeBytes(b);
    }
    return out.toByteArray();
  }
}
