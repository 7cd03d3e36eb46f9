package io.tessera.engine.simd;

import static io.tessera.engine.simd.Twins.U;
import static io.tessera.engine.simd.Twins.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.engine.Activation;
import io.tessera.engine.ScalarEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Activations, their derivatives and the softmax family of the SIMD engine agree with the scalar reference.
 *
 * <p>Element-wise tolerance: {@code 1e-6 * (1 + |reference|)} for f and {@code 1e-6 * (|dy| + |reference|)} for
 * {@code dy * f'}: absolute near zero (where a derivative crosses zero, relative error is meaningless),
 * relative for large values. Measured errors are about 10 times smaller (1.2e-7 over [-40, 40]).
 */
class ActivationTwinTest {
  private static final int[] SIZES = {1, 3, 7, 8, 15, 16, 17, 31, 33, 64, 65, 1000, 4097};
  private static final float[] SPECIAL = {0f, -0f, 1e-30f, -1e-30f, 1e-4f, -1e-4f, 0.5f, -0.5f, 0.625f, -0.625f,
      19.99f, 20f, 20.01f, -20f, 44f, -44f, 88f, -88f, 88.8f, -104f, 200f, -200f, Float.MAX_VALUE, -Float.MAX_VALUE,
      Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};

  private static SimdEngine simd;
  private static ScalarEngine scalar;

  @BeforeAll
  static void engines() {
    simd = new SimdEngine(2);
    scalar = new ScalarEngine(1);
  }

  @AfterAll
  static void close() {
    simd.close();
    scalar.close();
  }

  static List<Activation> allActivations() {
    List<Activation> all = new ArrayList<>();
    for (Activation.Kind kind : Activation.Kind.values()) {
      switch (kind) {
        case LEAKY_RELU -> {
          all.add(Activation.leakyRelu(0.01f));
          all.add(Activation.leakyRelu(0.3f));
        }
        case ELU -> {
          all.add(Activation.elu(1f));
          all.add(Activation.elu(0.7f));
        }
        default -> all.add(new Activation(kind, 0f));
      }
    }
    return all;
  }

  @Test
  void everyKindIsCovered() {
    assertThat(allActivations()).extracting(Activation::kind).containsAll(List.of(Activation.Kind.values()));
  }

  @Test
  void forwardAndBackwardOverRandomInputs() {
    SplittableRandom random = new SplittableRandom(7);
    for (Activation f : allActivations()) {
      for (int n : SIZES) {
        int off = random.nextInt(4);
        float[] x = new float[off + n + 2];
        for (int i = 0; i < x.length; i++) {
          // mostly [-12, 12], sometimes wide, to reach both tails of every function
          x[i] = (float) ((random.nextDouble() * 2 - 1) * (random.nextInt(8) == 0 ? 60 : 12));
        }
        checkForward(f, n, x, off);
        checkBackward(f, n, x, off, random);
      }
    }
  }

  @Test
  void specialValuesMatchTheReference() {
    float[] x = SPECIAL.clone();
    for (Activation f : allActivations()) {
      checkForward(f, x.length, x, 0);
    }
  }

  @Test
  void densGridOverTheInterestingRange() {
    int n = 40001;
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = -25f + 50f * i / (n - 1);
    }
    SplittableRandom random = new SplittableRandom(8);
    for (Activation f : allActivations()) {
      checkForward(f, n, x, 0);
      checkBackward(f, n, x, 0, random);
    }
  }

  private static void checkForward(Activation f, int n, float[] x, int off) {
    float[] expected = new float[x.length];
    float[] actual = new float[x.length];
    scalar.activate(f, n, x, off, expected, off);
    simd.activate(f, n, x, off, actual, off);
    for (int i = off; i < off + n; i++) {
      assertClose(f + " of " + x[i], i, actual[i], expected[i], 1e-6 * (1 + Math.abs(expected[i])));
    }
    // in place
    float[] inPlace = x.clone();
    simd.activate(f, n, inPlace, off, inPlace, off);
    for (int i = 0; i < x.length; i++) {
      float want = i >= off && i < off + n ? actual[i] : x[i];
      assertThat(Float.floatToIntBits(inPlace[i])).as("%s in place [%d]", f, i).isEqualTo(Float.floatToIntBits(want));
    }
  }

  private static void checkBackward(Activation f, int n, float[] x, int off, SplittableRandom random) {
    float[] y = new float[x.length];
    scalar.activate(f, n, x, off, y, off);
    float[] dy = Twins.uniform(random, x.length);
    float[] expected = new float[x.length];
    float[] actual = new float[x.length];
    scalar.activateBackward(f, n, x, off, y, off, dy, off, expected, off);
    simd.activateBackward(f, n, x, off, y, off, dy, off, actual, off);
    for (int i = off; i < off + n; i++) {
      assertClose(f + "' at " + x[i], i, actual[i], expected[i], 1e-6 * (Math.abs(dy[i]) + Math.abs(expected[i])));
    }
    float[] inPlace = dy.clone();
    simd.activateBackward(f, n, x, off, y, off, inPlace, off, inPlace, off);
    for (int i = off; i < off + n; i++) {
      assertThat(Float.floatToIntBits(inPlace[i])).as("%s' in place [%d]", f, i)
          .isEqualTo(Float.floatToIntBits(actual[i]));
    }
  }

  @Test
  void softmaxFamilyOverShapesWithPaddedRows() {
    SplittableRandom random = new SplittableRandom(9);
    int[][] shapes = {{1, 1}, {3, 1}, {1, 17}, {5, 16}, {7, 33}, {2, 1000}, {300, 301}};
    int lanes = simd.floatLanes();
    for (int[] s : shapes) {
      int rows = s[0];
      int cols = s[1];
      int ld = cols + random.nextInt(3);
      int off = random.nextInt(3);
      float[] x = new float[off + rows * ld];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) ((random.nextDouble() * 2 - 1) * (random.nextBoolean() ? 5 : 500)); // no overflow
      }
      float[] dy = Twins.uniform(random, x.length);
      float[] want = new float[x.length];
      float[] got = new float[x.length];
      double rowBound = (Math.ceil(cols / (double) lanes) + lanes + 16) * U;

      scalar.softmax(rows, cols, x, off, ld, want, off, ld);
      simd.softmax(rows, cols, x, off, ld, got, off, ld);
      forEach(rows, cols, off, ld, i -> assertClose("softmax " + rows + "x" + cols, i, got[i], want[i],
          rowBound * Math.abs(want[i]) + 1e-30));
      float[] inPlace = x.clone();
      simd.softmax(rows, cols, inPlace, off, ld, inPlace, off, ld);
      forEach(rows, cols, off, ld, i -> assertThat(inPlace[i]).isEqualTo(got[i]));

      float[] probabilities = want.clone();
      scalar.softmaxBackward(rows, cols, probabilities, off, ld, dy, off, ld, want, off, ld);
      simd.softmaxBackward(rows, cols, probabilities, off, ld, dy, off, ld, got, off, ld);
      forEach(rows, cols, off, ld, i -> assertClose("softmaxBackward " + rows + "x" + cols, i, got[i], want[i],
          rowBound * Math.abs(probabilities[i]) * (Math.abs(dy[i]) + 1) + 1e-30));
      float[] dyInPlace = dy.clone();
      simd.softmaxBackward(rows, cols, probabilities, off, ld, dyInPlace, off, ld, dyInPlace, off, ld);
      forEach(rows, cols, off, ld, i -> assertThat(dyInPlace[i]).isEqualTo(got[i]));

      scalar.logSoftmax(rows, cols, x, off, ld, want, off, ld);
      simd.logSoftmax(rows, cols, x, off, ld, got, off, ld);
      forEach(rows, cols, off, ld, i -> assertClose("logSoftmax " + rows + "x" + cols, i, got[i], want[i],
          rowBound * (1 + Math.abs(want[i]) + Math.abs(x[i]))));
      float[] logInPlace = x.clone();
      simd.logSoftmax(rows, cols, logInPlace, off, ld, logInPlace, off, ld);
      forEach(rows, cols, off, ld, i -> assertThat(logInPlace[i]).isEqualTo(got[i]));
    }
  }

  @Test
  void softmaxRowsSumToOneAndLargeInputsDoNotOverflow() {
    float[] x = {1000f, 1001f, 1002f, -1000f};
    float[] y = new float[4];
    simd.softmax(1, 4, x, 0, 4, y, 0, 4);
    assertThat(y[0] + y[1] + y[2] + y[3]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(y[2]).isCloseTo(0.66524096f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(y[3]).isZero();
    simd.logSoftmax(1, 4, x, 0, 4, y, 0, 4);
    assertThat(y[2]).isCloseTo(-0.40760596f, org.assertj.core.data.Offset.offset(1e-5f));
  }

  @Test
  void largeSoftmaxIsBitIdenticalForAnyThreadCount() {
    SplittableRandom random = new SplittableRandom(10);
    int rows = 601; // 2^18 elements or more: rows are spread over the threads
    int cols = 500;
    float[] x = Twins.uniform(random, rows * cols);
    float[] one = new float[x.length];
    float[] two = new float[x.length];
    try (SimdEngine single = new SimdEngine(1)) {
      single.logSoftmax(rows, cols, x, 0, cols, one, 0, cols);
    }
    simd.logSoftmax(rows, cols, x, 0, cols, two, 0, cols);
    Twins.assertBitIdentical("logSoftmax with 1 and 2 threads", one, two);
  }

  private static void forEach(int rows, int cols, int off, int ld, java.util.function.IntConsumer index) {
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        index.accept(off + r * ld + c);
      }
    }
  }
}
