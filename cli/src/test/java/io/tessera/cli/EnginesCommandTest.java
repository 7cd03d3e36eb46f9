package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnginesCommandTest {

  @Test
  void listsEveryEngineAndDescribesTheActiveOne() {
    Cli r = Cli.run("--threads", "1", "engines");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("scalar", "simd", "Active engine:", "float lanes", "threads 1");
    assertThat(r.out().lines().filter(l -> l.startsWith("  * "))).hasSize(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void jsonGivesEachEngineItsAvailabilityAndTheActiveEnginesFigures() {
    Cli r = Cli.run("--threads", "2", "engines", "--json");

    assertThat(r.exit()).isZero();
    Map<String, Object> json = r.json();
    List<Map<String, Object>> engines = (List<Map<String, Object>>) json.get("engines");
    assertThat(engines).extracting(e -> e.get("name")).contains("scalar", "simd");
    assertThat(engines).filteredOn(e -> Boolean.FALSE.equals(e.get("available")))
        .allSatisfy(e -> assertThat((String) e.get("unavailable_reason")).isNotBlank());
    assertThat(engines).filteredOn(e -> Boolean.TRUE.equals(e.get("active"))).hasSize(1);
    assertThat(json.get("active")).asInstanceOf(MAP)
        .containsEntry("threads", 2L)
        .containsKeys("name", "description", "float_lanes", "vector_bits");
  }
}
