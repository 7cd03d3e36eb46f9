package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A third-party plugin jar dropped into a plugins folder shows up in the CLI and trains. */
class PluginDirectoryTest {
  /** The example plugin's compiled classes; the reactor builds examples/hello-plugin before cli. */
  private static final Path EXAMPLE_CLASSES = Path.of("..", "examples", "hello-plugin", "target", "classes");

  /** Packs the example plugin's classes into a jar, as `mvn package` would. */
  static Path examplePluginJar(Path pluginsDir) throws IOException {
    Files.createDirectories(pluginsDir);
    Path jar = pluginsDir.resolve("tessera-example-hello-plugin.jar");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
         Stream<Path> files = Files.walk(EXAMPLE_CLASSES)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(EXAMPLE_CLASSES.relativize(p).toString().replace('\\', '/')));
        Files.copy(p, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void theExamplePluginIsListedAndTrainsFromThePluginsFolder(@TempDir Path dir) throws IOException {
    Path plugins = dir.resolve("plugins");
    examplePluginJar(plugins);
    Path iris = Cli.resource("iris.csv", dir);
    Path model = dir.resolve("centroids.safetensors");

    Cli listed = Cli.run("--plugins", plugins.toString(), "plugins");
    Cli trained = Cli.run("--plugins", plugins.toString(), "train", "nearest-centroid", "--data", iris.toString(),
        "--out", model.toString());
    Cli info = Cli.run("--plugins", plugins.toString(), "info", model.toString());

    assertThat(listed.exit()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("example", "nearest-centroid");
    assertThat(trained.exit()).as(trained.err()).isZero();
    assertThat(model).isRegularFile();
    assertThat(info.exit()).as(info.err()).isZero();
    assertThat(info.out()).contains("example", "nearest-centroid");
  }

  @Test
  void withoutThePluginsFolderTheExampleIsUnknown(@TempDir Path dir) {
    Cli listed = Cli.run("--plugins", dir.resolve("empty").toString(), "plugins");

    assertThat(listed.exit()).isZero();
    assertThat(listed.out()).doesNotContain("nearest-centroid");
  }

  @Test
  void aCorruptJarIsReportedAndTheOtherPluginsStillLoad(@TempDir Path dir) throws IOException {
    Path plugins = dir.resolve("plugins");
    examplePluginJar(plugins);
    Files.write(plugins.resolve("broken.jar"), List.of("this is not a zip file"));

    Cli listed = Cli.run("--plugins", plugins.toString(), "plugins");

    assertThat(listed.exit()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("nearest-centroid").contains("broken.jar");
  }
}
