package io.tessera.spi;

import io.tessera.api.CancellationToken;
import io.tessera.api.ModelCard;
import io.tessera.engine.ComputeEngine;
import java.util.SplittableRandom;

/**
 * What a trainer may use during one fit, and nothing else: the compute engine, seeded random streams,
 * progress reporting, cancellation and checkpoints.
 */
public interface TrainingContext {

  /** @return the engine to compute on (its pool has {@link #threads()} workers) */
  ComputeEngine engine();

  /** @return the number of threads the fit may use */
  default int threads() {
    return engine().threads();
  }

  /** @return the fit's seed */
  long seed();

  /**
   * A random stream derived from the seed and {@code stream}'s name: the same name gives the same sequence in
   * every fit with the same seed, whatever else the trainer drew before. Use one name per purpose
   * ({@code "init"}, {@code "shuffle"}, {@code "dropout"}), and {@link SplittableRandom#split()} per shard.
   */
  SplittableRandom random(String stream);

  /** @return the token to check at step boundaries */
  CancellationToken cancellation();

  /**
   * Starts reporting a phase.
   *
   * @param phase its name (e.g. {@code train})
   * @param total units in the phase, or 0 when unknown
   * @param unit  what a unit is ({@code samples}, {@code words}, {@code tokens}, {@code iterations})
   */
  Progress progress(String phase, long total, String unit);

  /** @return where to save and find resumable state */
  Checkpoints checkpoints();

  /** @return the card the trained model must carry */
  ModelCard card();
}
