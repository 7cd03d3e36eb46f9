package io.tessera.models.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.ModelCard;
import io.tessera.api.ModelFormatException;
import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;
import io.tessera.models.cluster.KMeansConfig;
import io.tessera.models.cluster.KMeansModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KMeansCodecTest {

  private final KMeansCodec codec = new KMeansCodec();

  @TempDir
  Path dir;

  private static KMeansModel train(KMeansConfig.Scale scale) {
    try (TestContext context = new TestContext(1, 3)) {
      return new KMeansTrainer().fit(SampleData.iris(), KMeansConfig.builder().k(3).scale(scale).build(), context);
    }
  }

  /** @return the file the codec wrote the model to */
  private Path save(KMeansModel model, String name) {
    Path file = dir.resolve(name);
    TensorWriter out = TensorWriter.create();
    codec.write(model, out);
    out.write(file);
    return file;
  }

  private KMeansModel roundTrip(KMeansModel model, ModelCard card) {
    try (TensorFile in = TensorFile.open(save(model, "model.safetensors"))) {
      return codec.read(in, card);
    }
  }

  @Test
  @DisplayName("a written and re-read model has the same centroids, labels, scaling, figures and queries")
  void roundTripKeepsEverything() {
    for (KMeansConfig.Scale scale : KMeansConfig.Scale.values()) {
      KMeansModel model = train(scale);

      KMeansModel back = roundTrip(model, model.card());

      assertThat(back.centroids()).containsExactly(model.centroids());
      assertThat(back.labels()).containsExactly(model.labels());
      assertThat(back.featureNames()).isEqualTo(model.featureNames());
      assertThat(back.scaling().isIdentity()).isEqualTo(scale == KMeansConfig.Scale.NONE);
      assertThat(back.scaling().mean()).containsExactly(model.scaling().mean());
      assertThat(back.scaling().scale()).containsExactly(model.scaling().scale());
      assertThat(back.referenceLabels()).isEqualTo(model.referenceLabels()).hasSize(150);
      assertThat(back.inertia()).isEqualTo(model.inertia());
      assertThat(back.iterations()).isEqualTo(model.iterations());
      assertThat(back.summary()).isEqualTo(model.summary());
      assertThat(back.predict(new float[] {6.3f, 2.9f, 5.0f, 1.8f}))
          .isEqualTo(model.predict(new float[] {6.3f, 2.9f, 5.0f, 1.8f}));
    }
  }

  @Test
  @DisplayName("reading refuses wrong shapes, missing tensors and out-of-range values with ModelFormatException")
  void readRefusesMalformedFiles() {
    KMeansModel model = train(KMeansConfig.Scale.STANDARD);
    int n = model.rows();

    assertMalformed(model, out -> out.putFloats("centroids", new float[15], 3, 5), "centroids");
    assertMalformed(model, out -> out.putFloats("centroids", new float[12], 12), "centroids");
    assertMalformed(model, out -> out.putInts("labels", new int[n - 1], n - 1), "class_of_row");
    assertMalformed(model, out -> out.putInts("labels", filled(n, 3), n), "label");
    assertMalformed(model, out -> out.putDoubles("scaling_scale", new double[] {1, 1, 0, 1}, 4), "scaling");
    assertMalformed(model, out -> out.putInts("class_of_row", filled(n, 7), n), "class_of_row");
    assertMalformed(model, out -> out.putStrings("features", List.of("a", "b")), "scaling_mean");
  }

  /** Writes the model's tensors with some replaced and expects the read to fail, naming {@code mentioned}. */
  private void assertMalformed(KMeansModel model, Consumer<TensorWriter> replacement, String mentioned) {
    Path file = dir.resolve("bad.safetensors");
    TensorWriter bad = TensorWriter.create();
    replacement.accept(bad);
    copyAllBut(model, bad);
    bad.write(file);
    try (TensorFile in = TensorFile.open(file)) {
      assertThatThrownBy(() -> codec.read(in, model.card()))
          .isInstanceOf(ModelFormatException.class)
          .hasMessageContaining(mentioned);
    }
  }

  /** Adds every tensor of the model that {@code out} does not have yet. */
  private void copyAllBut(KMeansModel model, TensorWriter out) {
    try (TensorFile in = TensorFile.open(save(model, "good.safetensors"))) {
      for (String name : in.names()) {
        String base = name.endsWith(".offsets") ? name.substring(0, name.length() - ".offsets".length()) : name;
        if (!out.has(base) && !out.has(name)) {
          out.put(name, in.info(name).dtype(), in.raw(name), in.info(name).shape());
        }
      }
    }
  }

  @Test
  @DisplayName("a file without the centroids tensor is refused, naming it")
  void missingTensor() {
    KMeansModel model = train(KMeansConfig.Scale.NONE);
    Path file = dir.resolve("partial.safetensors");
    TensorWriter out = TensorWriter.create();
    ClusterCodecs.write(model, out);
    out.write(file);

    try (TensorFile in = TensorFile.open(file)) {
      assertThatThrownBy(() -> codec.read(in, model.card()))
          .isInstanceOf(ModelFormatException.class)
          .hasMessageContaining("centroids");
    }
  }

  private static int[] filled(int n, int value) {
    int[] a = new int[n];
    Arrays.fill(a, value);
    return a;
  }
}
