package io.tessera.models.cluster.internal;

import io.tessera.api.CancellationToken;
import io.tessera.api.ModelCard;
import io.tessera.api.Provenance;
import io.tessera.engine.ComputeEngine;
import io.tessera.engine.ScalarEngine;
import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;
import io.tessera.spi.Checkpoints;
import io.tessera.spi.Progress;
import io.tessera.spi.TrainingContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal {@link TrainingContext} for tests: a scalar engine, a seed, named random streams, a cancellation
 * token, and a progress recorder. Close it to stop the engine's threads.
 */
public final class TestContext implements TrainingContext, AutoCloseable {

  /** One progress call: a phase start, an advance, an epoch end or the close. */
  public record Event(String kind, String phase, long units, int epoch, Map<String, Double> metrics) {
  }

  private final ComputeEngine engine;
  private final long seed;
  private final CancellationToken cancellation = new CancellationToken();
  private final List<Event> events = new CopyOnWriteArrayList<>();

  /** A context with a scalar engine of {@code threads} threads and the given seed. */
  public TestContext(int threads, long seed) {
    this.engine = new ScalarEngine(threads);
    this.seed = seed;
  }

  @Override
  public ComputeEngine engine() {
    return engine;
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public SplittableRandom random(String stream) {
    // Any fixed function of (seed, name) will do for tests; the platform's is the lead's to define.
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ stream.hashCode());
  }

  @Override
  public CancellationToken cancellation() {
    return cancellation;
  }

  @Override
  public Progress progress(String phase, long total, String unit) {
    events.add(new Event("start", phase, total, 0, Map.of()));
    return new Progress() {
      @Override
      public void advance(long units) {
        advance(units, Map.of());
      }

      @Override
      public void advance(long units, Map<String, Double> metrics) {
        events.add(new Event("advance", phase, units, 0, metrics));
      }

      @Override
      public void epochFinished(int epoch, Map<String, Double> metrics) {
        events.add(new Event("epoch", phase, 0, epoch, metrics));
      }

      @Override
      public void close() {
        events.add(new Event("close", phase, 0, 0, Map.of()));
      }
    };
  }

  @Override
  public Checkpoints checkpoints() {
    return new Checkpoints() {
      @Override
      public boolean enabled() {
        return false;
      }

      @Override
      public Optional<TensorFile> latest() {
        return Optional.empty();
      }

      @Override
      public void save(TensorWriter state) {
      }
    };
  }

  @Override
  public ModelCard card() {
    return new ModelCard("cluster", "kmeans", 1, Map.of(), new Provenance("test", Runtime.version().toString(), seed,
        engine.name(), engine.vectorBits(), engine.threads(), "", Instant.EPOCH));
  }

  /** @return the progress calls so far, in order */
  public List<Event> events() {
    return List.copyOf(events);
  }

  @Override
  public void close() {
    engine.close();
  }
}
