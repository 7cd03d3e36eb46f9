package io.tessera.cli;

import io.tessera.api.PluginProblem;
import io.tessera.api.Tessera;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ModelFamilyProvider;
import io.tessera.spi.ParamSpec;
import io.tessera.spi.TokenizerProvider;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tessera plugins}: what is installed — families, algorithms and their hyperparameters, tokenizers, problems. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
    header = "List model families, algorithms, tokenizers and skipped plugins.",
    description = {"Lists the installed model families with their algorithms and hyperparameters, the tokenizers "
        + "with their options, and plugins that were skipped (with the reason)."})
final class PluginsCommand extends TesseraCommand {

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Override
  int run(Tessera tessera) {
    if (json) {
      printJson(asJson(tessera));
      return ExitCodes.OK;
    }
    PrintWriter out = out();
    List<ModelFamilyProvider> families = tessera.families();
    out.printf("Model families (%d)%n", families.size());
    for (ModelFamilyProvider f : families) {
      out.printf("  %-12s %s  [%s, API %s]%n", f.id(), f.description(), source(f), f.apiVersion());
      List<Algorithm<?, ?, ?>> algorithms = f.algorithms();
      if (algorithms.isEmpty()) {
        out.println("    (no algorithms yet)");
      }
      for (Algorithm<?, ?, ?> a : algorithms) {
        out.printf("    %s/%s  %s%n", f.id(), a.id(), a.description());
        out.printf("      input: %s%s%n", a.inputDescription(), a.sampleInput().isPresent() ? " (sample bundled)" : "");
        printParams(out, a.params(), "hyperparameters");
      }
    }
    List<TokenizerProvider> tokenizers = tessera.tokenizers();
    out.printf("%nTokenizers (%d)%n", tokenizers.size());
    for (TokenizerProvider t : tokenizers) {
      out.printf("  %-12s %s  [%s, API %s]%n", t.id(), t.description(), source(t), t.apiVersion());
      printParams(out, t.options(), "options");
    }
    List<PluginProblem> problems = tessera.problems();
    out.printf("%nSkipped plugins (%d)%n", problems.size());
    for (PluginProblem p : problems) {
      out.printf("  %s%n", p);
    }
    root().pluginFolder().ifPresent(dir -> out.printf("%nPlugin folder: %s%s%n", dir,
        Files.isDirectory(dir) ? "" : " (does not exist)"));
    out.flush();
    return ExitCodes.OK;
  }

  private static void printParams(PrintWriter out, List<ParamSpec<?>> params, String what) {
    if (params.isEmpty()) {
      out.printf("      %s: none%n", what);
    } else {
      out.printf("      %s:%n", what);
      out.print(Describe.paramTable(params, "        "));
    }
  }

  private Map<String, Object> asJson(Tessera tessera) {
    List<Object> families = new ArrayList<>();
    for (ModelFamilyProvider f : tessera.families()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("id", f.id());
      fm.put("description", f.description());
      fm.put("api_version", f.apiVersion().toString());
      fm.put("source", source(f));
      List<Object> algorithms = new ArrayList<>();
      for (Algorithm<?, ?, ?> a : f.algorithms()) {
        Map<String, Object> am = new LinkedHashMap<>();
        am.put("id", a.id());
        am.put("name", f.id() + "/" + a.id());
        am.put("description", a.description());
        am.put("input", a.inputDescription());
        am.put("sample", a.sampleInput().isPresent());
        am.put("hyperparameters", a.params().stream().map(Describe::param).toList());
        algorithms.add(am);
      }
      fm.put("algorithms", algorithms);
      families.add(fm);
    }
    List<Object> tokenizers = new ArrayList<>();
    for (TokenizerProvider t : tessera.tokenizers()) {
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("id", t.id());
      tm.put("description", t.description());
      tm.put("api_version", t.apiVersion().toString());
      tm.put("source", source(t));
      tm.put("options", t.options().stream().map(Describe::param).toList());
      tokenizers.add(tm);
    }
    List<Object> problems = new ArrayList<>();
    for (PluginProblem p : tessera.problems()) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("source", p.source());
      pm.put("message", p.message());
      problems.add(pm);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tessera_version", Tessera.version());
    m.put("families", families);
    m.put("tokenizers", tokenizers);
    m.put("problems", problems);
    m.put("plugin_folder", root().pluginFolder().map(Object::toString).orElse(null));
    return m;
  }

  /** @return where a plugin came from: its module, or the jar on the class path */
  private static String source(Object plugin) {
    Module m = plugin.getClass().getModule();
    if (m.isNamed()) {
      return m.getName();
    }
    var cs = plugin.getClass().getProtectionDomain().getCodeSource();
    return cs != null && cs.getLocation() != null ? cs.getLocation().getPath() : "class path";
  }
}
