package io.tessera.models.cluster.internal;

import io.tessera.api.ModelCard;
import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;
import io.tessera.models.cluster.KMeansModel;
import io.tessera.spi.ModelCodec;

/**
 * Format 1 of K-Means models: the family's common tensors ({@link ClusterCodecs}) plus {@code centroids}
 * F32 {@code [k, d]} (scaled space), {@code inertia} F64 {@code [1]} and {@code iterations} I32 {@code [1]}.
 */
final class KMeansCodec implements ModelCodec<KMeansModel> {

  @Override
  public int formatVersion() {
    return 1;
  }

  @Override
  public void write(KMeansModel model, TensorWriter out) {
    ClusterCodecs.write(model, out);
    out.putFloats("centroids", model.centroids(), model.k(), model.dimensions());
    out.putDoubles("inertia", new double[] {model.inertia()}, 1);
    out.putInts("iterations", new int[] {model.iterations()}, 1);
  }

  @Override
  public KMeansModel read(TensorFile in, ModelCard card) {
    ClusterCodecs.Common common = ClusterCodecs.read(in);
    long[] shape = ClusterCodecs.shape(in, "centroids", 2);
    if (shape[0] < 1 || shape[1] != common.dimensions()) {
      throw ClusterCodecs.bad(in, "tensor 'centroids' has shape [" + shape[0] + ", " + shape[1] + "]; expected [k >= 1, "
          + common.dimensions() + "] for " + common.dimensions() + " features");
    }
    float[] centroids = in.floats("centroids", shape);
    double inertia = in.doubles("inertia", 1)[0];
    int iterations = in.ints("iterations", 1)[0];
    return ClusterCodecs.build(in, () -> new KMeansModel(card, common.featureNames(), common.scaling(), centroids,
        common.labels(), common.rowClasses(), inertia, iterations));
  }
}
