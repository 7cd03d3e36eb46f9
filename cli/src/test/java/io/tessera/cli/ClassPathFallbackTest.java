package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applications that put Tessera on the class path get correct results, fast ones when they add the SIMD module. */
class ClassPathFallbackTest {

  private static JavaProcess probe(Path dir, String... jvmOptions) {
    List<String> args = new ArrayList<>(List.of(jvmOptions));
    args.addAll(List.of("-cp", String.join(File.pathSeparator, JavaProcess.testPath()),
        ClassPathProbe.class.getName()));
    return JavaProcess.run(dir, args);
  }

  @Test
  void withoutTheVectorModuleTheScalarEngineComputesCorrectResults(@TempDir Path dir) {
    JavaProcess run = probe(dir);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("module=false", "engine=scalar")
        .containsPattern("engine simd .*--add-modules jdk.incubator.vector")
        .contains("kmeans=");
    assertThat(gemmError(run)).isLessThan(1e-4f);
    assertThat(run.err()).as("one log line names the fix").contains("simd engine unavailable")
        .contains("--add-modules jdk.incubator.vector");
  }

  @Test
  void withTheVectorModuleTheSimdEngineIsChosenAndAgrees(@TempDir Path dir) {
    JavaProcess run = probe(dir, "--add-modules", "jdk.incubator.vector");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("module=false", "engine=simd", "engine simd available");
    // k = 129 products of values in [-1, 1]: float rounding in another summation order stays far below 1e-4.
    assertThat(gemmError(run)).isLessThan(1e-4f);
  }

  private static float gemmError(JavaProcess run) {
    return run.out().lines().filter(l -> l.startsWith("gemm_max_abs_diff="))
        .map(l -> Float.parseFloat(l.substring(l.indexOf('=') + 1))).findFirst().orElseThrow();
  }
}
