package io.tessera.api;

import io.tessera.engine.ComputeEngine;
import io.tessera.internal.bootstrap.Bootstrap;
import io.tessera.internal.bootstrap.Platform;
import io.tessera.internal.bootstrap.PlatformAccess;
import io.tessera.internal.bootstrap.PlatformSettings;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ModelFamilyProvider;
import io.tessera.spi.ParamValues;
import io.tessera.spi.TokenizerProvider;
import io.tessera.text.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entry point for applications: finds the installed model families, engines and tokenizers, trains
 * models, saves and loads them. Owns the compute engine's thread pool, so close it when done.
 *
 * <pre>{@code
 * try (Tessera tessera = Tessera.builder().seed(7).threads(2).build()) {
 *   Model model = tessera.train("kmeans", table, Map.of("k", "3"));
 *   tessera.save(model, Path.of("iris.safetensors"));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Applications never see Guice: the platform wires itself inside.
 */
public final class Tessera implements AutoCloseable {
  /** System property that names the engine when the builder does not ({@code simd}, {@code scalar}, {@code auto}). */
  public static final String ENGINE_PROPERTY = "tessera.engine";

  private final Platform platform;

  private Tessera(Platform platform) {
    this.platform = platform;
  }

  /** @return a platform with the defaults (all cores, seed 42, the fastest available engine) */
  public static Tessera bootstrap() {
    return builder().build();
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the platform's version (e.g. {@code 0.1.0}) */
  public static String version() {
    return PlatformAccess.version();
  }

  /** @return the installed model families, by id */
  public List<ModelFamilyProvider> families() {
    return PlatformAccess.families(platform);
  }

  /** @return every algorithm of every installed family */
  public List<Algorithm<?, ?, ?>> algorithms() {
    return PlatformAccess.algorithms(platform);
  }

  /**
   * Finds an algorithm by {@code family/id} or by a bare id that only one family uses.
   *
   * @throws PluginException naming the installed algorithms and the nearest id when there is no match
   */
  public Algorithm<?, ?, ?> algorithm(String name) {
    return PlatformAccess.algorithm(platform, name);
  }

  /** @return every engine found, whether it can run, and which one is active */
  public List<EngineInfo> engines() {
    return PlatformAccess.engines(platform);
  }

  /** @return the active compute engine (owned by this instance) */
  public ComputeEngine engine() {
    return PlatformAccess.engine(platform);
  }

  /** @return the installed tokenizers */
  public List<TokenizerProvider> tokenizers() {
    return PlatformAccess.tokenizers(platform);
  }

  /**
   * Creates a tokenizer.
   *
   * @param id      e.g. {@code default}
   * @param options option values as text; unknown keys are an error naming the nearest valid one
   */
  public Tokenizer tokenizer(String id, Map<String, String> options) {
    TokenizerProvider p = PlatformAccess.tokenizer(platform, id);
    return p.create(ParamValues.parse(p.options(), options));
  }

  /** @return the plugins that were skipped at start-up and why */
  public List<PluginProblem> problems() {
    return PlatformAccess.problems(platform);
  }

  /** @return the seed every fit of this instance uses */
  public long seed() {
    return PlatformAccess.seed(platform);
  }

  /**
   * Trains a model from hyperparameters given as text ({@code key=value} pairs, defaults for the rest).
   *
   * @param algorithm {@code family/id} or a unique bare id
   * @param input     training data of the algorithm's {@link Algorithm#inputType()}
   * @param params    hyperparameters as text
   * @param <M>       the model type the caller expects
   * @throws BadInputException  for an unknown key, a value out of range, or input of the wrong type
   * @throws CancelledException when cancelled
   */
  public <M extends Model> M train(String algorithm, Object input, Map<String, String> params) {
    return train(algorithm, input, params, TrainOptions.DEFAULTS);
  }

  /** Like {@link #train(String, Object, Map)}, with checkpoints, cancellation and a listener of its own. */
  @SuppressWarnings("unchecked")
  public <M extends Model> M train(String algorithm, Object input, Map<String, String> params, TrainOptions options) {
    return (M) PlatformAccess.train(platform, algorithm(algorithm), input, params, options);
  }

  /** Trains a model from a configuration record of the algorithm's {@link Algorithm#configType()}. */
  public <M extends Model> M train(String algorithm, Object input, Record config) {
    return train(algorithm, input, config, TrainOptions.DEFAULTS);
  }

  /** Like {@link #train(String, Object, Record)}, with checkpoints, cancellation and a listener of its own. */
  @SuppressWarnings("unchecked")
  public <M extends Model> M train(String algorithm, Object input, Record config, TrainOptions options) {
    return (M) PlatformAccess.train(platform, algorithm(algorithm), input, config, options);
  }

  /**
   * Writes a model to one safetensors file, atomically: on failure an earlier file at {@code file} is intact.
   *
   * @throws ModelFormatException when the model's family is not installed
   */
  public void save(Model model, Path file) {
    PlatformAccess.save(platform, model, file);
  }

  /**
   * Reads a model file written by {@link #save}.
   *
   * @throws ModelFormatException when the file is corrupt, of an unknown version, or of an uninstalled family
   */
  public Model load(Path file) {
    return PlatformAccess.load(platform, file);
  }

  /**
   * Reads a model file and checks its type.
   *
   * @throws ModelFormatException when the file holds another kind of model
   */
  public <M extends Model> M load(Path file, Class<M> type) {
    Model m = load(file);
    if (!type.isInstance(m)) {
      throw new ModelFormatException(file + ": holds a " + m.card().family() + "/" + m.card().algorithm()
          + " model, not " + type.getSimpleName());
    }
    return type.cast(m);
  }

  /** Shuts the compute engine's pool down. */
  @Override
  public void close() {
    engine().close();
  }

  /** Configures a {@link Tessera} instance. */
  public static final class Builder {
    private int threads = Runtime.getRuntime().availableProcessors();
    private long seed = 42L;
    private String engine;
    private TrainingListener listener = TrainingListener.NONE;
    private final List<Path> pluginDirs = new ArrayList<>();

    private Builder() {
    }

    /** Worker threads of the compute engine (default: all processors). */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw BadInputException.parameter("threads", "must be at least 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** The seed of every fit (default 42): the same seed gives the same model. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The engine to compute on: {@code auto} (the fastest available, the default), {@code simd} or {@code scalar}.
     * Without a call, the system property {@value #ENGINE_PROPERTY} decides.
     */
    public Builder engine(String name) {
      this.engine = Objects.requireNonNull(name, "engine");
      return this;
    }

    /** Receives the progress of every fit (default: none). */
    public Builder listener(TrainingListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Also loads plugins from the jars in {@code dir} (skipped when the folder does not exist). */
    public Builder pluginDirectory(Path dir) {
      pluginDirs.add(Objects.requireNonNull(dir, "dir"));
      return this;
    }

    /**
     * Discovers plugins and wires the platform.
     *
     * @throws PluginException when two plugins share an id or the named engine cannot run
     */
    public Tessera build() {
      String name = engine != null ? engine : System.getProperty(ENGINE_PROPERTY, "auto");
      return new Tessera(Bootstrap.start(new PlatformSettings(threads, seed, name, listener, pluginDirs)));
    }
  }
}
