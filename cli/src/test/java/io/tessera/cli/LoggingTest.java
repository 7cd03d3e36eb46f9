package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {
  private final LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();

  @AfterEach
  void quietAgain() {
    Logging.apply(false);
  }

  @Test
  void quietByDefaultButTheEngineFallbackLineGetsThrough() {
    Logging.apply(false);

    assertThat(ctx.getLogger("io.tessera.models.cluster").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(ctx.getLogger(Logging.ENGINE_CHOICE_LOGGER).isInfoEnabled()).isTrue();
  }

  @Test
  void verboseSwitchesTesseraLoggersToDebugAndBack() {
    Logging.apply(true);
    assertThat(ctx.getLogger("io.tessera.models.cluster").isDebugEnabled()).isTrue();
    assertThat(ctx.getLogger("com.google.inject").isDebugEnabled()).isFalse();

    Logging.apply(false);
    assertThat(ctx.getLogger("io.tessera.models.cluster").isDebugEnabled()).isFalse();
  }
}
