package io.tessera.models.rnn.internal;

import io.tessera.api.ApiVersion;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ModelFamilyProvider;
import java.util.List;

/** Publishes the rnn family's algorithms to the platform. */
public final class RnnFamilyProvider implements ModelFamilyProvider {

  @Override
  public String id() {
    return "rnn";
  }

  @Override
  public String description() {
    return "Recurrent networks: SimpleRNN, LSTM (with peephole variant) and GRU trained by (truncated) BPTT";
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
