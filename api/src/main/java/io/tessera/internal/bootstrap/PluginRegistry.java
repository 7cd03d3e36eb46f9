package io.tessera.internal.bootstrap;

import io.tessera.api.PluginException;
import io.tessera.api.PluginProblem;
import io.tessera.engine.ComputeEngineProvider;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ModelFamilyProvider;
import io.tessera.spi.ParamValues;
import io.tessera.spi.TokenizerProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The plugins this platform instance found, keyed by id, with lookups that suggest near misses. */
final class PluginRegistry {
  private final Map<String, ModelFamilyProvider> families;
  private final Map<String, ComputeEngineProvider> engines;
  private final Map<String, TokenizerProvider> tokenizers;
  private final List<PluginProblem> problems;

  @Inject
  PluginRegistry(Map<String, ModelFamilyProvider> families, Map<String, ComputeEngineProvider> engines,
                 Map<String, TokenizerProvider> tokenizers, PluginProblems problems) {
    this.families = new TreeMap<>(families);
    this.engines = new TreeMap<>(engines);
    this.tokenizers = new TreeMap<>(tokenizers);
    this.problems = problems.list();
    for (ModelFamilyProvider f : this.families.values()) {
      checkAlgorithms(f);
    }
  }

  private static void checkAlgorithms(ModelFamilyProvider family) {
    List<String> seen = new ArrayList<>();
    for (Algorithm<?, ?, ?> a : family.algorithms()) {
      if (seen.contains(a.id())) {
        throw new PluginException("family '" + family.id() + "' declares algorithm '" + a.id() + "' twice");
      }
      if (!a.family().equals(family.id())) {
        throw new PluginException("algorithm '" + a.id() + "' says it belongs to family '" + a.family()
            + "' but is published by family '" + family.id() + "'");
      }
      seen.add(a.id());
    }
  }

  List<ModelFamilyProvider> families() {
    return List.copyOf(families.values());
  }

  List<ComputeEngineProvider> engines() {
    return engines.values().stream()
        .sorted(Comparator.comparingInt(ComputeEngineProvider::priority).reversed()
            .thenComparing(ComputeEngineProvider::name))
        .toList();
  }

  List<TokenizerProvider> tokenizers() {
    return List.copyOf(tokenizers.values());
  }

  List<PluginProblem> problems() {
    return problems;
  }

  List<Algorithm<?, ?, ?>> algorithms() {
    List<Algorithm<?, ?, ?>> all = new ArrayList<>();
    families.values().forEach(f -> all.addAll(f.algorithms()));
    return all;
  }

  /**
   * Finds an algorithm by {@code family/id} or by a bare {@code id} that only one family uses.
   *
   * @throws PluginException naming the installed algorithms and the nearest id when there is no match
   */
  Algorithm<?, ?, ?> algorithm(String name) {
    int slash = name.indexOf('/');
    List<Algorithm<?, ?, ?>> matches = algorithms().stream()
        .filter(a -> slash >= 0 ? (a.family() + "/" + a.id()).equals(name) : a.id().equals(name))
        .toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    List<String> qualified = algorithms().stream().map(a -> a.family() + "/" + a.id()).toList();
    if (matches.isEmpty()) {
      List<String> candidates = new ArrayList<>(qualified);
      algorithms().forEach(a -> candidates.add(a.id()));
      throw new PluginException("unknown algorithm '" + name + "'" + ParamValues.suggestion(name, candidates)
          + (qualified.isEmpty() ? "; no algorithms are installed" : "; installed: " + String.join(", ", qualified)));
    }
    throw new PluginException("algorithm '" + name + "' is ambiguous; name one of "
        + matches.stream().map(a -> a.family() + "/" + a.id()).toList());
  }

  /** Finds the algorithm that wrote a model file, if installed. */
  Algorithm<?, ?, ?> algorithm(String family, String id) {
    ModelFamilyProvider f = families.get(family);
    if (f == null) {
      return null;
    }
    return f.algorithms().stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
  }

  ComputeEngineProvider engine(String name) {
    ComputeEngineProvider p = engines.get(name);
    if (p == null) {
      throw new PluginException("unknown engine '" + name + "'"
          + ParamValues.suggestion(name, List.copyOf(engines.keySet())) + "; available: "
          + String.join(", ", engines.keySet()) + " or auto");
    }
    return p;
  }

  TokenizerProvider tokenizer(String id) {
    TokenizerProvider p = tokenizers.get(id);
    if (p == null) {
      throw new PluginException("unknown tokenizer '" + id + "'"
          + ParamValues.suggestion(id, List.copyOf(tokenizers.keySet())) + "; installed: "
          + String.join(", ", tokenizers.keySet()));
    }
    return p;
  }
}
