package io.tessera.models.cluster.internal;

import io.tessera.api.ApiVersion;
import io.tessera.spi.FamilyProviderBase;
import java.util.List;

/** Publishes the cluster family's algorithms to the platform. */
public final class ClusterFamilyProvider extends FamilyProviderBase {

  /** The family's id. */
  static final String ID = "cluster";

  public ClusterFamilyProvider() {
    super(ID, "Clustering of numeric tables: K-Means", new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR),
        List.of(new KMeansAlgorithm()));
  }
}
