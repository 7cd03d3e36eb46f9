package io.tessera.engine.simd;

/**
 * Launched by {@link SimdEngineProviderLaunchTest} in a child JVM: prints the provider's verdict on one line.
 * Loading and asking the provider must work even where {@code jdk.incubator.vector} is missing.
 */
public final class ProviderProbe {
  private ProviderProbe() {
  }

  /** Prints {@code available} or {@code unavailable: REASON}. */
  public static void main(String[] args) {
    SimdEngineProvider provider = new SimdEngineProvider();
    System.out.println(provider.unavailableReason().map(r -> "unavailable: " + r).orElse("available"));
  }
}
