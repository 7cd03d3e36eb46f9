package io.tessera.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tessera bench}: groups the quick benchmarks (listed in {@link CommandTree}); alone it asks for one. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    header = "Quick benchmarks of this machine.",
    description = "Quick benchmarks of this machine.")
final class BenchCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing benchmark: name one of "
        + String.join(", ", spec.subcommands().keySet()));
  }
}
