package io.tessera.models.topic.internal;

import io.tessera.api.ApiVersion;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ModelFamilyProvider;
import java.util.List;

/** Publishes the topic family's algorithms to the platform. */
public final class TopicFamilyProvider implements ModelFamilyProvider {

  @Override
  public String id() {
    return "topic";
  }

  @Override
  public String description() {
    return "Topic models: LDA by collapsed Gibbs sampling and online variational Bayes";
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
