package io.tessera.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scalar reference engine against values worked out by hand. */
class ScalarEngineTest {
  private static final float NAN = Float.NaN;
  private static ScalarEngine engine;

  @BeforeAll
  static void create() {
    engine = new ScalarEngine(2);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void describesItself() {
    assertThat(engine.name()).isEqualTo("scalar");
    assertThat(engine.floatLanes()).isEqualTo(1);
    assertThat(engine.vectorBits()).isEqualTo(32);
    assertThat(engine.threads()).isEqualTo(2);
    assertThat(engine.description()).contains("2 thread(s)");
  }

  @Test
  void levelOneWithOffsets() {
    float[] x = {99, 1, 2, 3};
    float[] y = {4, 5, 6, 99};
    assertThat(engine.dot(3, x, 1, y, 0)).isEqualTo(32f); // 1*4 + 2*5 + 3*6
    assertThat(engine.sum(3, x, 1)).isEqualTo(6f);
    assertThat(engine.nrm2(2, new float[] {0, 3, 4}, 1)).isEqualTo(5f);
    float[] z = {1, 1, 1};
    engine.axpy(3, 2f, x, 1, z, 0);
    assertThat(z).containsExactly(3f, 5f, 7f);
    engine.scal(2, -0.5f, z, 1);
    assertThat(z).containsExactly(3f, -2.5f, -3.5f);
  }

  @Test
  void normDoesNotOverflowOrUnderflow() {
    assertThat(engine.nrm2(2, new float[] {3e30f, 4e30f}, 0)).isEqualTo(5e30f);
    assertThat(engine.nrm2(2, new float[] {3e-30f, 4e-30f}, 0)).isCloseTo(5e-30f, within(1e-36f));
  }

  @Test
  void argmaxTakesTheFirstOfTiesAndSkipsNan() {
    assertThat(engine.argmax(4, new float[] {1, 3, 3, 2}, 0)).isEqualTo(1);
    assertThat(engine.argmax(3, new float[] {NAN, 1, NAN}, 0)).isEqualTo(1);
    assertThat(engine.argmax(2, new float[] {NAN, Float.NEGATIVE_INFINITY}, 0)).isEqualTo(1);
    assertThat(engine.argmax(2, new float[] {NAN, NAN}, 0)).isZero();
    assertThat(engine.argmax(2, new float[] {5, 0, 7}, 1)).isEqualTo(1); // relative to the offset
  }

  @Test
  void gemvBothWays() {
    float[] a = {1, 2, 3, 4, 5, 6}; // 2 x 3
    float[] y = {NAN, NAN};
    engine.gemv(Transpose.NO, 2, 3, 1f, a, 0, 3, new float[] {1, 1, 1}, 0, 0f, y, 0);
    assertThat(y).containsExactly(6f, 15f); // beta 0 ignores the NaN
    engine.gemv(Transpose.NO, 2, 3, 2f, a, 0, 3, new float[] {1, 0, 0}, 0, 0.5f, y, 0);
    assertThat(y).containsExactly(2 * 1 + 3f, 2 * 4 + 7.5f);
    float[] yt = {1, 1, 1};
    engine.gemv(Transpose.YES, 2, 3, 1f, a, 0, 3, new float[] {1, 2}, 0, 1f, yt, 0);
    assertThat(yt).containsExactly(10f, 13f, 16f); // A^T [1 2] = [9 12 15], plus y
  }

  @Test
  void gemmInAllFourTransposeCombinations() {
    // A = [[1 2 3] [4 5 6]], B = [[7 8] [9 10] [11 12]]: A B = [[58 64] [139 154]]
    float[] a = {1, 2, 3, 4, 5, 6};
    float[] aT = {1, 4, 2, 5, 3, 6};
    float[] b = {7, 8, 9, 10, 11, 12};
    float[] bT = {7, 9, 11, 8, 10, 12};
    float[][] as = {a, aT};
    float[][] bs = {b, bT};
    for (Transpose ta : Transpose.values()) {
      for (Transpose tb : Transpose.values()) {
        float[] c = {NAN, NAN, NAN, NAN};
        engine.gemm(ta, tb, 2, 2, 3, 1f, as[ta.ordinal()], 0, ta == Transpose.NO ? 3 : 2,
            bs[tb.ordinal()], 0, tb == Transpose.NO ? 2 : 3, 0f, c, 0, 2);
        assertThat(c).as("%s %s", ta, tb).containsExactly(58f, 64f, 139f, 154f);
      }
    }
  }

  @Test
  void gemmWithOffsetsPaddedRowsAlphaAndBeta() {
    float[] a = {0, 1, 2, 3, 4, 5, 6}; // A at offset 1
    float[] b = {7, 8, 9, 10, 11, 12};
    // C is 2 x 2 inside rows of 3 at offset 1; the padding must stay untouched
    float[] c = {-1, 1, 1, -1, 2, 2, -1};
    engine.gemm(Transpose.NO, Transpose.NO, 2, 2, 3, 2f, a, 1, 3, b, 0, 2, 0.5f, c, 1, 3);
    assertThat(c).containsExactly(-1, 116.5f, 128.5f, -1, 279f, 309f, -1);
  }

  @Test
  void elementWise() {
    float[] x = {1, 2, 3};
    float[] y = {4, 5, 6};
    float[] z = new float[3];
    engine.add(3, x, 0, y, 0, z, 0);
    assertThat(z).containsExactly(5f, 7f, 9f);
    engine.mul(3, x, 0, y, 0, x, 0); // in place
    assertThat(x).containsExactly(4f, 10f, 18f);
  }

  @Test
  void softmaxFamily() {
    float[] x = {1000, 1001, 1002}; // large inputs must not overflow
    float[] y = new float[3];
    engine.softmax(1, 3, x, 0, 3, y, 0, 3);
    assertThat(y[0]).isCloseTo(0.09003057f, within(1e-7f));
    assertThat(y[1]).isCloseTo(0.24472847f, within(1e-7f));
    assertThat(y[2]).isCloseTo(0.66524096f, within(1e-7f));
    engine.logSoftmax(1, 3, x, 0, 3, y, 0, 3);
    assertThat(y[0]).isCloseTo(-2.4076059f, within(1e-6f));
    assertThat(y[2]).isCloseTo(-0.4076059f, within(1e-6f));
    float[] dx = new float[2];
    engine.softmaxBackward(1, 2, new float[] {0.5f, 0.5f}, 0, 2, new float[] {1, 0}, 0, 2, dx, 0, 2);
    assertThat(dx).containsExactly(0.25f, -0.25f); // y (dy - y.dy) with y.dy = 0.5
  }

  @Test
  void parallelForRunsEveryTaskOnceAndRethrowsTheFirstFailure() {
    AtomicIntegerArray runs = new AtomicIntegerArray(50);
    engine.parallelFor(50, i -> engine.parallelFor(1, j -> runs.incrementAndGet(i)));
    for (int i = 0; i < 50; i++) {
      assertThat(runs.get(i)).isEqualTo(1);
    }
    assertThatThrownBy(() -> engine.parallelFor(4, i -> {
      throw new IllegalStateException("task " + i);
    })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("task ");
    assertThatThrownBy(() -> engine.parallelFor(3, i -> {
      throw new AssertionError("error " + i);
    })).isInstanceOf(AssertionError.class).hasMessageStartingWith("error ");
    assertThatThrownBy(() -> engine.parallelRows(5, 0, (from, to) -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blockRows");
  }
}
