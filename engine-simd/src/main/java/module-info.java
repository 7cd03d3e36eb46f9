/**
 * Tessera's SIMD compute engine on the JDK Vector API. Exports nothing: the platform finds it through
 * {@link io.tessera.engine.ComputeEngineProvider}.
 */
module io.tessera.engine.simd {
  requires io.tessera.api;
  requires org.slf4j;
  requires jdk.incubator.vector;

  provides io.tessera.engine.ComputeEngineProvider with io.tessera.engine.simd.SimdEngineProvider;
}
