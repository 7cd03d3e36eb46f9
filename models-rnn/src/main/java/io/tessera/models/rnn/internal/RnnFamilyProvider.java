package io.tessera.models.rnn.internal;

import io.tessera.api.ApiVersion;
import io.tessera.spi.FamilyProviderBase;
import java.util.List;

/** Publishes the rnn family's algorithms to the platform. */
public final class RnnFamilyProvider extends FamilyProviderBase {

  public RnnFamilyProvider() {
    super("rnn", "Recurrent networks: SimpleRNN, LSTM (with peephole variant) and GRU trained by (truncated) BPTT",
        new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR), List.of());
  }
}
