package io.tessera.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tessera.api.ModelFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzzing of {@link TensorFile}: whatever the bytes, opening and reading every tensor either works
 * or throws {@link ModelFormatException}, and nothing read is larger than the file.
 *
 * <p>{@code mvn test} replays the committed seeds in {@code TensorFileFuzzTestInputs/openAndReadEverything/}
 * (valid files, long headers, many tensors, near misses); {@code JAZZER_FUZZ=1 mvn test -Dtest=TensorFileFuzzTest}
 * fuzzes for up to the given duration and saves new corpus entries under {@code .cifuzz-corpus/}.
 */
class TensorFileFuzzTest {
  /** One directory for the whole run; each input overwrites the same file. */
  @TempDir
  static Path dir;

  @FuzzTest(maxDuration = "60s")
  void openAndReadEverything(byte[] data) throws IOException {
    Path file = dir.resolve("fuzz.safetensors");
    Files.write(file, data);
    long limit = data.length;
    try (TensorFile t = TensorFile.open(file)) {
      long total = 0;
      for (String name : t.names()) {
        TensorInfo info = t.info(name);
        byte[] raw = t.raw(name);
        assertThat((long) raw.length).isEqualTo(info.byteLength()).isLessThanOrEqualTo(limit);
        total += raw.length;
        readTyped(t, info, limit);
        if (t.has(name + ".offsets")) {
          readStrings(t, name, limit);
        }
      }
      assertThat(total).isLessThanOrEqualTo(limit);
      assertThat(t.metadata().size()).isLessThanOrEqualTo(data.length);
    } catch (ModelFormatException expected) {
      assertThat(expected.getMessage()).startsWith(file + ": ").doesNotContain("\n");
    }
  }

  private static void readTyped(TensorFile t, TensorInfo info, long limit) {
    String name = info.name();
    long bytes = switch (info.dtype()) {
      case F32 -> 4L * t.floats(name, info.shape()).length;
      case F64 -> 8L * t.doubles(name, info.shape()).length;
      case I32 -> 4L * t.ints(name, info.shape()).length;
      case I64 -> 8L * t.longs(name, info.shape()).length;
      case U8, I8, BOOL -> t.bytes(name, info.shape()).length;
      default -> info.byteLength();
    };
    assertThat(bytes).isEqualTo(info.byteLength()).isLessThanOrEqualTo(limit);
  }

  private static void readStrings(TensorFile t, String name, long limit) {
    try {
      List<String> strings = t.strings(name);
      long chars = strings.stream().mapToLong(String::length).sum();
      assertThat(chars).isLessThanOrEqualTo(limit);
    } catch (ModelFormatException expected) {
      assertThat(expected.getMessage()).contains("'" + name);
    }
  }
}
