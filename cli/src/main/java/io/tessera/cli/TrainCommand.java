package io.tessera.cli;

import io.tessera.api.CancellationToken;
import io.tessera.api.Model;
import io.tessera.api.PluginException;
import io.tessera.api.Tessera;
import io.tessera.api.TrainOptions;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ParamValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code tessera train ALGORITHM --data FILE [key=value ...]}: reads the input with the algorithm's reader,
 * trains with a progress bar on stderr (plain lines when stderr is not a terminal), prints the model's summary
 * and, with {@code --out}, writes the model atomically. Ctrl-C stops at the next step boundary with exit code 130
 * and writes nothing.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    header = "Train a model on a data file and optionally save it.",
    description = {"Trains a model: reads --data with the algorithm's reader, trains (progress on stderr), prints "
        + "what was learned and, with --out, saves the model atomically."},
    footer = {"", "Run 'tessera plugins' for the algorithms, their input formats and hyperparameters.",
        "Unknown or out-of-range hyperparameters exit with 2, like other usage errors; Ctrl-C exits with 130 "
            + "and writes no model.",
        "Example: tessera train kmeans --data iris.csv k=3 --out iris.safetensors"})
final class TrainCommand extends TesseraCommand {
  @Parameters(index = "0", paramLabel = "ALGORITHM",
      description = "family/id, or an id only one family uses (e.g. kmeans).")
  String algorithm;

  @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Hyperparameters; the rest keep their defaults.")
  List<String> params = new ArrayList<>();

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "Training data.")
  Path data;

  @Option(names = "--out", paramLabel = "MODEL", description = "Where to save the model (a .safetensors file).")
  Path out;

  @Option(names = "--checkpoint", paramLabel = "FILE", description = "Lets the trainer save resumable state here.")
  Path checkpoint;

  @Option(names = "--resume", description = "Start from --checkpoint when it exists.")
  boolean resume;

  @Option(names = "--json", description = "Print one JSON object (card, summary, timing) instead of text.")
  boolean json;

  /** Cancelled by Ctrl-C; a field so that in-process callers can cancel a run too. */
  final CancellationToken cancellation = new CancellationToken();

  @Override
  int run(Tessera tessera) throws IOException {
    Map<String, String> hyper = keyValues();
    if (resume && checkpoint == null) {
      throw new ParameterException(spec.commandLine(), "--resume needs --checkpoint FILE");
    }
    Algorithm<?, ?, ?> algo;
    try {
      algo = tessera.algorithm(algorithm);
    } catch (PluginException e) {
      throw new ParameterException(spec.commandLine(), Failures.oneLine(e.getMessage()), e, null, algorithm);
    }
    // Reject bad hyperparameters before spending time on the data.
    ParamValues.parse(algo.params(), hyper);
    if (!Files.exists(data)) {
      throw new NoSuchFileException(data.toString());
    }
    String name = algo.family() + "/" + algo.id();
    if (out != null && out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    // Guarded from the start: Ctrl-C while the data is read stops before training instead of killing the JVM.
    return guarded(cancellation, this::afterCancel, () -> {
      Object input = read(algo);
      cancellation.throwIfCancelled("reading " + data + ", before training");
      TrainOptions.Builder options = TrainOptions.builder()
          .dataFingerprint(fingerprint(data))
          .cancellation(cancellation)
          .listener(progress(cancellation, json));
      if (checkpoint != null) {
        options.checkpoint(checkpoint).resume(resume);
      }
      long start = System.nanoTime();
      Model model = tessera.train(name, input, hyper, options.build());
      long trained = System.nanoTime() - start;
      // Ctrl-C after the last step boundary: stop before writing rather than exit 130 after a normal report.
      cancellation.throwIfCancelled("the end of training" + (out != null ? ", before saving " + out : ""));
      if (out != null) {
        tessera.save(model, out);
        if (cancellation.isCancelled()) {
          TesseraCli.error(err(), "interrupted while saving; the model was saved to " + out + " in full");
          return ExitCodes.INTERRUPTED;
        }
      }
      report(model, name, trained);
      return ExitCodes.OK;
    });
  }

  /** Reads the data with the algorithm's reader and says how long that took (unless {@code --quiet}). */
  private Object read(Algorithm<?, ?, ?> algo) {
    long t0 = System.nanoTime();
    Object input = algo.readInput(data);
    if (!root().quiet()) {
      PrintWriter err = err();
      err.printf("read %s in %s%n", data, Describe.seconds(System.nanoTime() - t0));
      err.flush();
    }
    return input;
  }

  /** @return the end of the line that reports an interrupted run: what was (not) written, how to go on */
  private String afterCancel() {
    return "; no model written" + (out != null && Files.exists(out) ? " (" + out + " is unchanged)" : "")
        + (checkpoint != null && Files.exists(checkpoint)
        ? "; continue with --checkpoint " + checkpoint + " --resume" : "");
  }

  private void report(Model model, String name, long nanos) {
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("algorithm", name);
      m.put("data", data.toString());
      m.put("seconds", nanos / 1e9);
      m.put("out", out == null ? null : out.toString());
      m.put("bytes", out == null ? null : size(out));
      m.put("card", Describe.card(model.card()));
      m.put("summary", model.summary());
      printJson(m);
      return;
    }
    PrintWriter o = out();
    var p = model.card().provenance();
    o.printf("%s trained in %s on %s (%d threads), seed %d%n", name, Describe.seconds(nanos), p.engine(),
        p.threads(), p.seed());
    o.println(Describe.indent(model.summary(), "  "));
    if (out != null) {
      o.printf("saved %s (%s)%n", out, Describe.bytes(size(out)));
    }
    o.flush();
  }

  /** Parses the {@code key=value} arguments; picocli cannot, as the keys depend on the algorithm. */
  private Map<String, String> keyValues() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String kv : params) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new ParameterException(spec.commandLine(),
            "expected KEY=VALUE, got '" + kv + "'");
      }
      String key = kv.substring(0, eq).trim();
      if (m.put(key, kv.substring(eq + 1)) != null) {
        throw new ParameterException(spec.commandLine(), "hyperparameter '" + key + "' is given twice");
      }
    }
    return m;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return {@code sha256:<hex>} of a regular file, or an empty string for a folder (the card then says unknown) */
  static String fingerprint(Path file) {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "sha256:" + HexFormat.of().formatHex(sha.digest());
  }
}
