package io.tessera.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path dir;

  private long filesIn(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.count();
    }
  }

  @Test
  void createsAndReplacesFiles() throws IOException {
    Path p = dir.resolve("out.txt");

    AtomicFiles.writeString(p, "first 한국어");
    assertThat(Files.readString(p)).isEqualTo("first 한국어");
    AtomicFiles.write(p, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));

    assertThat(Files.readString(p)).isEqualTo("second");
    assertThat(filesIn(dir)).as("no temporary file left behind").isEqualTo(1);
  }

  @Test
  void keepsTheOldFileAndRemovesTheTemporaryWhenTheBodyThrows() throws IOException {
    Path p = dir.resolve("model.bin");
    AtomicFiles.writeString(p, "old");

    assertThatThrownBy(() -> AtomicFiles.write(p, out -> {
      out.write(new byte[100_000]);
      throw new IllegalStateException("body failed");
    })).isInstanceOf(IllegalStateException.class).hasMessage("body failed");
    assertThatThrownBy(() -> AtomicFiles.write(p, out -> {
      out.write(1);
      throw new IOException("disk full");
    })).isInstanceOf(UncheckedIOException.class).hasMessage("cannot write " + p + ": disk full");

    assertThat(Files.readString(p)).isEqualTo("old");
    assertThat(filesIn(dir)).isEqualTo(1);
  }

  @Test
  void aBodyMayCloseItsStream() throws IOException {
    Path p = dir.resolve("closed.txt");

    AtomicFiles.write(p, out -> {
      out.write('a');
      out.close();
    });

    assertThat(Files.readString(p)).isEqualTo("a");
  }

  @Test
  void failsWithThePathWhenTheDirectoryDoesNotExist() {
    Path p = dir.resolve("missing/dir/out.txt");

    assertThatThrownBy(() -> AtomicFiles.writeString(p, "x"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot write " + p + ": ");
  }

  @Test
  void writesLargeBodiesCompletely() throws IOException {
    Path p = dir.resolve("large.bin");
    byte[] big = new byte[300_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }

    AtomicFiles.write(p, out -> {
      out.write(big, 0, 10);
      out.write(big, 10, 200_000);
      for (int i = 200_010; i < big.length; i++) {
        out.write(big[i]);
      }
    });

    assertThat(Files.readAllBytes(p)).isEqualTo(big);
  }

  @Test
  void aFailedTensorWriteKeepsTheEarlierModel() throws IOException {
    Path p = dir.resolve("m.safetensors");
    TensorWriter.create().putFloats("w", new float[] {1}).write(p);
    byte[] before = Files.readAllBytes(p);

    assertThatThrownBy(() -> TensorWriter.create().putFloats("w", new float[] {2}).write(dir.resolve("no/m.st")))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(Files.readAllBytes(p)).isEqualTo(before);
  }
}
