package io.tessera.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * An element-wise activation function with its optional parameter.
 *
 * <p>Definitions follow PyTorch: {@link Kind#GELU} is the exact erf form, {@link Kind#GELU_TANH} the tanh
 * approximation, {@link Kind#SWISH} is SiLU ({@code x * sigmoid(x)}), {@link Kind#SOFTPLUS} has beta 1 and
 * switches to the identity above 20, {@link Kind#SELU} uses the constants of Klambauer et al. 2017.
 *
 * @param kind  the function
 * @param alpha the slope of {@link Kind#LEAKY_RELU} for negative inputs, or the scale of {@link Kind#ELU};
 *              ignored by the other kinds
 */
public record Activation(Kind kind, float alpha) {

  /** The supported functions. */
  public enum Kind { IDENTITY, SIGMOID, TANH, RELU, LEAKY_RELU, ELU, SELU, SOFTPLUS, GELU, GELU_TANH, SWISH }

  /** SELU's scale (lambda). */
  public static final float SELU_SCALE = 1.0507009873554804934193349852946f;
  /** SELU's alpha. */
  public static final float SELU_ALPHA = 1.6732632423543772848170429916717f;

  public static final Activation IDENTITY = new Activation(Kind.IDENTITY, 0f);
  public static final Activation SIGMOID = new Activation(Kind.SIGMOID, 0f);
  public static final Activation TANH = new Activation(Kind.TANH, 0f);
  public static final Activation RELU = new Activation(Kind.RELU, 0f);
  public static final Activation SELU = new Activation(Kind.SELU, 0f);
  public static final Activation SOFTPLUS = new Activation(Kind.SOFTPLUS, 0f);
  public static final Activation GELU = new Activation(Kind.GELU, 0f);
  public static final Activation GELU_TANH = new Activation(Kind.GELU_TANH, 0f);
  public static final Activation SWISH = new Activation(Kind.SWISH, 0f);

  public Activation {
    Objects.requireNonNull(kind, "kind");
    if (!Float.isFinite(alpha)) {
      throw new IllegalArgumentException("activation alpha must be finite, got " + alpha);
    }
  }

  /** Leaky ReLU: {@code x} for {@code x > 0}, else {@code slope * x} (Keras default 0.3, PyTorch 0.01). */
  public static Activation leakyRelu(float slope) {
    return new Activation(Kind.LEAKY_RELU, slope);
  }

  /** ELU: {@code x} for {@code x > 0}, else {@code alpha * (exp(x) - 1)} (usual alpha 1). */
  public static Activation elu(float alpha) {
    return new Activation(Kind.ELU, alpha);
  }

  /**
   * Parses names such as {@code tanh}, {@code relu}, {@code leaky_relu}, {@code leaky_relu:0.2}, {@code elu:1.0}.
   *
   * @throws IllegalArgumentException naming the valid names when {@code text} is not one of them
   */
  public static Activation parse(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":", 2);
    Kind kind;
    try {
      kind = Kind.valueOf(parts[0].replace('-', '_').toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown activation '" + text + "'; expected one of "
          + java.util.Arrays.toString(Kind.values()).toLowerCase(Locale.ROOT));
    }
    float defaultAlpha = switch (kind) {
      case LEAKY_RELU -> 0.01f;
      case ELU -> 1f;
      default -> 0f;
    };
    return new Activation(kind, parts.length == 2 ? Float.parseFloat(parts[1]) : defaultAlpha);
  }
}
