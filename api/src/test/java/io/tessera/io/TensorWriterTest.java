package io.tessera.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorWriterTest {

  @Test
  void rejectsDuplicateReservedAndEmptyNames() {
    TensorWriter w = TensorWriter.create().putFloats("w", new float[1]);

    assertThatThrownBy(() -> w.putInts("w", new int[1])).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate tensor name 'w'");
    assertThatThrownBy(() -> w.putInts("__metadata__", new int[1]))
        .hasMessage("'__metadata__' is reserved for metadata, not a tensor name");
    assertThatThrownBy(() -> w.putInts("", new int[1])).hasMessage("tensor name must not be empty");
    assertThatThrownBy(() -> w.putStrings("x", List.of("a")).putLongs("x.offsets", new long[1]))
        .hasMessage("duplicate tensor name 'x.offsets'");
    assertThatThrownBy(() -> w.metadata("k", "v").metadata("k", "v2")).hasMessage("duplicate metadata key 'k'");
  }

  @Test
  void rejectsShapesThatDoNotMatchTheData() {
    TensorWriter w = TensorWriter.create();

    assertThatThrownBy(() -> w.putFloats("a", new float[6], 2, 2))
        .hasMessage("tensor 'a': shape [2, 2] has 4 elements but the data has 6");
    assertThatThrownBy(() -> w.putFloats("a", new float[0], 2, -1))
        .hasMessage("tensor 'a': negative dimension in shape [2, -1]");
    assertThatThrownBy(() -> w.putBytes("a", new byte[0], Long.MAX_VALUE, 2, 0))
        .hasMessage("tensor 'a': shape [9223372036854775807, 2, 0] overflows");
    assertThatThrownBy(() -> w.put("a", DType.F16, new byte[3]))
        .hasMessage("tensor 'a': 3 bytes is not a whole number of F16 elements");
    assertThat(w.has("a")).isFalse();
  }

  @Test
  void keepsQuestionMarksAndStillFindsAnUnpairedSurrogateNextToOne() {
    TensorWriter w = TensorWriter.create();

    assertThatThrownBy(() -> w.putStrings("v", List.of("why?", "?\uD800?")))
        .hasMessage("strings 'v': element 1 is not valid Unicode (unpaired surrogate)");
    w.putStrings("ok", List.of("why?", "??", "영화?"));
    assertThat(w.has("ok")).isTrue();
  }

  @Test
  void rejectsTextThatUtf8CannotEncode() {
    TensorWriter w = TensorWriter.create();

    assertThatThrownBy(() -> w.putStrings("v", List.of("ok", "bad\uD800")))
        .hasMessage("strings 'v': element 1 is not valid Unicode (unpaired surrogate)");
    assertThatThrownBy(() -> w.putStrings("v", Arrays.asList("ok", null)))
        .hasMessage("strings 'v': element 1 is null");
    assertThatThrownBy(() -> w.putFloats("\uDC00", new float[1]))
        .hasMessage("tensor name contains an unpaired surrogate at index 0");
    assertThatThrownBy(() -> w.metadata("k", "\uD83D"))
        .hasMessage("metadata value for 'k' contains an unpaired surrogate at index 0");
  }

  @Test
  void padsTheHeaderWithSpacesToAMultipleOfEight() {
    for (int n = 1; n <= 9; n++) {
      byte[] file = TensorWriter.create().putBytes("x".repeat(n), new byte[] {7}).toByteArray();
      long headerLength = java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();

      assertThat(headerLength % 8).isZero();
      assertThat(file[(int) (8 + headerLength - 1)]).isIn((byte) ' ', (byte) '}');
      assertThat(file[file.length - 1]).isEqualTo((byte) 7);
    }
  }
}
