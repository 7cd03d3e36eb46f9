package io.tessera.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link Json}: any text either parses or fails with a {@link Json.JsonException} carrying an offset inside
 * the text, and whatever parses is written back (compact and pretty) to text that parses to the same value.
 */
class JsonFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void parseAndWriteBack(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Object value;
    try {
      value = Json.parse(text);
    } catch (Json.JsonException e) {
      assertThat(e.offset()).isBetween(0, text.length());
      assertThat(e.getMessage()).doesNotContain("\n", "\r");
      return;
    }
    assertThat(Json.parse(Json.write(value))).isEqualTo(value);
    assertThat(Json.parse(Json.writePretty(value))).isEqualTo(value);
  }
}
