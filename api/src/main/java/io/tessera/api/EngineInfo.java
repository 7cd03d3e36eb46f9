package io.tessera.api;

import java.util.Optional;

/**
 * A compute engine the platform found, whether it can run here, and whether it is the one in use.
 *
 * @param name              the engine id
 * @param priority          the provider's priority (higher wins when the user names no engine)
 * @param unavailableReason empty when the engine can run in this JVM, else why not and how to fix it
 * @param active            whether this Tessera instance computes on it
 */
public record EngineInfo(String name, int priority, Optional<String> unavailableReason, boolean active) {

  /** @return whether the engine can run in this JVM */
  public boolean available() {
    return unavailableReason.isEmpty();
  }
}
