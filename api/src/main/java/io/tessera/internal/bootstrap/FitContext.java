package io.tessera.internal.bootstrap;

import io.tessera.api.CancellationToken;
import io.tessera.api.ModelCard;
import io.tessera.api.TrainingListener;
import io.tessera.engine.ComputeEngine;
import io.tessera.spi.Checkpoints;
import io.tessera.spi.Progress;
import io.tessera.spi.TrainingContext;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** The services one fit may use. */
record FitContext(ComputeEngine engine, long seed, CancellationToken cancellation, TrainingListener listener,
                  Checkpoints checkpoints, ModelCard card) implements TrainingContext {

  @Override
  public SplittableRandom random(String stream) {
    return new SplittableRandom(streamSeed(seed, stream));
  }

  @Override
  public Progress progress(String phase, long total, String unit) {
    return new PhaseProgress(listener, phase, total, unit);
  }

  /** Mixes the seed with a 64-bit FNV-1a hash of the stream's name through the SplitMix64 finaliser. */
  static long streamSeed(long seed, String stream) {
    long h = 0xcbf29ce484222325L;
    for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    long z = seed + h * 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
