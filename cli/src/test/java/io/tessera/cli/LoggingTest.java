package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.InfoStatus;
import ch.qos.logback.core.status.WarnStatus;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

  @Test
  void aQuietCommandThatLogsNothingDoesNotStartLogback(@TempDir Path dir) {
    String context = "ch.qos.logback.classic.LoggerContext ";

    assertThat(loadedClasses(dir, "--version")).contains("picocli.CommandLine ").doesNotContain(context);
    assertThat(loadedClasses(dir, "--verbose", "--version")).contains(context);
  }

  @Test
  void logbackStartsWithoutItsStatusPrinterWhoseClockReadsTheTimeZoneDatabase(@TempDir Path dir) {
    assertThat(loadedClasses(dir, "--verbose", "--version")).contains("ch.qos.logback.classic.LoggerContext ")
        .doesNotContain("ch.qos.logback.core.util.StatusPrinter2 ");
  }

  @Test
  void logbacksOwnWarningsShowOnStderrOneLineEachAndItsInfoDoesNot() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ctx.getStatusManager().add(new InfoStatus("appender STDERR started", this));
      ctx.getStatusManager().add(new WarnStatus("appender FILE failed:\n disk full", this));
    } finally {
      System.setErr(stderr);
    }

    assertThat(captured.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("tessera: logging: appender FILE failed: disk full");
  }

  /** @return the class-loading log of a fresh CLI process running {@code args} */
  private static String loadedClasses(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("-Xlog:class+load=info:stdout",
        "--module-path", String.join(File.pathSeparator, JavaProcess.testPath()),
        "-m", "io.tessera.cli/io.tessera.cli.TesseraCli"));
    command.addAll(List.of(args));
    JavaProcess run = JavaProcess.run(dir, command);
    assertThat(run.exit()).as(run.err()).isZero();
    return run.out();
  }
}
