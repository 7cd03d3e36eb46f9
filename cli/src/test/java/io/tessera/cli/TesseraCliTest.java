package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.api.Tessera;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TesseraCliTest {

  @Test
  void helpListsEveryCommandAndTheGlobalOptions() {
    Cli r = Cli.run("--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("demo", "plugins", "engines", "train", "info", "bench")
        .contains("--engine", "--threads", "--seed", "--plugins", "--debug", "--verbose", "--version")
        .contains("Exit codes");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void withoutACommandItShowsTheUsage() {
    Cli r = Cli.run();

    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("Usage: tessera").contains("Commands:");
  }

  @Test
  void theCommandListShowsOneShortLinePerCommand() {
    String commands = Cli.run("--help").out().split("Commands:")[1].split("Exit codes")[0];

    assertThat(commands.lines().filter(l -> !l.isBlank())).hasSize(8)
        .allSatisfy(l -> assertThat(l).matches("  [a-z]+ +\\S.*").hasSizeLessThanOrEqualTo(80));
  }

  @Test
  void versionNamesThePlatformAndTheJavaRuntime() {
    Cli r = Cli.run("--version");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("tessera " + Tessera.version()).contains("Java " + Runtime.version());
  }

  @Test
  void aSubcommandHasItsOwnHelp() {
    Cli r = Cli.run("train", "--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("ALGORITHM", "KEY=VALUE", "--data", "--out", "--checkpoint", "--resume",
        "tessera plugins");
  }

  @Test
  void anUnknownOptionIsAUsageErrorOnOneLineWithASuggestion() {
    Cli r = Cli.run("--thread", "2", "engines");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("tessera: Unknown option")
        .contains("did you mean --threads?")
        .contains("tessera --help");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    Cli r = Cli.run("trian");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).singleElement().asString().startsWith("tessera: ").contains("trian");
  }

  @Test
  void globalOptionsAreAcceptedAfterTheSubcommandToo() {
    Cli r = Cli.run("engines", "--engine", "scalar", "--threads", "1", "--json");

    assertThat(r.exit()).isZero();
    assertThat(r.json()).extractingByKey("active").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("name", "scalar").containsEntry("threads", 1L);
  }

  @Test
  void aThreadCountBelowOneIsAUsageError() {
    Cli r = Cli.run("--threads", "0", "engines");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).containsExactly("tessera: parameter 'threads': must be at least 1, got 0");
  }

  @Test
  void anUnknownEngineFailsOnOneLine() {
    Cli r = Cli.run("--engine", "gpu", "engines");

    assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.errLines()).singleElement().asString().startsWith("tessera: ").contains("gpu");
  }

  @Test
  void debugAddsTheStackTraceBelowTheOneLine(@TempDir Path dir) {
    String missing = dir.resolve("none.safetensors").toString();

    Cli quiet = Cli.run("info", missing);
    Cli debug = Cli.run("--debug", "info", missing);

    assertThat(quiet.errLines()).containsExactly("tessera: no such file: " + missing);
    assertThat(debug.errLines().getFirst()).isEqualTo("tessera: no such file: " + missing);
    assertThat(debug.errLines()).hasSizeGreaterThan(3).anyMatch(l -> l.strip().startsWith("at "));
    assertThat(debug.exit()).isEqualTo(quiet.exit()).isEqualTo(ExitCodes.FAILURE);
  }

  @Test
  void benchWithoutABenchmarkNamesTheBenchmarks() {
    Cli r = Cli.run("bench");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).singleElement().asString().contains("engine");
  }

  @Test
  void thePluginFolderDefaultsToPluginsUnderTheLauncherHome(@TempDir Path home) {
    String before = System.getProperty(TesseraCli.HOME_PROPERTY);
    System.setProperty(TesseraCli.HOME_PROPERTY, home.toString());
    try {
      assertThat(new TesseraCli().pluginFolder()).contains(home.resolve("plugins"));
    } finally {
      if (before == null) {
        System.clearProperty(TesseraCli.HOME_PROPERTY);
      } else {
        System.setProperty(TesseraCli.HOME_PROPERTY, before);
      }
    }
  }
}
