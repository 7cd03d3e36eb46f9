/**
 * Tessera's core: the entry point ({@code io.tessera.api}), the plugin SPI ({@code io.tessera.spi}), the
 * compute-engine contract with its scalar reference engine ({@code io.tessera.engine}), data readers and the
 * safetensors model store ({@code io.tessera.io}), and tokenizers and vocabularies ({@code io.tessera.text}).
 */
module io.tessera.api {
  requires org.slf4j;
  requires com.google.guice;
  // Guice is an automatic module and cannot declare that it needs Guava; requiring it here resolves it at run time.
  requires com.google.common;
  requires jakarta.inject;

  exports io.tessera.api;
  exports io.tessera.spi;
  exports io.tessera.engine;
  exports io.tessera.io;
  exports io.tessera.text;

  // Guice defines generated classes in an unnamed module, so a qualified opens is not enough.
  opens io.tessera.internal.bootstrap;

  uses io.tessera.engine.ComputeEngineProvider;
  uses io.tessera.spi.ModelFamilyProvider;
  uses io.tessera.spi.TokenizerProvider;

  provides io.tessera.engine.ComputeEngineProvider with io.tessera.internal.engine.ScalarEngineProvider;
  provides io.tessera.spi.TokenizerProvider with io.tessera.internal.text.DefaultTokenizerProvider,
      io.tessera.internal.text.RegexTokenizerProvider;
}
