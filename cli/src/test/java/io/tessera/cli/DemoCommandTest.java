package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir
  Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void trainsEveryAlgorithmWithASampleAndListsEveryFamily() {
    Path out = dir.resolve("demo");
    List<Map<String, Object>> families = (List<Map<String, Object>>) Cli.run("plugins", "--json").json().get("families");

    Cli r = Cli.run("--threads", "1", "demo", "--out", out.toString());

    assertThat(r.exit()).isZero();
    assertThat(families).allSatisfy(f -> assertThat(r.out()).contains("== " + f.get("id") + ": "));
    assertThat(families).filteredOn(f -> ((List<?>) f.get("algorithms")).isEmpty())
        .allSatisfy(f -> assertThat(r.out()).contains("== " + f.get("id") + ": " + f.get("description")
            + System.lineSeparator() + "   no algorithms yet"));
    assertThat(r.out()).contains("== cluster", "-- cluster/kmeans", "saved " + out.resolve("cluster-kmeans.safetensors"))
        .contains("Done: ", "tessera info ");
    assertThat(out.resolve("cluster-kmeans.safetensors")).isRegularFile();
    assertThat(out.resolve("cluster-kmeans.png")).isRegularFile();
    Cli info = Cli.run("info", out.resolve("cluster-kmeans.safetensors").toString());
    assertThat(info.exit()).isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void jsonListsAnOutcomePerAlgorithmOrFamily() {
    Cli r = Cli.run("--threads", "1", "demo", "cluster", "--out", dir.toString(), "--json");

    assertThat(r.exit()).isZero();
    List<Map<String, Object>> models = (List<Map<String, Object>>) r.json().get("models");
    assertThat(models).isNotEmpty().allSatisfy(m -> assertThat(m).containsEntry("family", "cluster"));
    assertThat(models).filteredOn(m -> "kmeans".equals(m.get("algorithm"))).singleElement()
        .satisfies(m -> assertThat(m).containsEntry("status", "trained")
            .containsEntry("file", dir.resolve("cluster-kmeans.safetensors").toString()));
  }

  @Test
  void anUnknownFamilyIsAUsageError() {
    Cli r = Cli.run("demo", "clusters", "--out", dir.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).singleElement().asString().contains("no model family 'clusters'");
  }
}
