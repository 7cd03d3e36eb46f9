package io.tessera.internal.bootstrap;

import io.tessera.api.BadInputException;
import io.tessera.api.Model;
import io.tessera.api.ModelCard;
import io.tessera.api.Provenance;
import io.tessera.api.TrainOptions;
import io.tessera.engine.ComputeEngine;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ParamValues;
import jakarta.inject.Inject;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs one fit: checks the input type, builds the model card and the training context, calls the trainer. */
final class TrainingRunner {
  private final ComputeEngine engine;
  private final PlatformSettings settings;

  @Inject
  TrainingRunner(ComputeEngine engine, PlatformSettings settings) {
    this.engine = engine;
    this.settings = settings;
  }

  Model train(Algorithm<?, ?, ?> algorithm, Object input, Map<String, String> params, TrainOptions options) {
    ParamValues values = ParamValues.parse(algorithm.params(), params);
    return fit(algorithm, input, algorithm.configure(values), values.asText(), options);
  }

  Model train(Algorithm<?, ?, ?> algorithm, Object input, Record config, TrainOptions options) {
    if (!algorithm.configType().isInstance(config)) {
      throw BadInputException.of(name(algorithm) + " is configured by " + algorithm.configType().getSimpleName()
          + ", not " + config.getClass().getSimpleName());
    }
    return fit(algorithm, input, config, describe(config), options);
  }

  @SuppressWarnings("unchecked")
  private <I, C extends Record, M extends Model> M fit(Algorithm<I, C, M> algorithm, Object input, Record config,
                                                       Map<String, String> hyper, TrainOptions options) {
    if (!algorithm.inputType().isInstance(input)) {
      throw BadInputException.of(name(algorithm) + " trains on " + algorithm.inputType().getSimpleName()
          + ", not " + (input == null ? "null" : input.getClass().getSimpleName()));
    }
    ModelCard card = new ModelCard(algorithm.family(), algorithm.id(), algorithm.codec().formatVersion(), hyper,
        new Provenance(Versions.tessera(), Runtime.version().toString(), settings.seed(), engine.name(),
            engine.vectorBits(), engine.threads(), options.dataFingerprint(), Instant.now()));
    FitContext context = new FitContext(engine, settings.seed(), options.cancellation(),
        options.listener() != null ? options.listener() : settings.listener(),
        new FileCheckpoints(options.checkpoint(), options.resume()), card);
    M model = algorithm.trainer().fit((I) input, (C) config, context);
    if (model == null) {
      throw new IllegalStateException(name(algorithm) + " returned no model");
    }
    return model;
  }

  /** The config's components as snake_case text, the same keys its ParamSpecs use. */
  private static Map<String, String> describe(Record config) {
    Map<String, String> out = new LinkedHashMap<>();
    try {
      for (RecordComponent rc : config.getClass().getRecordComponents()) {
        out.put(snake(rc.getName()), String.valueOf(rc.getAccessor().invoke(config)));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // A config record in an unexported package cannot be read reflectively; keep its text form instead.
      out.clear();
      out.put("config", config.toString());
    }
    return out;
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static String name(Algorithm<?, ?, ?> a) {
    return a.family() + "/" + a.id();
  }
}
