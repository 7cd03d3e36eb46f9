package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {
  @TempDir
  Path dir;

  @Test
  void showsTheCardAndTheSummaryOfAModelFile() {
    Path data = Cli.resource("iris.csv", dir);
    Path model = dir.resolve("iris.safetensors");
    assertThat(Cli.run("train", "kmeans", "--data", data.toString(), "k=3", "--out", model.toString()).exit())
        .isZero();

    Cli r = Cli.run("info", model.toString());

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("file:", model.toString())
        .contains("model:           cluster/kmeans (format version ")
        .contains("k=3", "max_iter=300")
        .contains("engine:", "seed 42")
        .contains("data:            sha256:")
        .contains("summary:", "3 clusters");
  }

  @Test
  void aFileThatIsNoModelFailsOnOneLine() throws IOException {
    Path junk = dir.resolve("junk.safetensors");
    Files.writeString(junk, "this is not a safetensors file");

    Cli r = Cli.run("info", junk.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.errLines()).singleElement().asString().startsWith("tessera: ").contains(junk.toString());
  }
}
