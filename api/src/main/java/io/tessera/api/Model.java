package io.tessera.api;

/**
 * A trained model: immutable and safe to query from many threads. Each family adds its own query methods
 * (predict, similar words, topics of a document, ...) on its model types.
 */
public interface Model {

  /** @return what this model is and where it came from */
  ModelCard card();

  /** @return a few human-readable lines describing what was learned (shown by the CLI after training) */
  default String summary() {
    return card().family() + "/" + card().algorithm();
  }
}
