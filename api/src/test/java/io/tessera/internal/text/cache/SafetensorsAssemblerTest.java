package io.tessera.internal.text.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.io.DType;
import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming safetensors writes: {@link SafetensorsAssembler}. */
class SafetensorsAssemblerTest {
  @TempDir
  Path dir;

  private static byte[] littleEndian(int[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(values);
    return b.array();
  }

  @Test
  void streamedTensorsGiveTheSameBytesAsTheInMemoryWriter() throws IOException {
    int[] ids = {5, 0, 3, 70000, 2, 1, 9};
    long[] offsets = {0, 3, 3, 7};
    TensorWriter reference = TensorWriter.create()
        .putInts("token_ids", ids).putLongs("document_offsets", offsets)
        .putStrings("vocab.words", List.of("영화", "movie", "é"))
        .metadata("format", "test/1").metadata("b", "two");
    Path idsFile = Files.write(dir.resolve("ids.bin"), littleEndian(ids));

    TensorWriter small = TensorWriter.create().putLongs("document_offsets", offsets)
        .putStrings("vocab.words", List.of("영화", "movie", "é")).metadata("b", "two");
    Path out = dir.resolve("assembled.safetensors");
    new SafetensorsAssembler().addAll(small.toByteArray())
        .tensorFromFile("token_ids", DType.I32, idsFile)
        .metadata("format", "test/1")
        .write(out);

    assertThat(Files.readAllBytes(out)).isEqualTo(reference.toByteArray());
    try (TensorFile tf = TensorFile.open(out)) {
      assertThat(tf.ints("token_ids", 7)).containsExactly(ids);
      assertThat(tf.longs("document_offsets")).containsExactly(offsets);
      assertThat(tf.strings("vocab.words")).containsExactly("영화", "movie", "é");
      assertThat(tf.metadata()).containsEntry("format", "test/1").containsEntry("b", "two");
    }
  }

  @Test
  void aSourceOfTheWrongLengthFailsTheWriteAndLeavesNoFile() {
    Path out = dir.resolve("short.safetensors");
    SafetensorsAssembler a = new SafetensorsAssembler()
        .tensor("x", DType.I64, new long[] {2}, 16, o -> o.write(new byte[8]));
    assertThatThrownBy(() -> a.write(out)).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("'x' streamed 8 bytes, expected 16");
    assertThat(out).doesNotExist();
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void misuseIsRejectedWhenTheTensorIsAdded() throws IOException {
    SafetensorsAssembler a = new SafetensorsAssembler().tensor("x", DType.I32, new long[] {2}, 8, o -> { });
    assertThatThrownBy(() -> a.tensor("x", DType.I32, new long[] {2}, 8, o -> { }))
        .hasMessageContaining("used twice");
    assertThatThrownBy(() -> a.tensor("y", DType.I32, new long[] {3}, 8, o -> { }))
        .hasMessageContaining("needs 12 bytes");
    Path odd = Files.write(dir.resolve("odd.bin"), new byte[6]);
    assertThatThrownBy(() -> a.tensorFromFile("z", DType.I64, odd)).hasMessageContaining("not a whole number");
    assertThatThrownBy(() -> a.metadata("k", "v").metadata("k", "w")).hasMessageContaining("duplicate");
  }
}
