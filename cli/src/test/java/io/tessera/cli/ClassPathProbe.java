package io.tessera.cli;

import io.tessera.api.EngineInfo;
import io.tessera.api.Model;
import io.tessera.api.Tessera;
import io.tessera.engine.ComputeEngine;
import io.tessera.engine.ScalarEngine;
import io.tessera.engine.Transpose;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Launched by {@link ClassPathFallbackTest} in a JVM of its own: bootstraps the platform, reports the engines,
 * checks a gemm of the active engine against the scalar reference, and trains the bundled K-Means sample.
 */
public final class ClassPathProbe {
  private ClassPathProbe() {
  }

  public static void main(String[] args) {
    try (Tessera tessera = Tessera.builder().threads(2).build(); ScalarEngine reference = new ScalarEngine(1)) {
      System.out.println("module=" + Tessera.class.getModule().isNamed());
      System.out.println("engine=" + tessera.engine().name());
      for (EngineInfo e : tessera.engines()) {
        System.out.println("engine " + e.name() + " " + e.unavailableReason().orElse("available"));
      }
      int m = 37;
      int n = 53;
      int k = 129;
      SplittableRandom random = new SplittableRandom(3);
      float[] a = new float[m * k];
      float[] b = new float[k * n];
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) random.nextDouble(-1, 1);
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = (float) random.nextDouble(-1, 1);
      }
      System.out.println("gemm_max_abs_diff=" + maxDiff(tessera.engine(), reference, m, n, k, a, b));
      Object iris = tessera.algorithm("kmeans").sampleInput().orElseThrow();
      Model model = tessera.train("kmeans", iris, Map.of("k", "3"));
      System.out.println("kmeans=" + model.summary().lines().findFirst().orElse(""));
    }
  }

  private static float maxDiff(ComputeEngine engine, ComputeEngine reference, int m, int n, int k, float[] a,
                               float[] b) {
    float[] c1 = new float[m * n];
    float[] c2 = new float[m * n];
    engine.gemm(Transpose.NO, Transpose.NO, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c1, 0, n);
    reference.gemm(Transpose.NO, Transpose.NO, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c2, 0, n);
    float worst = 0;
    for (int i = 0; i < c1.length; i++) {
      worst = Math.max(worst, Math.abs(c1[i] - c2[i]));
    }
    return worst;
  }
}
