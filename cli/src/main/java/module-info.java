/** The {@code tessera} command-line launcher. Exports nothing. */
module io.tessera.cli {
  requires io.tessera.api;
  // The demo draws a cluster map of the K-Means result (PNG).
  requires io.tessera.charts;
  requires io.tessera.models.cluster;
  requires info.picocli;
  requires org.slf4j;
  requires ch.qos.logback.classic;
  requires ch.qos.logback.core;
  // Guice is an automatic module and cannot declare that it needs Guava; without this edge a launch with
  // -m io.tessera.cli leaves Guava unresolved and the platform fails with NoClassDefFoundError.
  requires com.google.common;

  opens io.tessera.cli to info.picocli;

  // Quiet, XML-free logging set up in code (see io.tessera.cli.Logging).
  provides ch.qos.logback.classic.spi.Configurator with io.tessera.cli.Logging;
}
