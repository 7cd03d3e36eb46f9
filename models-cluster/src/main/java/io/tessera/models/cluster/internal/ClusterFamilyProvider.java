package io.tessera.models.cluster.internal;

import io.tessera.api.ApiVersion;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ModelFamilyProvider;
import java.util.List;

/** Publishes the cluster family's algorithms to the platform. */
public final class ClusterFamilyProvider implements ModelFamilyProvider {

  @Override
  public String id() {
    return "cluster";
  }

  @Override
  public String description() {
    return "Clustering and neighbours: K-Means, DBSCAN, hierarchical, KNN, GMM, PCA/t-SNE";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR);
  }

  @Override
  public List<Algorithm<?, ?, ?>> algorithms() {
    return List.of();
  }
}
