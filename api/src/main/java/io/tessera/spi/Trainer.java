package io.tessera.spi;

import io.tessera.api.Model;

/**
 * Fits a model. Stateless: everything a fit needs comes in through its arguments, so one trainer may run
 * several fits at once.
 *
 * @param <I> the input type
 * @param <C> the configuration record
 * @param <M> the model type
 */
@FunctionalInterface
public interface Trainer<I, C extends Record, M extends Model> {

  /**
   * Trains a model.
   *
   * @param input   the training data
   * @param config  validated hyperparameters
   * @param context the only door to platform services: engine, random streams, progress, cancellation,
   *                checkpoints, and the model card the result must carry
   * @return the immutable model, carrying {@code context.card()}
   * @throws io.tessera.api.CancelledException when {@code context.cancellation()} was triggered
   * @throws io.tessera.api.BadInputException  when the input cannot be trained on (naming why)
   */
  M fit(I input, C config, TrainingContext context);
}
