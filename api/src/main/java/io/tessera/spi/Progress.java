package io.tessera.spi;

import java.util.Map;

/**
 * Progress of one phase. Cheap to call once per batch: it keeps counters and sends an event to the
 * listener at most a few times a second (plus every epoch end and the phase end).
 */
public interface Progress extends AutoCloseable {

  /** Adds {@code units} done (thread-safe). */
  void advance(long units);

  /** Adds {@code units} done and records the latest metrics (e.g. {@code loss}). */
  void advance(long units, Map<String, Double> metrics);

  /**
   * Reports the end of a 1-based epoch with its figures; always delivered. Progress events sent after it carry
   * the next epoch's number, the one then in progress.
   */
  void epochFinished(int epoch, Map<String, Double> metrics);

  /** Ends the phase; always delivered. Idempotent. */
  @Override
  void close();
}
