package io.tessera.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** Reference activations and the error function against published or hand-derived values. */
class ActivationsTest {

  private static float f(Activation a, float x) {
    return Activations.apply(a, x);
  }

  @Test
  void forwardValues() {
    assertThat(f(Activation.IDENTITY, -3f)).isEqualTo(-3f);
    assertThat(f(Activation.SIGMOID, 0f)).isEqualTo(0.5f);
    assertThat(f(Activation.SIGMOID, 2f)).isCloseTo(0.880797f, within(1e-6f)); // 1 / (1 + e^-2)
    assertThat(f(Activation.TANH, 0.5f)).isCloseTo(0.462117f, within(1e-6f));
    assertThat(f(Activation.RELU, -1f)).isZero();
    assertThat(f(Activation.RELU, 2f)).isEqualTo(2f);
    assertThat(f(Activation.leakyRelu(0.1f), -2f)).isCloseTo(-0.2f, within(1e-7f));
    assertThat(f(Activation.elu(1f), -1f)).isCloseTo(-0.6321206f, within(1e-7f)); // e^-1 - 1
    assertThat(f(Activation.SELU, 1f)).isEqualTo(Activation.SELU_SCALE);
    assertThat(f(Activation.SOFTPLUS, 0f)).isCloseTo(0.6931472f, within(1e-7f)); // ln 2
    assertThat(f(Activation.SOFTPLUS, 30f)).isEqualTo(30f); // identity above 20
    assertThat(f(Activation.GELU, 1f)).isCloseTo(0.8413447f, within(1e-7f)); // Phi(1)
    assertThat(f(Activation.GELU, -1f)).isCloseTo(-0.15865525f, within(1e-7f)); // -Phi(-1)
    assertThat(f(Activation.GELU_TANH, 1f)).isCloseTo(0.841192f, within(1e-6f));
    assertThat(f(Activation.SWISH, 1f)).isCloseTo(0.7310586f, within(1e-7f)); // sigmoid(1)
  }

  @Test
  void negativeTailsKeepTheirRelativePrecision() {
    // GELU(-10) = -10 Phi(-10) = -7.6198530e-23: 1 + erf(-10/sqrt 2) would cancel to 0
    assertThat(f(Activation.GELU, -10f)).isCloseTo(-7.619853e-23f, Percentage.withPercentage(1e-4));
    // GELU_TANH(-10) = -10 sigmoid(2u), u = sqrt(2/pi) (-10 - 44.715) = -43.65...: -10 e^-87.31 = -1.1e-37
    assertThat(f(Activation.GELU_TANH, -10f)).isNegative().isGreaterThan(-1e-36f);
  }

  @Test
  void derivativesGivenTheForwardOutput() {
    assertThat(Activations.derivative(Activation.SIGMOID, 0f, 0.5f)).isEqualTo(0.25f);
    assertThat(Activations.derivative(Activation.TANH, 0f, 0f)).isEqualTo(1f);
    assertThat(Activations.derivative(Activation.RELU, -1f, 0f)).isZero();
    assertThat(Activations.derivative(Activation.leakyRelu(0.1f), -1f, -0.1f)).isEqualTo(0.1f);
    assertThat(Activations.derivative(Activation.elu(1f), -1f, -0.6321206f)).isCloseTo(0.3678794f, within(1e-7f));
    assertThat(Activations.derivative(Activation.SOFTPLUS, 0f, 0.6931472f)).isEqualTo(0.5f);
    assertThat(Activations.derivative(Activation.GELU, 0f, 0f)).isEqualTo(0.5f);
    assertThat(Activations.derivative(Activation.GELU, 1f, 0.8413447f))
        .isCloseTo(1.0833155f, within(1e-6f)); // Phi(1) + phi(1) = 0.8413447 + 0.2419707
    assertThat(Activations.derivative(Activation.GELU_TANH, 0f, 0f)).isEqualTo(0.5f);
    assertThat(Activations.derivative(Activation.SWISH, 0f, 0f)).isEqualTo(0.5f);
  }

  @Test
  void errorFunction() {
    assertThat(Activations.erf(0)).isZero();
    assertThat(Activations.erf(0.5)).isCloseTo(0.5204998778130465, within(1e-15));
    assertThat(Activations.erf(-1)).isCloseTo(-0.8427007929497149, within(1e-15));
    assertThat(Activations.erf(3)).isCloseTo(0.9999779095030014, within(1e-15));
    assertThat(Activations.erfc(-1)).isCloseTo(1.8427007929497149, within(1e-15));
    assertThat(Activations.erfc(5)).isCloseTo(1.5374597944280349e-12, Percentage.withPercentage(1e-10));
    assertThat(Activations.erfc(10)).isCloseTo(2.088487583762545e-45, Percentage.withPercentage(1e-10));
    assertThat(Activations.erfc(Double.POSITIVE_INFINITY)).isZero();
    assertThat(Activations.erfc(Double.NaN)).isNaN();
  }

  @Test
  void parsesNamesWithOptionalParameters() {
    assertThat(Activation.parse("tanh")).isEqualTo(Activation.TANH);
    assertThat(Activation.parse("Leaky-ReLU")).isEqualTo(Activation.leakyRelu(0.01f));
    assertThat(Activation.parse("elu:0.5")).isEqualTo(Activation.elu(0.5f));
    assertThatThrownBy(() -> Activation.parse("mish")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown activation 'mish'").hasMessageContaining("gelu_tanh");
  }
}
