package io.tessera.models.cluster.internal;

import io.tessera.io.NumericTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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
    String name = "iris.csv";
    try (InputStream in = SampleData.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("bundled resource " + name + " is missing from the cluster module");
      }
      return TableInput.read(in, name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled resource " + name, e);
    }
  }
}
