package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchEngineCommandTest {

  @Test
  void reportsAPositiveGflopRateForEverySize() {
    Cli r = Cli.run("--threads", "1", "bench", "engine", "--sizes", "16,48", "--repeats", "2");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("sgemm on", "GFLOP/s").containsPattern("(?m)^\\s+16\\s").containsPattern("(?m)^\\s+48\\s");
  }

  @Test
  @SuppressWarnings("unchecked")
  void jsonHoldsOneResultPerSizeAndTheScalarComparisonWhenAsked() {
    Cli r = Cli.run("--threads", "1", "bench", "engine", "--sizes", "32", "--repeats", "1", "--json", "--compare");

    assertThat(r.exit()).isZero();
    Map<String, Object> json = r.json();
    assertThat(json).containsKeys("engine", "description", "threads", "results");
    assertThat(json.get("results")).asInstanceOf(LIST).singleElement().asInstanceOf(MAP)
        .containsEntry("n", 32L)
        .satisfies(m -> assertThat((Double) m.get("gflops")).isPositive());
    if (!"scalar".equals(json.get("engine"))) {
      assertThat((List<Object>) json.get("scalar")).hasSize(1);
    }
  }

  @Test
  void rejectsSizesOutsideTheSupportedRange() {
    Cli r = Cli.run("bench", "engine", "--sizes", "0");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).singleElement().asString().contains("--sizes");
  }
}
