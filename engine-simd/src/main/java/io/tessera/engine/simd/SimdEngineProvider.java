package io.tessera.engine.simd;

import io.tessera.engine.ComputeEngine;
import io.tessera.engine.ComputeEngineProvider;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * Publishes the Vector API engine ({@code simd}, priority 100). This class never links a Vector API type:
 * {@link #unavailableReason()} first checks that {@code jdk.incubator.vector} is in the boot layer and that
 * the C2 compiler is on (without it vector code runs orders of magnitude slower than scalar code), and only
 * then does {@link #create(int)} load the engine class by name.
 */
public final class SimdEngineProvider implements ComputeEngineProvider {
  private static final String VECTOR_MODULE = "jdk.incubator.vector";
  private static final String ENGINE_CLASS = "io.tessera.engine.simd.SimdEngine";

  /** Creates the provider; probing happens in {@link #unavailableReason()}. */
  public SimdEngineProvider() {
  }

  @Override
  public String name() {
    return "simd";
  }

  @Override
  public int priority() {
    return 100;
  }

  @Override
  public Optional<String> unavailableReason() {
    if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
      return Optional.of(VECTOR_MODULE + " is not in the boot layer; launch with --add-modules " + VECTOR_MODULE
          + " (or put Tessera on the module path)");
    }
    String vmInfo = System.getProperty("java.vm.info", "");
    if (vmInfo.contains("interpreted mode")) {
      return Optional.of("the JIT compiler is off (-Xint); remove -Xint so that C2 compiles the vector kernels");
    }
    if (vmInfo.contains("emulated-client")) {
      return Optional.of("the C2 compiler is off (-XX:TieredStopAtLevel=1 or a client compilation mode);"
          + " remove that flag so that C2 compiles the vector kernels");
    }
    try {
      SimdWidth.requested();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    return Optional.empty();
  }

  @Override
  public ComputeEngine create(int threads) {
    Optional<String> reason = unavailableReason();
    if (reason.isPresent()) {
      throw new IllegalStateException("the simd engine is unavailable: " + reason.get());
    }
    try {
      return (ComputeEngine) Class.forName(ENGINE_CLASS).getConstructor(int.class).newInstance(threads);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("cannot create the simd engine: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("cannot load the simd engine: " + e, e);
    }
  }
}
