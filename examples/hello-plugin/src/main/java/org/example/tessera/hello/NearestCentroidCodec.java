package org.example.tessera.hello;

import io.tessera.api.ModelCard;
import io.tessera.api.ModelFormatException;
import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;
import io.tessera.spi.ModelCodec;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Format 1: {@code features} and {@code classes} (strings), {@code centroids} F64 {@code [classes, features]},
 * {@code metric} (one string) and {@code training_accuracy} F64 {@code [1]}. The platform adds the model card.
 */
final class NearestCentroidCodec implements ModelCodec<NearestCentroidModel> {

  @Override
  public int formatVersion() {
    return 1;
  }

  @Override
  public void write(NearestCentroidModel model, TensorWriter out) {
    int k = model.classes().size();
    int d = model.features().size();
    double[] centroids = new double[k * d];
    for (int c = 0; c < k; c++) {
      System.arraycopy(model.centroid(c), 0, centroids, c * d, d);
    }
    out.putStrings("features", model.features())
        .putStrings("classes", model.classes())
        .putDoubles("centroids", centroids, k, d)
        .putStrings("metric", List.of(model.metric().id()))
        .putDoubles("training_accuracy", new double[] {model.trainingAccuracy()}, 1);
  }

  @Override
  public NearestCentroidModel read(TensorFile in, ModelCard card) {
    List<String> features = in.strings("features");
    List<String> classes = in.strings("classes");
    // Passing the expected shape makes the reader refuse a tensor of another shape or dtype.
    double[] centroids = in.doubles("centroids", classes.size(), features.size());
    List<String> metric = in.strings("metric");
    double accuracy = in.doubles("training_accuracy", 1)[0];
    try {
      NearestCentroidConfig.Metric m = NearestCentroidConfig.Metric.valueOf(metric.getFirst().toUpperCase(Locale.ROOT));
      return new NearestCentroidModel(card, features, classes, centroids, m, accuracy);
    } catch (IllegalArgumentException | NoSuchElementException e) {
      throw new ModelFormatException(in.path() + ": invalid nearest-centroid model (metric " + metric + "): "
          + e.getMessage(), e);
    }
  }
}
