package io.tessera.api;

import java.time.Instant;
import java.util.Objects;

/**
 * How a model was produced. Together with the data fingerprint this is what the results promise rests on:
 * the same versions, seed, engine, vector width and thread count reproduce the same bits.
 *
 * @param tesseraVersion  the platform version that trained the model
 * @param javaVersion     {@code Runtime.version()} of the training JVM
 * @param seed            the seed of the fit
 * @param engine          the compute engine's name
 * @param vectorBits      the engine's vector width in bits
 * @param threads         the engine's thread count
 * @param dataFingerprint a fingerprint of the training data (e.g. {@code sha256:...}), or empty when unknown
 * @param trainedAt       when training finished
 */
public record Provenance(String tesseraVersion, String javaVersion, long seed, String engine, int vectorBits,
                        int threads, String dataFingerprint, Instant trainedAt) {
  public Provenance {
    Objects.requireNonNull(tesseraVersion, "tesseraVersion");
    Objects.requireNonNull(javaVersion, "javaVersion");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(dataFingerprint, "dataFingerprint");
    Objects.requireNonNull(trainedAt, "trainedAt");
  }
}
