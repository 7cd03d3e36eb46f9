/** Tessera's rnn model family, published as a {@link io.tessera.spi.ModelFamilyProvider} plugin. */
module io.tessera.models.rnn {
  requires io.tessera.api;
  requires org.slf4j;

  // Public config and model types (package io.tessera.models.rnn) are exported as the family's algorithms land.

  provides io.tessera.spi.ModelFamilyProvider with io.tessera.models.rnn.internal.RnnFamilyProvider;
}
