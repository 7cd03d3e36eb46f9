package io.tessera.internal.bootstrap;

import io.tessera.api.Model;
import io.tessera.api.ModelCard;
import io.tessera.api.ModelFormatException;
import io.tessera.api.Provenance;
import io.tessera.io.Json;
import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ModelCodec;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves models as one safetensors file each (written atomically) and loads them back through the codec of the
 * algorithm named in the file's metadata, never through a class name read from the file.
 */
final class ModelStore {
  static final String FORMAT_KEY = "tessera.format";
  static final String FORMAT_VALUE = "model";
  static final String FAMILY_KEY = "tessera.family";
  static final String ALGORITHM_KEY = "tessera.algorithm";
  static final String VERSION_KEY = "tessera.format_version";
  static final String HYPER_KEY = "tessera.hyperparameters";
  static final String PROVENANCE_KEY = "tessera.provenance";

  private final PluginRegistry registry;

  @Inject
  ModelStore(PluginRegistry registry) {
    this.registry = registry;
  }

  void save(Model model, Path file) {
    ModelCard card = model.card();
    Algorithm<?, ?, ?> algorithm = installed(card.family(), card.algorithm(), file);
    TensorWriter out = TensorWriter.create()
        .metadata(FORMAT_KEY, FORMAT_VALUE)
        .metadata(FAMILY_KEY, card.family())
        .metadata(ALGORITHM_KEY, card.algorithm())
        .metadata(VERSION_KEY, Integer.toString(algorithm.codec().formatVersion()))
        .metadata(HYPER_KEY, Json.write(new LinkedHashMap<>(card.hyperparameters())))
        .metadata(PROVENANCE_KEY, Json.write(provenanceJson(card.provenance())));
    writeWith(algorithm.codec(), model, out);
    out.write(file);
  }

  Model load(Path file) {
    try (TensorFile in = TensorFile.open(file)) {
      Map<String, String> meta = in.metadata();
      if (!FORMAT_VALUE.equals(meta.get(FORMAT_KEY))) {
        throw new ModelFormatException(file + ": not a Tessera model file (metadata '" + FORMAT_KEY + "' is missing)");
      }
      String family = required(meta, FAMILY_KEY, file);
      String id = required(meta, ALGORITHM_KEY, file);
      int version = parseVersion(required(meta, VERSION_KEY, file), file);
      Algorithm<?, ?, ?> algorithm = installed(family, id, file);
      ModelCodec<?> codec = algorithm.codec();
      if (!codec.canRead(version)) {
        throw new ModelFormatException(file + ": " + family + "/" + id + " format version " + version
            + " cannot be read by this installation (it writes version " + codec.formatVersion() + ")");
      }
      ModelCard card = new ModelCard(family, id, version, stringMap(required(meta, HYPER_KEY, file), file),
          provenance(required(meta, PROVENANCE_KEY, file), file));
      Model model = codec.read(in, card);
      if (model == null || !algorithm.modelType().isInstance(model)) {
        throw new ModelFormatException(file + ": codec of " + family + "/" + id + " returned no "
            + algorithm.modelType().getSimpleName());
      }
      return model;
    }
  }

  private Algorithm<?, ?, ?> installed(String family, String id, Path file) {
    Algorithm<?, ?, ?> algorithm = registry.algorithm(family, id);
    if (algorithm == null) {
      throw new ModelFormatException(file + ": model of " + family + "/" + id
          + ", which is not installed (is its plugin on the module path or in plugins/?)");
    }
    return algorithm;
  }

  @SuppressWarnings("unchecked")
  private static <M extends Model> void writeWith(ModelCodec<M> codec, Model model, TensorWriter out) {
    codec.write((M) model, out);
  }

  private static String required(Map<String, String> meta, String key, Path file) {
    String v = meta.get(key);
    if (v == null) {
      throw new ModelFormatException(file + ": metadata '" + key + "' is missing");
    }
    return v;
  }

  private static int parseVersion(String text, Path file) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new ModelFormatException(file + ": metadata '" + VERSION_KEY + "' is not an integer: " + text);
    }
  }

  private static Map<String, Object> provenanceJson(Provenance p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tessera_version", p.tesseraVersion());
    m.put("java_version", p.javaVersion());
    m.put("seed", p.seed());
    m.put("engine", p.engine());
    m.put("vector_bits", p.vectorBits());
    m.put("threads", p.threads());
    m.put("data_fingerprint", p.dataFingerprint());
    m.put("trained_at", p.trainedAt().toString());
    return m;
  }

  private static Provenance provenance(String json, Path file) {
    Map<String, Object> m = object(json, PROVENANCE_KEY, file);
    try {
      return new Provenance(text(m, "tessera_version"), text(m, "java_version"), number(m, "seed"),
          text(m, "engine"), (int) number(m, "vector_bits"), (int) number(m, "threads"),
          text(m, "data_fingerprint"), Instant.parse(text(m, "trained_at")));
    } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
      throw new ModelFormatException(file + ": metadata '" + PROVENANCE_KEY + "' is malformed: " + e.getMessage());
    }
  }

  private static Map<String, String> stringMap(String json, Path file) {
    Map<String, String> out = new LinkedHashMap<>();
    object(json, HYPER_KEY, file).forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String json, String key, Path file) {
    Object parsed;
    try {
      parsed = Json.parse(json);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": metadata '" + key + "' is not valid JSON: " + e.getMessage());
    }
    if (!(parsed instanceof Map)) {
      throw new ModelFormatException(file + ": metadata '" + key + "' is not a JSON object");
    }
    return (Map<String, Object>) parsed;
  }

  private static String text(Map<String, Object> m, String key) {
    return (String) m.get(key);
  }

  private static long number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).longValue();
  }
}
