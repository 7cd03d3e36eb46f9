package io.tessera.spi;

import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;
import java.util.Optional;

/**
 * Resumable training state. A trainer that supports checkpoints saves its state every so often and, when
 * asked to resume, starts from {@link #latest()}. Writes are atomic: a checkpoint file is either the old one
 * or the new one, never half of each.
 */
public interface Checkpoints {

  /** @return whether the user asked for checkpoints (when not, {@link #save} does nothing) */
  boolean enabled();

  /** @return the state to resume from, when the user asked to resume and a checkpoint exists */
  Optional<TensorFile> latest();

  /** Atomically replaces the checkpoint with {@code state} (tensors and metadata). */
  void save(TensorWriter state);
}
