package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.api.BadInputException;
import io.tessera.api.CancelledException;
import io.tessera.api.ModelFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void cancellationExitsWith130() {
    assertThat(Failures.exitCode(new CancelledException("interrupted; stopped at epoch 2"))).isEqualTo(130);
  }

  @Test
  void aBadParameterIsAUsageErrorButABadFileIsAFailure() {
    assertThat(Failures.exitCode(BadInputException.parameter("k", "must be at least 1"))).isEqualTo(2);
    assertThat(Failures.exitCode(BadInputException.inFile(Path.of("a.csv"), 3, "not a number"))).isEqualTo(1);
    assertThat(Failures.exitCode(new ModelFormatException("m.safetensors: truncated"))).isEqualTo(1);
    assertThat(Failures.exitCode(new IOException("disk full"))).isEqualTo(1);
  }

  @Test
  void fileProblemsAreWordedForPeople() {
    assertThat(Failures.describe(new UncheckedIOException(new NoSuchFileException("data.csv"))))
        .isEqualTo("no such file: data.csv");
    assertThat(Failures.describe(new AccessDeniedException("/root/x"))).isEqualTo("permission denied: /root/x");
  }

  @Test
  void ourOwnExceptionsShowTheirMessageAloneAndOthersTheirType() {
    assertThat(Failures.describe(BadInputException.parameter("k", "must be at least 1")))
        .isEqualTo("parameter 'k': must be at least 1");
    assertThat(Failures.describe(new IllegalStateException("boom")))
        .isEqualTo("internal error: java.lang.IllegalStateException: boom (run with --debug for the stack trace)");
  }

  @Test
  void multiLineMessagesAreFoldedOntoOneLine() {
    assertThat(Failures.oneLine("first\n  second\r\nthird  ")).isEqualTo("first second third");
    assertThat(Failures.oneLine(null)).isEqualTo("failed");
  }
}
