package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text commands show their progress through the input on stderr, like training does, as plain lines here. */
class TextProgressTest {
  @TempDir
  Path dir;

  @Test
  void tokenizeShowsStartedAndDoneLinesInBytesOfTheFile() throws Exception {
    Path nsmc = Cli.resource("nsmc10.tsv", dir);
    long size = Files.size(nsmc);

    Cli r = Cli.run("text", "tokenize", "--tokenizer", "korean", "--column", "document", nsmc.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(10);
    assertThat(r.errLines()).first().asString().isEqualTo("tokenize: started (" + size + " bytes)");
    assertThat(r.errLines()).last().asString().startsWith("tokenize: done in ")
        .contains("(" + size + " bytes", "documents=10");
  }

  @Test
  void vocabAndVectorizersNameTheirPhase() {
    Path imdb = Cli.resource("imdb10.txt", dir);

    Cli vocab = Cli.run("text", "vocab", "--top", "3", imdb.toString());
    Cli counts = Cli.run("text", "counts", "--corpus", imdb.toString(), "--out",
        dir.resolve("c.safetensors").toString());

    assertThat(vocab.exit()).as(vocab.err()).isZero();
    assertThat(counts.exit()).as(counts.err()).isZero();
    assertThat(vocab.errLines()).anySatisfy(l -> assertThat(l).startsWith("count: started"))
        .anySatisfy(l -> assertThat(l).startsWith("count: done in ").contains("documents=10"));
    assertThat(counts.errLines()).anySatisfy(l -> assertThat(l).startsWith("vectorize: started"))
        .anySatisfy(l -> assertThat(l).startsWith("vectorize: done in ").contains("documents=10"));
  }

  @Test
  void stdinHasNoTotal() {
    byte[] text = "one doc\ntwo docs\n".getBytes(StandardCharsets.UTF_8);

    Cli r = Cli.run(cl -> ((TextTokenizeCommand) cl.getSubcommands().get("text").getSubcommands().get("tokenize")
        .getCommand()).stdin = new ByteArrayInputStream(text), "text", "tokenize");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.errLines()).hasSize(2);
    assertThat(r.errLines().get(0)).isEqualTo("tokenize: started");
    assertThat(r.errLines().get(1)).startsWith("tokenize: done in ").contains("(" + text.length + " bytes");
  }

  @Test
  void quietShowsNoProgress() {
    Path nsmc = Cli.resource("nsmc10.tsv", dir);

    Cli r = Cli.run("--quiet", "text", "tokenize", "--tokenizer", "korean", "--column", "document",
        nsmc.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(10);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void jsonKeepsStdoutOneObjectAndProgressOnStderr() {
    Path imdb = Cli.resource("imdb10.txt", dir);

    Cli r = Cli.run("text", "vocab", "--json", "--top", "3", imdb.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(1);
    Map<String, Object> o = r.json();
    assertThat(((Number) o.get("documents")).longValue()).isEqualTo(10);
    assertThat(r.errLines()).anySatisfy(l -> assertThat(l).startsWith("count: done in "));
  }
}
