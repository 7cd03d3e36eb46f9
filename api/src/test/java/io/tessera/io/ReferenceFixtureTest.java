package io.tessera.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads {@code reference/reference.safetensors}, built independently of this code by {@code make_fixture.py} (numpy,
 * following the published format), and checks the writer reproduces it byte for byte.
 */
class ReferenceFixtureTest {

  static Path resource(String name) {
    try {
      return Path.of(ReferenceFixtureTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void readsEveryTensorOfTheIndependentlyBuiltFixture() {
    try (TensorFile t = TensorFile.open(resource("reference/reference.safetensors"))) {
      assertThat(t.metadata()).isEqualTo(Map.of("format", "pt", "description", "참조 픽스처 😀"));
      assertThat(t.floats("embedding.weight", 2, 3)).containsExactly(-1f, -0.5f, 0f, 0.5f, 1f, 1.5f);
      assertThat(t.doubles("bias", 2)).containsExactly(Math.PI, -Math.E);
      assertThat(t.longs("step")).containsExactly(123456789012L);
      assertThat(t.info("step").shape()).isEmpty();
      assertThat(t.ints("counts", 2, 2)).containsExactly(1, -2, 3, Integer.MAX_VALUE);
      assertThat(t.info("half").dtype()).isEqualTo(DType.F16);
      assertThat(t.raw("half")).containsExactly(0x00, 0x3c, 0x00, 0xc1, 0xff, 0x7b);
      assertThat(t.bytes("mask", 3)).containsExactly(1, 0, 1);
      assertThat(t.info("mask").dtype()).isEqualTo(DType.BOOL);
      assertThat(t.bytes("empty", 0, 4)).isEmpty();
      assertThat(t.raw("small")).containsExactly(0x00, 0x80, 0xff, 0x7f);
      assertThat(t.names()).containsExactly("step", "bias", "embedding.weight", "counts", "half", "small", "empty",
          "mask");
    }
  }

  @Test
  void theWriterProducesTheFixtureByteForByte() throws IOException {
    byte[] written = TensorWriter.create()
        .metadata("format", "pt").metadata("description", "참조 픽스처 😀")
        .putFloats("embedding.weight", new float[] {-1f, -0.5f, 0f, 0.5f, 1f, 1.5f}, 2, 3)
        .putDoubles("bias", new double[] {Math.PI, -Math.E})
        .putScalar("step", 123456789012L)
        .putInts("counts", new int[] {1, -2, 3, Integer.MAX_VALUE}, 2, 2)
        .put("half", DType.F16, new byte[] {0x00, 0x3c, 0x00, (byte) 0xc1, (byte) 0xff, 0x7b})
        .put("mask", DType.BOOL, new byte[] {1, 0, 1})
        .putBytes("empty", new byte[0], 0, 4)
        .put("small", DType.I16, new byte[] {0x00, (byte) 0x80, (byte) 0xff, 0x7f})
        .toByteArray();

    assertThat(written).isEqualTo(Files.readAllBytes(resource("reference/reference.safetensors")));
  }
}
