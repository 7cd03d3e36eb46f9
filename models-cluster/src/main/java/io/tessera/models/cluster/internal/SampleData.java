package io.tessera.models.cluster.internal;

import io.tessera.io.NumericTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Real data bundled with the family for {@code tessera demo} and examples. The resources sit in this
 * (unexported) package, which the module itself may always read.
 */
final class SampleData {

  private SampleData() {
  }

  /**
   * @return Fisher's iris data (150 rows, 4 measurements in cm, {@code species} as labels), as shipped with
   *     scikit-learn 1.2
   */
  static NumericTable iris() {
    return bundledTable("iris.csv");
  }

  /**
   * Reads a bundled CSV through the same reader as user files. That reader takes a path, and a resource may
   * live inside a jar, so the few kilobytes go through a temporary file.
   */
  private static NumericTable bundledTable(String name) {
    try (InputStream in = SampleData.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("bundled resource " + name + " is missing from the cluster module");
      }
      Path dir = Files.createTempDirectory("tessera-sample");
      Path file = dir.resolve(name);
      try {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        return TableInput.read(file);
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled resource " + name, e);
    }
  }
}
