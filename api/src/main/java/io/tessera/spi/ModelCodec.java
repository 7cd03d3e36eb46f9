package io.tessera.spi;

import io.tessera.api.Model;
import io.tessera.api.ModelCard;
import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;

/**
 * Writes and reads one algorithm's models as tensors in the platform's safetensors model store. The
 * platform writes the model card into the file's metadata and picks the codec from the file header by
 * (family, algorithm, format version), never by a class name read from the file.
 *
 * @param <M> the model type
 */
public interface ModelCodec<M extends Model> {

  /** @return the format version this codec writes; bump it when the tensor layout changes */
  int formatVersion();

  /** @return whether this codec can read files of {@code version} (by default only its own version) */
  default boolean canRead(int version) {
    return version == formatVersion();
  }

  /** Adds the model's tensors (and, if needed, extra metadata entries) to {@code out}. */
  void write(M model, TensorWriter out);

  /**
   * Rebuilds a model from a validated file.
   *
   * @param in   the open file (tensors are validated against the header already)
   * @param card the card read from the file's metadata
   * @throws io.tessera.api.ModelFormatException when a tensor is missing or has the wrong dtype or shape
   */
  M read(TensorFile in, ModelCard card);
}
