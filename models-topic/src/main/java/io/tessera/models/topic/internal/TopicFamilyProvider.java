package io.tessera.models.topic.internal;

import io.tessera.api.ApiVersion;
import io.tessera.spi.FamilyProviderBase;
import java.util.List;

/** Publishes the topic family's algorithms to the platform. */
public final class TopicFamilyProvider extends FamilyProviderBase {

  public TopicFamilyProvider() {
    super("topic", "Topic models: LDA by collapsed Gibbs sampling and online variational Bayes",
        new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR), List.of());
  }
}
