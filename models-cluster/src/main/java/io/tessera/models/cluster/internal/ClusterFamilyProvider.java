package io.tessera.models.cluster.internal;

import io.tessera.api.ApiVersion;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ModelFamilyProvider;
import java.util.List;

/** Publishes the cluster family's algorithms to the platform. */
public final class ClusterFamilyProvider implements ModelFamilyProvider {

  /** The family's id. */
  static final String ID = "cluster";

  private static final List<Algorithm<?, ?, ?>> ALGORITHMS = List.of(new KMeansAlgorithm());

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Clustering of numeric tables: K-Means";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR);
  }

  @Override
  public List<Algorithm<?, ?, ?>> algorithms() {
    return ALGORITHMS;
  }
}
