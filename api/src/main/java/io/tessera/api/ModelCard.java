package io.tessera.api;

import java.util.Map;
import java.util.Objects;

/**
 * Identity and provenance of a model, stored in the model file's metadata.
 *
 * @param family          the model family id (e.g. {@code cluster})
 * @param algorithm       the algorithm id within the family (e.g. {@code kmeans})
 * @param formatVersion   the codec's format version the model is (or will be) written with
 * @param hyperparameters every hyperparameter of the fit, defaults included, as text
 * @param provenance      how, when and on what the model was trained
 */
public record ModelCard(String family, String algorithm, int formatVersion, Map<String, String> hyperparameters,
                        Provenance provenance) {
  public ModelCard {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(algorithm, "algorithm");
    hyperparameters = Map.copyOf(hyperparameters);
    Objects.requireNonNull(provenance, "provenance");
  }
}
