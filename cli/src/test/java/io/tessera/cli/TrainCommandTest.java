package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir
  Path dir;

  @Test
  void trainsPrintsTheSummaryAndSavesTheModel() {
    Path data = Cli.resource("iris.csv", dir);
    Path model = dir.resolve("models/iris.safetensors");

    Cli r = Cli.run("--threads", "1", "train", "kmeans", "--data", data.toString(), "k=3", "n_init=2",
        "--out", model.toString());

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("cluster/kmeans trained in", "seed 42", "3 clusters", "saved " + model);
    assertThat(r.err()).contains("read " + data).contains("kmeans: done in");
    assertThat(model).isRegularFile();
  }

  @Test
  void theSavedModelCarriesTheHyperparametersAndTheDataFingerprint() {
    Path data = Cli.resource("iris.csv", dir);
    Path model = dir.resolve("iris.safetensors");
    Cli.run("--seed", "7", "train", "cluster/kmeans", "--data", data.toString(), "k=2", "--out", model.toString());

    Cli info = Cli.run("info", model.toString(), "--json");

    assertThat(info.exit()).isZero();
    Map<String, Object> card = (Map<String, Object>) info.json().get("card");
    assertThat(card).containsEntry("family", "cluster").containsEntry("algorithm", "kmeans");
    assertThat(card.get("hyperparameters")).asInstanceOf(MAP).containsEntry("k", "2").containsKey("max_iter");
    assertThat(card.get("provenance")).asInstanceOf(MAP).containsEntry("seed", 7L)
        .hasEntrySatisfying("data_fingerprint", f -> assertThat((String) f).matches("sha256:[0-9a-f]{64}"));
  }

  @Test
  void jsonReportsTheCardSummaryAndTiming() {
    Path data = Cli.resource("iris.csv", dir);

    Cli r = Cli.run("train", "kmeans", "--data", data.toString(), "k=3", "--json");

    assertThat(r.exit()).isZero();
    assertThat(r.json()).containsEntry("algorithm", "cluster/kmeans").containsKeys("seconds", "card", "summary")
        .containsEntry("out", null);
  }

  @Test
  void anUnknownHyperparameterIsAUsageErrorNamingTheNearestOne() {
    Path data = Cli.resource("iris.csv", dir);

    Cli r = Cli.run("train", "kmeans", "--data", data.toString(), "kk=3");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("tessera: parameter 'kk': unknown parameter")
        .contains("did you mean 'k'?");
  }

  @Test
  void aValueOutOfRangeIsAUsageErrorNamingTheRange() {
    Path data = Cli.resource("iris.csv", dir);

    Cli r = Cli.run("train", "kmeans", "--data", data.toString(), "k=0");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).singleElement().asString().startsWith("tessera: parameter 'k'").contains("[1, inf)");
  }

  @Test
  void anArgumentWithoutEqualsSignIsAUsageError() {
    Path data = Cli.resource("iris.csv", dir);

    Cli r = Cli.run("train", "kmeans", "--data", data.toString(), "k", "3");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).singleElement().asString().contains("expected KEY=VALUE, got 'k'");
  }

  @Test
  void anUnknownAlgorithmIsAUsageError() {
    Path data = Cli.resource("iris.csv", dir);

    Cli r = Cli.run("train", "kmaens", "--data", data.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).singleElement().asString().startsWith("tessera: ").contains("kmaens");
  }

  @Test
  void dataIsRequired() {
    Cli r = Cli.run("train", "kmeans", "k=3");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).singleElement().asString().contains("--data");
  }

  @Test
  void aMissingDataFileFailsOnOneLine() {
    Path missing = dir.resolve("missing.csv");

    Cli r = Cli.run("train", "kmeans", "--data", missing.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.errLines()).containsExactly("tessera: no such file: " + missing);
  }

  @Test
  void aMalformedDataFileFailsNamingFileAndLine() {
    Path bad = Cli.resource("bad.csv", dir);

    Cli r = Cli.run("train", "kmeans", "--data", bad.toString(), "k=1");

    assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.errLines()).singleElement().asString().startsWith("tessera: " + bad + ":3");
  }

  @Test
  void resumeNeedsACheckpoint() {
    Path data = Cli.resource("iris.csv", dir);

    Cli r = Cli.run("train", "kmeans", "--data", data.toString(), "--resume");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).singleElement().asString().contains("--resume needs --checkpoint");
  }

  @Test
  void aCancelledRunExitsWith130SaysWhereItStoppedAndWritesNothing() {
    Path data = Cli.resource("iris.csv", dir);
    Path model = dir.resolve("never.safetensors");

    Cli r = Cli.run(cl -> ((TrainCommand) cl.getSubcommands().get("train").getCommand()).cancellation
        .cancel("interrupted"), "train", "kmeans", "--data", data.toString(), "--out", model.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(r.errLines()).last().asString()
        .startsWith("tessera: interrupted; stopped at ")
        .endsWith("; no model written");
    assertThat(r.out()).isEmpty();
    assertThat(model).doesNotExist();
    assertThat(Files.exists(model.resolveSibling(model.getFileName() + ".tmp"))).isFalse();
  }
}
