package io.tessera.spi;

import io.tessera.api.Model;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One trainable algorithm of a family: its hyperparameters, a stateless trainer, and the codec that stores
 * its models.
 *
 * @param <I> what it trains on (a numeric table, a text corpus, sequences, ...)
 * @param <C> its immutable configuration record, validated in the record's constructor
 * @param <M> the immutable model it produces
 */
public interface Algorithm<I, C extends Record, M extends Model> {

  /** @return the id, unique within the family, lower-case with dashes (e.g. {@code kmeans}, {@code skip-gram}) */
  String id();

  /** @return the id of the family this algorithm belongs to */
  String family();

  /** @return one line describing the algorithm */
  String description();

  /** @return the type of the training input */
  Class<I> inputType();

  /** @return the configuration record type */
  Class<C> configType();

  /** @return the model type */
  Class<M> modelType();

  /**
   * @return the hyperparameters, in the order help shows them; each maps to a component of {@link #configType()}
   *     of the same name
   */
  List<ParamSpec<?>> params();

  /** Builds the configuration from validated values (every declared parameter is present, defaults filled in). */
  C configure(ParamValues values);

  /** @return the stateless trainer */
  Trainer<I, C, M> trainer();

  /** @return the codec that writes and reads this algorithm's models */
  ModelCodec<M> codec();

  /**
   * Reads training input from a file, as the CLI's {@code train --data FILE} does.
   *
   * @throws io.tessera.api.BadInputException naming file and line when the file is malformed
   */
  I readInput(Path file);

  /** @return one line saying what {@link #readInput} expects (e.g. "CSV with a header; numeric columns") */
  String inputDescription();

  /**
   * @return a small real sample bundled with the plugin, used by {@code tessera demo}; empty when the
   *     algorithm has none
   */
  default Optional<I> sampleInput() {
    return Optional.empty();
  }

  /**
   * @return hyperparameters (as text) that suit {@link #sampleInput()}, such as the number of clusters of a
   *     labelled sample; {@code tessera demo} trains with these, defaults for the rest
   */
  default Map<String, String> sampleParams() {
    return Map.of();
  }
}
