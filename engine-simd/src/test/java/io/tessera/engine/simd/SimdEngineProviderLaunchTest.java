package io.tessera.engine.simd;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.engine.ComputeEngineProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The provider's probing in fresh JVMs launched on the class path: without {@code --add-modules
 * jdk.incubator.vector} it must load (never linking a Vector API class) and say how to fix it; with the JIT
 * or C2 switched off it must refuse, since vector code is then far slower than scalar code.
 */
class SimdEngineProviderLaunchTest {

  @Test
  void classPathWithoutTheVectorModuleNamesTheFlag() throws Exception {
    assertThat(probe()).isEqualTo("unavailable: jdk.incubator.vector is not in the boot layer; launch with "
        + "--add-modules jdk.incubator.vector (or put Tessera on the module path)");
  }

  @Test
  void withTheModuleItIsAvailable() throws Exception {
    assertThat(probe("--add-modules", "jdk.incubator.vector")).isEqualTo("available");
  }

  @Test
  void interpreterOnlyOrC1OnlyIsRefused() throws Exception {
    assertThat(probe("--add-modules", "jdk.incubator.vector", "-Xint")).startsWith("unavailable: the JIT")
        .contains("-Xint");
    assertThat(probe("--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=1"))
        .startsWith("unavailable: the C2 compiler is off");
  }

  private static String probe(String... jvmOptions) throws IOException, InterruptedException, URISyntaxException {
    String classPath = String.join(java.io.File.pathSeparator, location(SimdEngineProvider.class),
        location(ProviderProbe.class), location(ComputeEngineProvider.class));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-Xshare:auto", "-cp", classPath, ProviderProbe.class.getName()));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("probe output: %s", out).isZero();
    return out;
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
