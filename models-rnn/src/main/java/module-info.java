/** Tessera's rnn model family, published as a {@link io.tessera.spi.ModelFamilyProvider} plugin. */
module io.tessera.models.rnn {
  requires io.tessera.api;
  requires org.slf4j;

  exports io.tessera.models.rnn;

  provides io.tessera.spi.ModelFamilyProvider with io.tessera.models.rnn.internal.RnnFamilyProvider;
}
