package io.tessera.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How one training run is carried out, beyond the algorithm's hyperparameters.
 *
 * @param dataFingerprint fingerprint of the training data for the model card (e.g. {@code sha256:...}), or empty
 * @param checkpoint      where the trainer may save resumable state, if anywhere
 * @param resume          whether to start from {@code checkpoint} when it exists
 * @param cancellation    the token that stops training at its next step boundary
 * @param listener        receives progress events (overrides the instance's listener when not {@code null})
 */
public record TrainOptions(String dataFingerprint, Optional<Path> checkpoint, boolean resume,
                           CancellationToken cancellation, TrainingListener listener) {

  /** Defaults: no fingerprint, no checkpoint, a fresh token, the instance's listener. */
  public static final TrainOptions DEFAULTS = builder().build();

  public TrainOptions {
    Objects.requireNonNull(dataFingerprint, "dataFingerprint");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(cancellation, "cancellation");
    if (resume && checkpoint.isEmpty()) {
      throw BadInputException.parameter("resume", "needs a checkpoint path");
    }
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TrainOptions}. */
  public static final class Builder {
    private String dataFingerprint = "";
    private Path checkpoint;
    private boolean resume;
    private CancellationToken cancellation = new CancellationToken();
    private TrainingListener listener;

    private Builder() {
    }

    /** Sets the data fingerprint recorded in the model card. */
    public Builder dataFingerprint(String fingerprint) {
      this.dataFingerprint = fingerprint;
      return this;
    }

    /** Lets the trainer save resumable state to {@code file} (written atomically). */
    public Builder checkpoint(Path file) {
      this.checkpoint = file;
      return this;
    }

    /** Starts from the checkpoint when it exists. */
    public Builder resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    /** Uses {@code token} to stop training. */
    public Builder cancellation(CancellationToken token) {
      this.cancellation = token;
      return this;
    }

    /** Sends this run's progress events to {@code listener}. */
    public Builder listener(TrainingListener listener) {
      this.listener = listener;
      return this;
    }

    public TrainOptions build() {
      return new TrainOptions(dataFingerprint, Optional.ofNullable(checkpoint), resume, cancellation, listener);
    }
  }
}
