package io.tessera.models.cluster.internal;

import io.tessera.io.NumericTable;
import io.tessera.models.cluster.KMeansConfig;
import io.tessera.models.cluster.KMeansModel;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ModelCodec;
import io.tessera.spi.ParamSpec;
import io.tessera.spi.ParamValues;
import io.tessera.spi.Range;
import io.tessera.spi.Trainer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** K-Means as a plugin algorithm: {@code cluster/kmeans}, trained on a numeric table. */
public final class KMeansAlgorithm implements Algorithm<NumericTable, KMeansConfig, KMeansModel> {

  private static final KMeansConfig DEFAULTS = KMeansConfig.builder().build();

  private static final List<ParamSpec<?>> PARAMS = List.of(
      ParamSpec.ofInt("k", DEFAULTS.k(), Range.atLeast(1), "number of clusters"),
      ParamSpec.ofChoice("init", DEFAULTS.init().id(), Arrays.stream(KMeansConfig.Init.values()).map(KMeansConfig.Init::id).toList(),
          "initial centres: greedy k-means++ sampling, or k distinct random rows"),
      ParamSpec.ofInt("n_init", DEFAULTS.nInit(), Range.atLeast(1),
          "runs from different initial centres; the lowest inertia wins"),
      ParamSpec.ofInt("max_iter", DEFAULTS.maxIter(), Range.atLeast(1), "maximum Lloyd iterations per run"),
      ParamSpec.ofDouble("tol", DEFAULTS.tol(), Range.atLeast(0),
          "stop when the squared centre shift is at most tol x the mean feature variance"),
      ParamSpec.ofChoice("scale", DEFAULTS.scale().id(), Arrays.stream(KMeansConfig.Scale.values()).map(KMeansConfig.Scale::id).toList(),
          "feature scaling before clustering: none, or standard (mean 0, variance 1)"));

  private final KMeansTrainer trainer = new KMeansTrainer();
  private final KMeansCodec codec = new KMeansCodec();

  @Override
  public String id() {
    return "kmeans";
  }

  @Override
  public String family() {
    return ClusterFamilyProvider.ID;
  }

  @Override
  public String description() {
    return "K-Means (Lloyd) with k-means++ seeding: k centroids minimising the within-cluster sum of squares";
  }

  @Override
  public Class<NumericTable> inputType() {
    return NumericTable.class;
  }

  @Override
  public Class<KMeansConfig> configType() {
    return KMeansConfig.class;
  }

  @Override
  public Class<KMeansModel> modelType() {
    return KMeansModel.class;
  }

  @Override
  public List<ParamSpec<?>> params() {
    return PARAMS;
  }

  @Override
  public KMeansConfig configure(ParamValues values) {
    return new KMeansConfig(values.getInt("k"), KMeansConfig.Init.of(values.getString("init")),
        values.getInt("n_init"), values.getInt("max_iter"), values.getDouble("tol"),
        KMeansConfig.Scale.of(values.getString("scale")));
  }

  @Override
  public Trainer<NumericTable, KMeansConfig, KMeansModel> trainer() {
    return trainer;
  }

  @Override
  public ModelCodec<KMeansModel> codec() {
    return codec;
  }

  @Override
  public NumericTable readInput(Path file) {
    return TableInput.read(file);
  }

  @Override
  public String inputDescription() {
    return TableInput.DESCRIPTION;
  }

  @Override
  public Optional<NumericTable> sampleInput() {
    return Optional.of(SampleData.iris());
  }

  /** Iris has three species, so the demo asks for three clusters. */
  @Override
  public Map<String, String> sampleParams() {
    return Map.of("k", "3");
  }
}
