/** The {@code tessera} command-line launcher. Exports nothing. */
module io.tessera.cli {
  requires io.tessera.api;
  requires info.picocli;
  requires org.slf4j;
  requires ch.qos.logback.classic;
  requires ch.qos.logback.core;

  opens io.tessera.cli to info.picocli;
}
