package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ArchiveTrainingTest {

  @Test
  void everyTrainingCommandLineParsesButTheDeliberateUsageError(@TempDir Path dir) {
    for (List<String> command : ArchiveTraining.commands(dir, "reviews.tsv", "nsmc.tsv")) {
      String[] args = command.toArray(String[]::new);
      CommandLine cl = TesseraCli.commandLineFor(args);
      if (command.equals(List.of("no-such-command"))) {
        assertThatThrownBy(() -> cl.parseArgs(args)).isInstanceOf(CommandLine.ParameterException.class);
      } else {
        assertThatCode(() -> cl.parseArgs(args)).as(String.join(" ", command)).doesNotThrowAnyException();
      }
    }
  }

  @Test
  void theTrainingRunsTheCommandsWritingOnlyIntoItsFolder(@TempDir Path dir) throws IOException {
    Path scratch = Files.createDirectory(dir.resolve("scratch"));
    Path text = Files.writeString(dir.resolve("reviews.tsv"),
        "id\ttext\n1\tA slow film with a fine cast.\n2\tThe cast saves a thin plot.\n");
    Path korean = Cli.resource("nsmc10.tsv", dir);

    ArchiveTraining.main(new String[] {scratch.toString(), text.toString(), korean.toString()});

    try (var written = Files.walk(scratch)) {
      assertThat(written.filter(Files::isRegularFile).map(p -> scratch.relativize(p).toString()))
          .contains("tfidf.safetensors", "counts.safetensors", "demo/cluster-kmeans.safetensors");
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("scratch", "reviews.tsv", "nsmc10.tsv");
    }
  }
}
