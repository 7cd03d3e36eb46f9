package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CommandTreeTest {

  @Test
  void everyCommandIsRegisteredUnderTheNameItsAnnotationGives() {
    assertNamesMatch(CommandTree.TESSERA);
  }

  private static void assertNamesMatch(List<CommandTree> commands) {
    for (CommandTree command : commands) {
      assertThat(new CommandLine(command.factory().get()).getCommandName()).isEqualTo(command.name());
      assertNamesMatch(command.subcommands());
    }
  }

  @Test
  void aLaunchRegistersOnlyTheCommandsOnItsPath() {
    CommandLine cl = TesseraCli.commandLineFor("--threads", "1", "--quiet", "text", "--seed=7", "tfidf",
        "--corpus", "reviews.txt", "--out", "m.safetensors");

    assertThat(cl.getSubcommands()).containsOnlyKeys("text");
    assertThat(cl.getSubcommands().get("text").getSubcommands()).containsOnlyKeys("tfidf");
  }

  @Test
  void versionNeedsNoCommand() {
    assertThat(TesseraCli.commandLineFor("--version").getSubcommands()).isEmpty();
  }

  @Test
  void aLevelWhoseUsageMayShowGetsAllItsCommands() {
    assertThat(TesseraCli.commandLineFor("text").getSubcommands().get("text").getSubcommands())
        .containsOnlyKeys("tokenize", "vocab", "counts", "tfidf", "prepare");
    assertThat(TesseraCli.commandLineFor("help", "text").getSubcommands())
        .containsOnlyKeys(TesseraCli.commandLine().getSubcommands().keySet().toArray(String[]::new));
  }

  /** Each case is one command line, arguments separated by spaces. */
  @ParameterizedTest(name = "tessera {0}")
  @ValueSource(strings = {"", "--help", "-h", "--version", "-V", "--version --help", "--help text", "-qv --version",
      "help", "help text", "help bench", "help nosuch", "text", "text --help", "text tfidf --help",
      "text --threads 2 tfidf --help", "--threads=2 text tfidf --help", "text counts -h", "text vocab --help",
      "text tokenize --help", "text prepare --help", "bench", "bench --help", "bench engine --help", "demo --help", "plugins --help",
      "engines --help", "train --help", "info --help", "trian", "text tfdif", "--thread 2 engines",
      "--threads 0 engines", "--threads x demo", "--threads", "--plugins text text tfidf",
      "--engine --debug engines", "text tfidf --bogus", "text tfidf", "train", "info", "-- text", "@no-such-file",
      "demo --bogus", "--quiet -- demo", "text - tfidf", "--debug=true text"})
  void aLaunchPrintsWhatTheFullTreePrints(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");

    Cli launch = Cli.run(args);
    Cli full = Cli.runOn(TesseraCli.commandLine(), args);

    assertThat(launch).isEqualTo(full);
  }
}
