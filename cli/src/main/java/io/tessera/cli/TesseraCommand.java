package io.tessera.cli;

import io.tessera.api.CancellationToken;
import io.tessera.api.CancelledException;
import io.tessera.api.Tessera;
import io.tessera.api.TrainingListener;
import io.tessera.api.TrainingListeners;
import io.tessera.io.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the streams picocli was given (so tests can capture them), the global options of
 * the root command, and a platform opened with those options for the duration of one command.
 */
abstract class TesseraCommand implements Callable<Integer> {
  /** Where stderr is not a terminal, how often a plain progress line may appear between phase and epoch lines. */
  static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (Tessera tessera = root().open()) {
      return run(tessera);
    }
  }

  /**
   * Does the command's work on an open platform.
   *
   * @return the exit code
   */
  abstract int run(Tessera tessera) throws Exception;

  /** @return the root command, which holds the global options */
  final TesseraCli root() {
    return (TesseraCli) spec.root().userObject();
  }

  final PrintWriter out() {
    return spec.commandLine().getOut();
  }

  final PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * The progress display of one run on stderr: a bar per phase on a terminal; plain lines per phase, per epoch and
   * every {@link #PLAIN_INTERVAL} for pipes, files, CI logs and {@code --json} runs; nothing with {@code --quiet}.
   *
   * @param run  the run's token, so a phase that ends after Ctrl-C shows as stopped
   * @param json whether the command prints JSON (its consumers are programs: no bars)
   */
  final TrainingListener progress(CancellationToken run, boolean json) {
    if (root().quiet()) {
      return TrainingListener.NONE;
    }
    PrintWriter err = err();
    Stderr stderr = Stderr.detect();
    if (stderr.terminal() && !json) {
      return new ProgressBar(err, stderr.columns(), stderr.unicode(), run);
    }
    return TrainingListeners.lines(PLAIN_INTERVAL, run, line -> {
      err.println(line);
      err.flush();
    });
  }

  /** Prints {@code value} as one JSON object on stdout (the {@code --json} contract: nothing else on stdout). */
  final void printJson(Object value) {
    PrintWriter out = out();
    out.println(Json.write(value));
    out.flush();
  }

  /**
   * Runs work that checks {@code token} while Ctrl-C cancels it. On cancellation it prints one line saying where
   * the work stopped and what was (not) written, before the guard lets the JVM exit.
   *
   * @param afterCancel appended to the line, e.g. {@code "; no model written"}
   * @return the work's exit code, or 130 when cancelled
   */
  final int guarded(CancellationToken token, String afterCancel, IntSupplier work) {
    return guarded(token, () -> afterCancel, work);
  }

  /**
   * Like {@link #guarded(CancellationToken, String, IntSupplier)}, with the end of the line worked out once the
   * work has stopped (e.g. whether a checkpoint exists by then).
   */
  final int guarded(CancellationToken token, Supplier<String> afterCancel, IntSupplier work) {
    try (InterruptGuard guard = InterruptGuard.install(token, err())) {
      try {
        return work.getAsInt();
      } catch (CancelledException e) {
        TesseraCli.error(err(), Failures.oneLine(e.getMessage()) + afterCancel.get());
        return ExitCodes.INTERRUPTED;
      }
    }
  }
}
