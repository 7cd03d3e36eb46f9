package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginsCommandTest {

  @Test
  void listsEveryFamilyWithItsAlgorithmsHyperparametersAndTheTokenizers() {
    Cli r = Cli.run("plugins");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Model families", "cluster", "embedding", "rnn", "topic", "API 1.0")
        .contains("cluster/kmeans", "input: CSV")
        .contains("name", "type", "default", "allowed", "description")
        .containsPattern("\\bk\\s+int\\s+8\\s+\\[1, inf\\)")
        .contains("Tokenizers", "default", "lowercase")
        .contains("Skipped plugins (0)");
  }

  @Test
  @SuppressWarnings("unchecked")
  void jsonDescribesTheSameThingsAsOneObject() {
    Cli r = Cli.run("plugins", "--json");

    assertThat(r.exit()).isZero();
    Map<String, Object> json = r.json();
    List<Map<String, Object>> families = (List<Map<String, Object>>) json.get("families");
    assertThat(families).extracting(f -> f.get("id")).contains("cluster", "embedding", "rnn", "topic");
    Map<String, Object> cluster = families.stream().filter(f -> f.get("id").equals("cluster")).findFirst().orElseThrow();
    assertThat(cluster).containsEntry("api_version", "1.0").containsEntry("source", "io.tessera.models.cluster");
    assertThat(cluster.get("algorithms")).asInstanceOf(LIST).first().asInstanceOf(MAP)
        .containsEntry("id", "kmeans")
        .containsEntry("sample", true)
        .extractingByKey("hyperparameters").asInstanceOf(LIST)
        .contains(Map.of("name", "k", "type", "int", "default", "8", "allowed", "[1, inf)",
            "doc", "number of clusters"));
    assertThat((List<Map<String, Object>>) json.get("tokenizers")).extracting(t -> t.get("id")).contains("default");
    assertThat(json.get("problems")).asInstanceOf(LIST).isEmpty();
  }
}
