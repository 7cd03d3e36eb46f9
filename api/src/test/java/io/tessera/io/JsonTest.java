package io.tessera.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object parsed) {
    return (Map<String, Object>) parsed;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object parsed) {
    return (List<Object>) parsed;
  }

  @Test
  void parsesEveryKindOfValueKeepingMemberOrder() {
    Object v = Json.parse(" {\"b\": [1, -2, 3.5, 1e3, true, false, null], \"a\": {\"x\": \"y\"}, \"c\": []} ");

    assertThat(v).isInstanceOf(Map.class);
    Map<String, Object> m = map(v);
    assertThat(m.keySet()).containsExactly("b", "a", "c");
    assertThat(list(m.get("b"))).containsExactly(1L, -2L, 3.5, 1000.0, true, false, null);
    assertThat(m.get("a")).isEqualTo(Map.of("x", "y"));
    assertThat(list(m.get("c"))).isEmpty();
  }

  @Test
  void integersBecomeLongsUntilTheyNoLongerFit() {
    assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(Json.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(Json.parse("9223372036854775808")).isEqualTo(9.223372036854775808E18);
    assertThat(Json.parse("-0")).isEqualTo(0L);
    assertThat(Json.parse("2.0")).isEqualTo(2.0);
  }

  @Test
  void decodesEscapesIncludingSurrogatePairs() {
    assertThat(Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\\u0044\""))
        .isEqualTo("a\"b\\c/d\b\f\n\r\té\uD83D\uDE00D");
    assertThat(Json.parse("\"한국어 😀\"")).isEqualTo("한국어 😀");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"a\":1} x        | unexpected text after the JSON value at offset 8",
      "{\"a\":1,\"a\":2}  | duplicate key \"a\" at offset 7",
      "[1,]              | unexpected character ']', expected a value at offset 3",
      "01                | leading zero in a number at offset 1",
      "1.                | expected a digit after the decimal point at offset 2",
      "-                 | expected a digit at offset 1",
      "'a'               | unexpected character ''', expected a value at offset 0",
      "\"\\ud800\"       | high surrogate escape \\ud800 not followed by a low surrogate at offset 1",
      "\"\\udc00\"       | unpaired low surrogate escape \\udc00 at offset 1",
      "\"\\x\"           | invalid escape '\\x' at offset 2",
      "\"\\u12g4\"       | invalid \\u escape at offset 1",
      "\"abc             | unterminated string at offset 4",
      "tru               | invalid literal, expected 'true' at offset 0",
      "{\"a\" 1}         | expected ':' at offset 5",
      "{\"a\":1 \"b\":2} | expected ',' or '}' in an object at offset 7",
      "[1 2]             | expected ',' or ']' in an array at offset 3",
      "{1:2}             | expected a string key at offset 1",
      "1e999             | number 1e999 is out of range at offset 0",
      "''                | unexpected end of text, expected a value at offset 0",
  })
  void rejectsInvalidTextWithTheOffsetOfTheProblem(String text, String message) {
    String input = text.equals("''") ? "" : text;
    assertThatThrownBy(() -> Json.parse(input))
        .isInstanceOf(Json.JsonException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsRawControlCharactersAndUnpairedSurrogatesInStrings() {
    assertThatThrownBy(() -> Json.parse("\"a\nb\""))
        .hasMessage("unescaped control character U+000A in a string at offset 2");
    assertThatThrownBy(() -> Json.parse("\"a\uD800b\""))
        .hasMessage("unpaired surrogate U+D800 in a string at offset 2");
    assertThatThrownBy(() -> Json.parse("\"a\uDC00\""))
        .hasMessage("unpaired surrogate U+DC00 in a string at offset 2");
  }

  @Test
  void limitsNestingDepthTo64() {
    String ok = "[".repeat(64) + "]".repeat(64);
    String tooDeep = "[".repeat(65) + "]".repeat(65);

    assertThat(Json.parse(ok)).isInstanceOf(List.class);
    assertThatThrownBy(() -> Json.parse(tooDeep))
        .isInstanceOf(Json.JsonException.class)
        .hasMessage("nesting deeper than 64 at offset 64");
    assertThatThrownBy(() -> Json.parse("{\"a\":".repeat(100_000)))
        .isInstanceOf(Json.JsonException.class);
  }

  @Test
  void parsedContainersAreUnmodifiable() {
    Map<?, ?> m = (Map<?, ?>) Json.parse("{\"a\":[1]}");
    assertThatThrownBy(() -> m.clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) m.get("a")).clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void writesCompactJsonEscapingWhatMustBeEscaped() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", "quote\" backslash\\ tab\t nl\n bell\u0007 한 😀");
    m.put("n", List.of(1, 2L, 2.5, 0.1f, (short) 3));
    m.put("flag", true);
    m.put("none", null);
    m.put("arr", new int[] {1, 2});

    String json = Json.write(m);

    assertThat(json).isEqualTo("{\"text\":\"quote\\\" backslash\\\\ tab\\t nl\\n bell\\u0007 한 😀\","
        + "\"n\":[1,2,2.5,0.1,3],\"flag\":true,\"none\":null,\"arr\":[1,2]}");
    Map<String, Object> back = map(Json.parse(json));
    assertThat(back.get("text")).isEqualTo(m.get("text"));
    assertThat(back.get("n")).isEqualTo(List.of(1L, 2L, 2.5, 0.1, 3L));
    assertThat(back).containsEntry("none", null).containsEntry("flag", true);
  }

  @Test
  void everyControlCharacterRoundTrips() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      all.append(c);
    }
    String json = Json.write(all.toString());

    assertThat(json).doesNotContain("\n", "\u0000", "\u001f");
    assertThat(Json.parse(json)).isEqualTo(all.toString());
  }

  @Test
  void writesPrettyJsonIndentedByTwoSpaces() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", 1);
    m.put("b", List.of("x", Map.of()));

    assertThat(Json.writePretty(m)).isEqualTo("{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    {}\n  ]\n}");
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void refusesNonFiniteNumbers(double d) {
    assertThatThrownBy(() -> Json.write(List.of(d)))
        .isInstanceOf(Json.JsonException.class)
        .hasMessageStartingWith("cannot write the non-finite number");
  }

  @Test
  void refusesValuesWithoutAJsonForm() {
    assertThatThrownBy(() -> Json.write(new Object())).hasMessageStartingWith("cannot write a java.lang.Object");
    assertThatThrownBy(() -> Json.write(Map.of(1, 2))).hasMessage("object keys must be strings, got 1");
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    assertThatThrownBy(() -> Json.write(cycle)).hasMessageContaining("deeper than 64");
  }

  @Test
  void doublesKeepTheirValueThroughAWriteAndParse() {
    double[] values = {0.1, -1.5e-300, 1.7976931348623157e308, 4.9e-324, 123456789.125};
    for (double d : values) {
      assertThat(Json.parse(Json.write(d))).isEqualTo(d);
    }
  }
}
