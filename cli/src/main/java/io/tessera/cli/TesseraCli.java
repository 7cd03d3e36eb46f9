package io.tessera.cli;

import io.tessera.api.Tessera;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code tessera} command: global options; its subcommands are listed in {@link CommandTree}. Each subcommand
 * is its own class and reaches the platform through {@link #open()}, so every command honours the same engine,
 * thread, seed and plugin settings.
 */
@Command(name = "tessera",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Sequence and text models on the JVM: RNNs, embeddings, topic models, clustering.",
    footer = {"", "Exit codes: 0 ok, 1 failure, 2 usage error (bad option or hyperparameter), 130 interrupted."})
public final class TesseraCli implements Runnable {
  /** System property the launcher sets to the installation folder; the default plugin folder lies inside it. */
  public static final String HOME_PROPERTY = "tessera.home";

  @Option(names = "--engine", paramLabel = "NAME", scope = ScopeType.INHERIT,
      description = "Compute engine: auto (fastest available, default), simd or scalar.")
  String engine;

  @Option(names = "--threads", paramLabel = "N", scope = ScopeType.INHERIT,
      description = "Worker threads of the compute engine (default: all processors). text counts and text "
          + "tfidf read and decompress their input on one more thread besides.")
  Integer threads;

  @Option(names = "--seed", paramLabel = "S", scope = ScopeType.INHERIT,
      description = "Seed of every fit (default 42); the same seed gives the same model.")
  Long seed;

  @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "Extra plugin folder (default: plugins/ next to the launcher).")
  Path plugins;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean debug;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Log the platform's progress (DEBUG level).")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
      description = "No progress bars or lines on stderr; errors and warnings still show.")
  boolean quiet;

  @Spec
  CommandSpec spec;

  /** {@code tessera} without a command shows the usage, like {@code --help}. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLineFor(args).execute(args));
  }

  /**
   * @return the command line with every command, the launcher's error handling and exit codes, writing to the
   *     process's standard streams (callers and tests may redirect them with {@code setOut}/{@code setErr})
   */
  public static CommandLine commandLine() {
    TesseraCli app = new TesseraCli();
    CommandLine cl = new CommandLine(app);
    CommandTree.addAll(cl, CommandTree.TESSERA);
    return configure(app, cl);
  }

  /**
   * Like {@link #commandLine()}, with only the commands that running {@code args} needs (see {@link CommandTree}):
   * what it prints and does for {@code args} is the same, and it starts faster.
   */
  public static CommandLine commandLineFor(String... args) {
    TesseraCli app = new TesseraCli();
    CommandLine cl = new CommandLine(app);
    CommandTree.addFor(cl, CommandTree.TESSERA, List.of(args));
    return configure(app, cl);
  }

  /** Sets the launcher's error handling and exit codes on {@code cl} and the commands registered with it. */
  private static CommandLine configure(TesseraCli app, CommandLine cl) {
    Failures failures = new Failures(app);
    cl.setExecutionStrategy(parsed -> {
      try {
        Logging.apply(app.verbose);
        return new CommandLine.RunLast().execute(parsed);
      } catch (LinkageError | OutOfMemoryError e) {
        // picocli's handlers see exceptions only; these errors also deserve one line and exit code 1.
        return failures.handleError(e, cl.getErr());
      }
    });
    cl.setParameterExceptionHandler(failures);
    cl.setExecutionExceptionHandler(failures);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  /**
   * Starts the platform with the global options.
   *
   * @throws io.tessera.api.TesseraException when an engine named by {@code --engine} cannot run or plugins conflict
   */
  Tessera open() {
    return open(engine);
  }

  /** Like {@link #open()}, on the named engine ({@code null}: the {@code --engine} option's choice). */
  Tessera open(String engineName) {
    Tessera.Builder builder = Tessera.builder();
    String name = engineName != null ? engineName : engine;
    if (name != null) {
      builder.engine(name);
    }
    if (threads != null) {
      builder.threads(threads);
    }
    if (seed != null) {
      builder.seed(seed);
    }
    pluginFolder().ifPresent(builder::pluginDirectory);
    return builder.build();
  }

  /** @return the plugin folder in effect: {@code --plugins}, else {@code plugins/} under the launcher's home */
  Optional<Path> pluginFolder() {
    if (plugins != null) {
      return Optional.of(plugins);
    }
    String home = System.getProperty(HOME_PROPERTY);
    return home == null || home.isBlank() ? Optional.empty()
        : Optional.of(Path.of(home, "plugins"));
  }

  /** @return whether {@code --quiet} was given */
  boolean quiet() {
    return quiet;
  }

  /** @return whether {@code --debug} was given */
  boolean debug() {
    return debug;
  }

  /** Writes one error line, the launcher's way: {@code tessera: message}. */
  static void error(PrintWriter err, String message) {
    err.println("tessera: " + message);
    err.flush();
  }
}
