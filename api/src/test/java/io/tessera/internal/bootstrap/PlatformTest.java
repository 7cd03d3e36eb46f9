package io.tessera.internal.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.ApiVersion;
import io.tessera.api.BadInputException;
import io.tessera.api.CancellationToken;
import io.tessera.api.CancelledException;
import io.tessera.api.Model;
import io.tessera.api.PluginException;
import io.tessera.api.Tessera;
import io.tessera.api.TrainOptions;
import io.tessera.api.TrainingEvent;
import io.tessera.api.TrainingListener;
import io.tessera.engine.ComputeEngineProvider;
import io.tessera.io.NumericTable;
import io.tessera.internal.engine.ScalarEngineProvider;
import io.tessera.spi.ModelFamilyProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformTest {
  private static final ApiVersion SAME = new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR);
  // Four real iris rows (sepal length, sepal width, petal length, petal width).
  private static final NumericTable IRIS = new NumericTable(
      List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), 4,
      new float[] {5.1f, 3.5f, 1.4f, 0.2f, 4.9f, 3.0f, 1.4f, 0.2f, 7.0f, 3.2f, 4.7f, 1.4f, 6.3f, 3.3f, 6.0f, 2.5f},
      List.of("setosa", "setosa", "versicolor", "virginica"));

  private static Platform wire(List<ModelFamilyProvider> families, TrainingListener listener) {
    List<ComputeEngineProvider> engines = List.of(new ScalarEngineProvider());
    return Bootstrap.wire(new PlatformSettings(2, 7L, "auto", listener, List.of()), engines, families, List.of(),
        new PluginProblems(List.of()));
  }

  @Test
  void theEntryPointFindsTheScalarEngineThroughServiceLoader() {
    try (Tessera tessera = Tessera.builder().threads(1).build()) {
      assertThat(tessera.engines()).anySatisfy(e -> {
        assertThat(e.name()).isEqualTo("scalar");
        assertThat(e.available()).isTrue();
      });
      assertThat(tessera.engine().threads()).isEqualTo(1);
      assertThat(tessera.tokenizers()).extracting(t -> t.id()).contains("default");
    }
  }

  @Test
  void anUnknownEngineIsRefusedWithASuggestion() {
    assertThatThrownBy(() -> Tessera.builder().engine("scalr").build())
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("unknown engine 'scalr' (did you mean 'scalar'?)");
  }

  @Test
  void twoFamiliesWithOneIdFailAtStartUp() {
    assertThatThrownBy(() -> wire(List.of(new TestFamily("dup", SAME), new TestFamily("dup", SAME)),
        TrainingListener.NONE))
        .isInstanceOf(PluginException.class)
        .hasMessage("two ModelFamilyProvider plugins use the id 'dup'; remove one of them from the module path"
            + " or plugins/");
  }

  @Test
  void aPluginBuiltAgainstAnotherMajorApiIsSkippedWithOneLine() {
    PluginDiscovery discovery = new PluginDiscovery(List.of());
    List<ModelFamilyProvider> kept = Bootstrap.compatible(discovery,
        List.of(new TestFamily("old", new ApiVersion(0, 9)), new TestFamily("new", SAME),
            new TestFamily("future", new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR + 1))),
        f -> "model family '" + f.id() + "'", ModelFamilyProvider::apiVersion);

    assertThat(kept).extracting(ModelFamilyProvider::id).containsExactly("new");
    assertThat(discovery.problems()).hasSize(2).allSatisfy(p -> assertThat(p.message())
        .contains("this platform provides API " + ApiVersion.CURRENT).doesNotContain("\n"));
  }

  @Test
  void trainingFromTextFillsTheModelCard() {
    Platform p = wire(List.of(new TestFamily("test", SAME)), TrainingListener.NONE);
    Model model = PlatformAccess.train(p, PlatformAccess.algorithm(p, "column-means"), IRIS, Map.of("scale", "2"),
        TrainOptions.builder().dataFingerprint("sha256:abc").build());

    TestFamily.MeansModel means = (TestFamily.MeansModel) model;
    assertThat(means.means()[0]).isCloseTo(2 * (5.1f + 4.9f + 7.0f + 6.3f) / 4, org.assertj.core.data.Offset.offset(1e-5f));
    assertThat(model.card().hyperparameters()).containsEntry("scale", "2.0").containsEntry("passes", "1");
    assertThat(model.card().provenance().seed()).isEqualTo(7L);
    assertThat(model.card().provenance().engine()).isEqualTo("scalar");
    assertThat(model.card().provenance().dataFingerprint()).isEqualTo("sha256:abc");
    assertThat(model.card().formatVersion()).isEqualTo(3);
  }

  @Test
  void trainingFromAConfigRecordDescribesItInSnakeCase() {
    Platform p = wire(List.of(new TestFamily("test", SAME)), TrainingListener.NONE);
    Model model = PlatformAccess.train(p, PlatformAccess.algorithm(p, "test/column-means"), IRIS,
        new TestFamily.MeansConfig(0.5, 2), TrainOptions.DEFAULTS);

    assertThat(model.card().hyperparameters()).containsEntry("scale", "0.5").containsEntry("passes", "2");
  }

  @Test
  void wrongInputAndUnknownAlgorithmsAreClearErrors() {
    Platform p = wire(List.of(new TestFamily("test", SAME)), TrainingListener.NONE);
    assertThatThrownBy(() -> PlatformAccess.train(p, PlatformAccess.algorithm(p, "column-means"), "text", Map.of(),
        TrainOptions.DEFAULTS))
        .isInstanceOf(BadInputException.class)
        .hasMessage("test/column-means trains on NumericTable, not String");
    assertThatThrownBy(() -> PlatformAccess.algorithm(p, "column-mean"))
        .isInstanceOf(PluginException.class)
        .hasMessage("unknown algorithm 'column-mean' (did you mean 'column-means'?); installed: test/column-means");
  }

  @Test
  void progressArrivesAsPhaseEpochAndEndEvents() {
    List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    Platform p = wire(List.of(new TestFamily("test", SAME)), events::add);
    PlatformAccess.train(p, PlatformAccess.algorithm(p, "column-means"), IRIS, Map.of("passes", "3"),
        TrainOptions.DEFAULTS);

    assertThat(events).first().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(TrainingEvent.Kind.PHASE_STARTED);
      assertThat(e.total()).isEqualTo(12);
      assertThat(e.unit()).isEqualTo("rows");
    });
    assertThat(events).filteredOn(e -> e.kind() == TrainingEvent.Kind.EPOCH_FINISHED)
        .extracting(TrainingEvent::epoch).containsExactly(1, 2, 3);
    assertThat(events).last().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(TrainingEvent.Kind.PHASE_FINISHED);
      assertThat(e.epoch()).as("the last epoch that finished").isEqualTo(3);
      assertThat(e.step()).isEqualTo(12);
      assertThat(e.fraction()).isEqualTo(1.0);
    });
  }

  @Test
  void aCancelledTokenStopsTrainingAtAStepBoundary() {
    Platform p = wire(List.of(new TestFamily("test", SAME)), TrainingListener.NONE);
    CancellationToken token = new CancellationToken();
    token.cancel("interrupted by Ctrl-C");

    assertThatThrownBy(() -> PlatformAccess.train(p, PlatformAccess.algorithm(p, "column-means"), IRIS, Map.of(),
        TrainOptions.builder().cancellation(token).build()))
        .isInstanceOf(CancelledException.class)
        .hasMessage("interrupted by Ctrl-C; stopped at pass 1");
  }

  @Test
  void namedRandomStreamsAreReproducibleAndIndependent() {
    long a1 = FitContext.streamSeed(42, "init");
    long a2 = FitContext.streamSeed(42, "init");
    long b = FitContext.streamSeed(42, "shuffle");
    long c = FitContext.streamSeed(43, "init");

    assertThat(a1).isEqualTo(a2);
    assertThat(List.of(b, c)).doesNotContain(a1);
  }

  @Test
  void modelsSurviveASaveAndLoadRoundTrip(@TempDir Path dir) {
    Platform p = wire(List.of(new TestFamily("test", SAME)), TrainingListener.NONE);
    Model model = PlatformAccess.train(p, PlatformAccess.algorithm(p, "column-means"), IRIS, Map.of("scale", "3"),
        TrainOptions.DEFAULTS);
    Path file = dir.resolve("means.safetensors");

    PlatformAccess.save(p, model, file);
    Model loaded = PlatformAccess.load(p, file);

    assertThat(loaded.card()).isEqualTo(model.card());
    assertThat(((TestFamily.MeansModel) loaded).means()).containsExactly(((TestFamily.MeansModel) model).means());
  }

  @Test
  void aModelOfAnUninstalledFamilyIsRefusedByName(@TempDir Path dir) {
    Platform writer = wire(List.of(new TestFamily("test", SAME)), TrainingListener.NONE);
    Model model = PlatformAccess.train(writer, PlatformAccess.algorithm(writer, "column-means"), IRIS, Map.of(),
        TrainOptions.DEFAULTS);
    Path file = dir.resolve("m.safetensors");
    PlatformAccess.save(writer, model, file);

    Platform reader = wire(List.of(new TestFamily("other", SAME)), TrainingListener.NONE);
    assertThatThrownBy(() -> PlatformAccess.load(reader, file))
        .hasMessageEndingWith("model of test/column-means, which is not installed (is its plugin on the module path"
            + " or in plugins/?)");
  }
}
