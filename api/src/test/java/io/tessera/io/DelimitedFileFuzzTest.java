package io.tessera.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tessera.api.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the line reader and the RFC 4180 field parser: any bytes either read as rows of the header's width or fail
 * with a {@link BadInputException} that names the file.
 */
class DelimitedFileFuzzTest {
  /** One directory for the whole run; each input overwrites the same file. */
  @TempDir
  static Path dir;

  @FuzzTest(maxDuration = "30s")
  void readEveryRow(byte[] data) throws IOException {
    Path file = dir.resolve("fuzz.csv");
    Files.write(file, data);
    try (DelimitedFile f = DelimitedFile.open(file)) {
      int width = f.columns().size();
      long chars = 0;
      for (DelimitedFile.Row row : f) {
        assertThat(row.size()).isEqualTo(width);
        chars += row.values().stream().mapToLong(String::length).sum();
      }
      assertThat(chars).isLessThanOrEqualTo(data.length);
    } catch (BadInputException expected) {
      assertThat(expected.getMessage()).startsWith(file.toString());
    }
  }
}
