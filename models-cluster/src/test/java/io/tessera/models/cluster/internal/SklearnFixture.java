package io.tessera.models.cluster.internal;

import io.tessera.io.Json;
import io.tessera.io.NumericTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A reference result written by {@code sklearn/make_fixtures.py}, with the table it was computed on. */
record SklearnFixture(String name, Map<String, Object> json) {

  static SklearnFixture load(String name) {
    return new SklearnFixture(name, asMap(Json.parse(resource("sklearn/" + name + ".json"))));
  }

  /** @return the training table the case ran on, read as the algorithm reads files */
  NumericTable table() {
    String file = string("file");
    if (file.equals("iris.csv")) {
      return SampleData.iris();
    }
    try {
      return TableInput.read(Path.of(SklearnFixture.class.getResource("sklearn/" + file).toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  String string(String key) {
    return (String) json.get(key);
  }

  int integer(String key) {
    return ((Number) json.get(key)).intValue();
  }

  double number(String key) {
    return ((Number) json.get(key)).doubleValue();
  }

  double[] numbers(String key) {
    return ((List<?>) json.get(key)).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }

  int[] integers(String key) {
    return ((List<?>) json.get(key)).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
  }

  /** @return a list of rows as one row-major array */
  double[] matrix(String key) {
    return ((List<?>) json.get(key)).stream()
        .flatMapToDouble(row -> ((List<?>) row).stream().mapToDouble(v -> ((Number) v).doubleValue())).toArray();
  }

  float[] floatMatrix(String key) {
    double[] m = matrix(key);
    float[] out = new float[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = (float) m[i];
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  private static String resource(String path) {
    try (InputStream in = stream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream stream(String path) {
    InputStream in = SklearnFixture.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + path);
    }
    return in;
  }

  @Override
  public String toString() {
    return name;
  }
}
