package io.tessera.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the launcher build ({@code cli/launcher/build.sh}): runs the typical commands in one JVM,
 * so that the class-data sharing archive the JVM writes when it exits ({@code -XX:ArchiveClassesAtExit}) holds
 * the classes, lambdas and proxies those commands load. The JVM writes one archive per process, hence one process
 * for all of them. What they print is dropped; a command that fails only leaves its classes out of the archive.
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=A -m io.tessera.cli/io.tessera.cli.ArchiveTraining DIR TEXT
 * KOREAN}: {@code DIR} an empty scratch folder for the files the commands write, {@code TEXT} a TSV file of English
 * documents with a {@code text} column, {@code KOREAN} one of Korean documents with a {@code document} column
 * (the build passes small samples from the repository).
 */
public final class ArchiveTraining {
  private ArchiveTraining() {
  }

  /** Runs the training commands; see the class comment for the arguments. */
  public static void main(String[] args) {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: ArchiveTraining DIR TEXT KOREAN");
    }
    for (List<String> command : commands(Path.of(args[0]), args[1], args[2])) {
      String[] line = command.toArray(String[]::new);
      picocli.CommandLine cl = TesseraCli.commandLineFor(line);
      cl.setOut(new PrintWriter(Writer.nullWriter()));
      cl.setErr(new PrintWriter(Writer.nullWriter()));
      cl.execute(line);
    }
  }

  /** The command lines: start-up paths first, then the commands the benchmarks and the README run. */
  static List<List<String>> commands(Path dir, String text, String korean) {
    List<List<String>> commands = new ArrayList<>();
    commands.add(List.of("--version"));
    commands.add(List.of("--help"));
    commands.add(List.of("no-such-command"));
    commands.add(List.of("plugins"));
    commands.add(List.of("engines", "--json"));
    for (String weighting : List.of("tfidf", "counts")) {
      commands.add(List.of("--quiet", "text", weighting, "--tokenizer", "regex", "--corpus", text, "--column", "text",
          "--out", dir.resolve(weighting + ".safetensors").toString()));
    }
    commands.add(List.of("--quiet", "text", "vocab", "--column", "text", text));
    commands.add(List.of("--quiet", "text", "tokenize", "--tokenizer", "korean", "--column", "document", korean));
    commands.add(List.of("--quiet", "demo", "--out", dir.resolve("demo").toString()));
    commands.add(List.of("info", dir.resolve("demo").resolve("cluster-kmeans.safetensors").toString()));
    return commands;
  }
}
