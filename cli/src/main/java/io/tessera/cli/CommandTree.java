package io.tessera.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands under {@code tessera}, registered with picocli on demand rather than through the {@code subcommands}
 * attribute of {@code @Command}. Picocli reflects over every command class it is given (annotations, fields,
 * mixins, inherited options): building the whole tree took 85 ms where {@code tessera --version} needs 50 (with
 * every class in the launcher's class-data archive). A launch registers the commands on its path only; a level
 * whose usage, help, command list or suggestions might be printed gets all of its commands, so what picocli prints
 * never differs from the full tree's output.
 *
 * @param name        the command's name, as its {@code @Command} annotation gives it
 * @param factory     makes the command's object
 * @param subcommands its own commands, in the order its usage lists them
 */
record CommandTree(String name, Supplier<Object> factory, List<CommandTree> subcommands) {

  /** Picocli's {@code help} command, which prints the usage of any of its siblings. */
  private static final String HELP = "help";

  /** The commands of {@code tessera}, in the order {@code tessera --help} lists them. */
  static final List<CommandTree> TESSERA = List.of(
      of("demo", DemoCommand::new),
      of("plugins", PluginsCommand::new),
      of("engines", EnginesCommand::new),
      of("train", TrainCommand::new),
      of("info", InfoCommand::new),
      of("bench", BenchCommand::new,
          of("engine", BenchEngineCommand::new)),
      of("text", TextCommand::new,
          of("tokenize", TextTokenizeCommand::new),
          of("vocab", TextVocabCommand::new),
          of("counts", TextVectorizeCommand.Counts::new),
          of("tfidf", TextVectorizeCommand.Tfidf::new),
          of("prepare", TextPrepareCommand::new)),
      of(HELP, CommandLine.HelpCommand::new));

  private static CommandTree of(String name, Supplier<Object> factory, CommandTree... subcommands) {
    return new CommandTree(name, factory, List.of(subcommands));
  }

  /** Registers {@code commands} and all of theirs with {@code parent}. */
  static void addAll(CommandLine parent, List<CommandTree> commands) {
    for (CommandTree command : commands) {
      addAll(command.attachTo(parent), command.subcommands);
    }
  }

  /**
   * Registers with {@code parent} what parsing {@code args} can reach: the command the first positional argument
   * names and, below it, what the arguments after it need; all commands of a level when that level's usage may
   * show (no command named, {@code --help}, {@code help}) or the arguments are beyond this simple scan (an
   * unknown or clustered option, {@code --}, an {@code @file}); none when the level only prints its version.
   *
   * @param args the arguments after {@code parent}'s own name
   */
  static void addFor(CommandLine parent, List<CommandTree> commands, List<String> args) {
    if (commands.isEmpty()) {
      return;
    }
    Scan scan = scan(parent, commands, args);
    if (scan.command() == null) {
      if (!scan.versionOnly()) {
        addAll(parent, commands);
      }
      return;
    }
    CommandTree chosen = scan.command();
    addFor(chosen.attachTo(parent), chosen.subcommands, args.subList(scan.index() + 1, args.size()));
  }

  /** Makes this command and adds it to {@code parent}; returns its command line. */
  private CommandLine attachTo(CommandLine parent) {
    CommandLine line = new CommandLine(factory.get());
    parent.addSubcommand(name, line);
    return line;
  }

  /**
   * What {@link #scan} found at one level.
   *
   * @param command     the command the arguments run, or {@code null} when all (or, with {@code versionOnly},
   *                    none) are needed
   * @param index       where its name is in the arguments
   * @param versionOnly whether the level prints only its version
   */
  private record Scan(CommandTree command, int index, boolean versionOnly) {
    static final Scan ALL = new Scan(null, -1, false);
  }

  /**
   * Walks over {@code parent}'s options in {@code args} (as picocli will: an option with one parameter takes the
   * next argument unless it is attached with {@code =}) up to the first positional argument.
   */
  private static Scan scan(CommandLine parent, List<CommandTree> commands, List<String> args) {
    Map<String, CommandTree> byName = new HashMap<>();
    commands.forEach(c -> byName.put(c.name, c));
    Map<String, OptionSpec> options = parent.getCommandSpec().optionsMap();
    boolean usage = false;
    boolean version = false;
    int i = 0;
    while (i < args.size()) {
      String arg = args.get(i);
      if (arg.startsWith("@") || arg.equals("--")) {
        return Scan.ALL;
      }
      if (!arg.startsWith("-")) {
        CommandTree named = byName.get(arg);
        // After --help picocli prints this level's usage, whatever follows.
        return named == null || named.name.equals(HELP) || usage ? Scan.ALL : new Scan(named, i, false);
      }
      int eq = arg.indexOf('=');
      OptionSpec option = options.get(eq > 0 ? arg.substring(0, eq) : arg);
      if (option == null || option.arity().min() != option.arity().max() || option.arity().max() > 1
          || (eq > 0 && option.arity().max() == 0)) {
        return Scan.ALL;
      }
      usage |= option.usageHelp();
      version |= option.versionHelp();
      int params = eq > 0 ? 0 : option.arity().max();
      if (i + params >= args.size()) {
        return Scan.ALL;
      }
      // Picocli refuses an option parameter that is a command's or an option's name, with a message that may
      // list them.
      for (int p = 1; p <= params; p++) {
        String param = args.get(i + p);
        if (byName.containsKey(param) || options.containsKey(param)) {
          return Scan.ALL;
        }
      }
      i += 1 + params;
    }
    return new Scan(null, -1, version && !usage);
  }
}
