package io.tessera.cli;

import io.tessera.api.CancellationToken;
import io.tessera.api.CancelledException;
import io.tessera.api.Model;
import io.tessera.api.Tessera;
import io.tessera.api.TesseraException;
import io.tessera.api.TrainOptions;
import io.tessera.charts.ChartWriter;
import io.tessera.charts.PrincipalComponents;
import io.tessera.charts.ScatterChart;
import io.tessera.io.NumericTable;
import io.tessera.models.cluster.ClusteringModel;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ModelFamilyProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code tessera demo}: the tour — trains one small model per algorithm that bundles a real sample, with default
 * hyperparameters, prints what each learned and saves it under {@code ./demo-output/}, so {@code tessera info}
 * can open it afterwards. Families without algorithms (or samples) are listed as such.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    header = "Train and show a small model of every family on bundled samples.",
    description = {"Trains a small model of every installed family on its bundled sample data (default "
        + "hyperparameters), prints what each learned and saves the models in --out (default ./demo-output/)."})
final class DemoCommand extends TesseraCommand {
  @Parameters(arity = "0..*", paramLabel = "FAMILY", description = "Only these families (default: all).")
  List<String> only = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-output",
      description = "Folder for the models (default: ${DEFAULT-VALUE} in the current folder).")
  Path outDir;

  @Option(names = "--json", description = "Print one JSON object (per model: timing, file, summary) instead of text.")
  boolean json;

  /** Cancelled by Ctrl-C; a field so that in-process callers can cancel the demo too. */
  final CancellationToken cancellation = new CancellationToken();

  /** What became of one algorithm in the demo. */
  private record Outcome(String family, String algorithm, String status, double seconds, Path file, String summary) {
  }

  @Override
  int run(Tessera tessera) {
    List<ModelFamilyProvider> families = selected(tessera);
    PrintWriter out = out();
    if (!json) {
      out.printf("Tessera %s demo: a small model per family on bundled sample data"
              + " (the sample's own hyperparameters, defaults otherwise).%n",
          Tessera.version());
      out.printf("Engine: %s. Models go to %s%n", tessera.engine().description(), outDir.toAbsolutePath().normalize());
      out.flush();
    }
    List<Outcome> outcomes = new ArrayList<>();
    long start = System.nanoTime();
    int code = guarded(cancellation, "; the demo stopped, models trained so far are in " + outDir, () -> {
      for (ModelFamilyProvider f : families) {
        demoFamily(tessera, f, outcomes);
      }
      return outcomes.stream().anyMatch(o -> o.status().startsWith("failed")) ? ExitCodes.FAILURE : ExitCodes.OK;
    });
    if (code == ExitCodes.INTERRUPTED) {
      return code;
    }
    long trained = outcomes.stream().filter(o -> o.file() != null).count();
    if (json) {
      printJson(asJson(outcomes, System.nanoTime() - start));
    } else {
      out.printf("%nDone: %d model%s in %s.", trained, trained == 1 ? "" : "s",
          Describe.seconds(System.nanoTime() - start));
      outcomes.stream().filter(o -> o.file() != null).findFirst()
          .ifPresent(o -> out.printf(" Look inside one with: tessera info %s", o.file()));
      out.println();
      out.flush();
    }
    return code;
  }

  private List<ModelFamilyProvider> selected(Tessera tessera) {
    List<ModelFamilyProvider> all = tessera.families();
    if (only.isEmpty()) {
      return all;
    }
    List<String> ids = all.stream().map(ModelFamilyProvider::id).toList();
    for (String id : only) {
      if (!ids.contains(id)) {
        throw new ParameterException(spec.commandLine(), "no model family '" + id + "'; installed: "
            + String.join(", ", ids));
      }
    }
    return all.stream().filter(f -> only.contains(f.id())).toList();
  }

  private void demoFamily(Tessera tessera, ModelFamilyProvider family, List<Outcome> outcomes) {
    PrintWriter out = out();
    if (!json) {
      out.printf("%n== %s: %s%n", family.id(), family.description());
      out.flush();
    }
    if (family.algorithms().isEmpty()) {
      outcomes.add(new Outcome(family.id(), null, "no algorithms yet", 0, null, null));
      if (!json) {
        out.println("   no algorithms yet");
      }
      return;
    }
    for (Algorithm<?, ?, ?> a : family.algorithms()) {
      outcomes.add(demoAlgorithm(tessera, family, a));
    }
  }

  private Outcome demoAlgorithm(Tessera tessera, ModelFamilyProvider family, Algorithm<?, ?, ?> algorithm) {
    PrintWriter out = out();
    String name = family.id() + "/" + algorithm.id();
    Optional<?> sample = algorithm.sampleInput();
    if (sample.isEmpty()) {
      if (!json) {
        out.printf("-- %s: no bundled sample; try: tessera train %s --data FILE (%s)%n", name, name,
            algorithm.inputDescription());
        out.flush();
      }
      return new Outcome(family.id(), algorithm.id(), "no sample", 0, null, null);
    }
    if (!json) {
      out.printf("-- %s: %s%n", name, algorithm.description());
      out.flush();
    }
    long t0 = System.nanoTime();
    try {
      Model model = tessera.train(name, sample.get(), algorithm.sampleParams(), TrainOptions.builder()
          .dataFingerprint("sample:" + name)
          .cancellation(cancellation)
          .listener(progress(cancellation, json))
          .build());
      double seconds = (System.nanoTime() - t0) / 1e9;
      Files.createDirectories(outDir);
      Path file = outDir.resolve(family.id() + "-" + algorithm.id() + ".safetensors");
      tessera.save(model, file);
      Optional<Path> chart = Optional.empty();
      if (model instanceof ClusteringModel clusters && sample.get() instanceof NumericTable table
          && clusters.dimensions() >= 2) {
        chart = Optional.of(clusterMap(name, clusters, table, outDir.resolve(family.id() + "-" + algorithm.id()
            + ".png")));
      }
      if (!json) {
        out.println(Describe.indent(model.summary(), "   "));
        out.printf("   trained in %s, saved %s (%s)%n", Describe.seconds(System.nanoTime() - t0), file,
            Describe.bytes(Files.size(file)));
        chart.ifPresent(png -> out.printf("   cluster map: %s%n", png));
        out.flush();
      }
      return new Outcome(family.id(), algorithm.id(), "trained", seconds, file, model.summary());
    } catch (CancelledException e) {
      throw e;
    } catch (TesseraException | IOException | UncheckedIOException e) {
      // One broken algorithm should not hide what the others show; the exit code still says something failed.
      TesseraCli.error(err(), name + ": " + Failures.describe(e));
      return new Outcome(family.id(), algorithm.id(), "failed: " + Failures.describe(e),
          (System.nanoTime() - t0) / 1e9, null, null);
    }
  }

  /**
   * Draws the training rows on their first two principal components (of the model's scaled features), coloured by
   * cluster and shaped by the table's reference labels, such as iris's species.
   *
   * @return the PNG written
   */
  private static Path clusterMap(String name, ClusteringModel model, NumericTable table, Path png) {
    float[] values = table.values();
    double[][] rows = new double[table.rows()][];
    for (int i = 0; i < rows.length; i++) {
      float[] scaled = model.scaling().apply(Arrays.copyOfRange(values, i * table.cols(), (i + 1) * table.cols()));
      rows[i] = IntStream.range(0, scaled.length).mapToDouble(j -> scaled[j]).toArray();
    }
    PrincipalComponents pca = PrincipalComponents.fit(rows);
    int[] labels = model.labels();
    List<String> classes = model.referenceLabels();
    ScatterChart.Builder chart = ScatterChart.builder(name + ": " + model.clusters() + " clusters of " + rows.length
        + " rows", String.format(Locale.ROOT, "PC1 (%.0f%% of variance)", 100 * pca.explainedVarianceRatio(0)),
        String.format(Locale.ROOT, "PC2 (%.0f%% of variance)", 100 * pca.explainedVarianceRatio(1)));
    for (int i = 0; i < rows.length; i++) {
      double[] xy = pca.project(rows[i]);
      chart.point(new ScatterChart.Point(xy[0], xy[1], labels[i] == ClusteringModel.NOISE ? "noise"
          : "cluster " + labels[i], classes.isEmpty() ? "" : classes.get(i), ""));
    }
    ChartWriter.writePng(chart.build(), png);
    return png;
  }

  private static Map<String, Object> asJson(List<Outcome> outcomes, long nanos) {
    List<Object> list = new ArrayList<>();
    for (Outcome o : outcomes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("family", o.family());
      m.put("algorithm", o.algorithm());
      m.put("status", o.status());
      m.put("seconds", o.seconds());
      m.put("file", o.file() == null ? null : o.file().toString());
      m.put("summary", o.summary());
      list.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tessera_version", Tessera.version());
    m.put("models", list);
    m.put("seconds", nanos / 1e9);
    return m;
  }
}
