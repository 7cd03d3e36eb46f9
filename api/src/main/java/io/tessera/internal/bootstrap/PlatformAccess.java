package io.tessera.internal.bootstrap;

import io.tessera.api.EngineInfo;
import io.tessera.api.Model;
import io.tessera.api.PluginProblem;
import io.tessera.api.TrainOptions;
import io.tessera.engine.ComputeEngine;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ModelFamilyProvider;
import io.tessera.spi.TokenizerProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The operations {@link io.tessera.api.Tessera} delegates to; keeps the platform's parts package-private. */
public final class PlatformAccess {
  private PlatformAccess() {
  }

  public static List<ModelFamilyProvider> families(Platform p) {
    return p.registry.families();
  }

  public static List<Algorithm<?, ?, ?>> algorithms(Platform p) {
    return p.registry.algorithms();
  }

  public static Algorithm<?, ?, ?> algorithm(Platform p, String name) {
    return p.registry.algorithm(name);
  }

  public static List<TokenizerProvider> tokenizers(Platform p) {
    return p.registry.tokenizers();
  }

  public static TokenizerProvider tokenizer(Platform p, String id) {
    return p.registry.tokenizer(id);
  }

  public static List<PluginProblem> problems(Platform p) {
    return p.registry.problems();
  }

  public static ComputeEngine engine(Platform p) {
    return p.engine;
  }

  public static List<EngineInfo> engines(Platform p) {
    return EngineSelector.describe(p.registry, p.engine);
  }

  public static long seed(Platform p) {
    return p.settings.seed();
  }

  public static Model train(Platform p, Algorithm<?, ?, ?> a, Object input, Map<String, String> params,
                            TrainOptions options) {
    return p.runner.train(a, input, params, options);
  }

  public static Model train(Platform p, Algorithm<?, ?, ?> a, Object input, Record config, TrainOptions options) {
    return p.runner.train(a, input, config, options);
  }

  public static void save(Platform p, Model model, Path file) {
    p.store.save(model, file);
  }

  public static Model load(Platform p, Path file) {
    return p.store.load(file);
  }

  public static String version() {
    return Versions.tessera();
  }
}
