package io.tessera.engine;

import java.util.Optional;

/**
 * Service-provider interface for compute engines, found by {@link java.util.ServiceLoader}. The platform
 * lists every provider, creates the available one with the highest {@link #priority()} unless the user names
 * one ({@code -Dtessera.engine=NAME}, the builder, or the CLI's {@code --engine}), and reports the others with
 * their {@link #unavailableReason()}.
 *
 * <p>Implementations need a public no-argument constructor and must be cheap to construct: probing
 * happens in {@link #unavailableReason()}, not in the constructor.
 */
public interface ComputeEngineProvider {

  /** @return a short unique id such as {@code scalar} or {@code simd} */
  String name();

  /** @return a higher value wins when the user names no engine; the scalar reference engine has 0 */
  int priority();

  /**
   * @return empty when this engine can run in this JVM, else one line saying why not and how to fix it
   *     (e.g. "jdk.incubator.vector is not in the boot layer; launch with --add-modules jdk.incubator.vector")
   */
  Optional<String> unavailableReason();

  /**
   * Creates an engine with its own pool of {@code threads} workers.
   *
   * @throws IllegalStateException when {@link #unavailableReason()} is not empty
   */
  ComputeEngine create(int threads);
}
