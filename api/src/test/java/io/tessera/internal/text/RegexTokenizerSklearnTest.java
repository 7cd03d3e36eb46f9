package io.tessera.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the regex tokenizer against scikit-learn's own tokens, computed by {@code make_sklearn_tokens.py} (in
 * {@code src/test/resources/io/tessera/internal/text/regex/}) with {@code CountVectorizer(...).build_analyzer()} for
 * SOTU, IMDB and NSMC lines and edge cases, under the default pattern and nine others.
 */
class RegexTokenizerSklearnTest {

  /** One line of the fixture. */
  private record Case(String source, String pattern, boolean lowercase, String text, List<String> tokens) {
  }

  @SuppressWarnings("unchecked")
  private static List<Case> fixture() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream in = RegexTokenizerSklearnTest.class.getResourceAsStream("regex/sklearn-tokens.jsonl")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        Map<String, Object> o = (Map<String, Object>) Json.parse(line);
        cases.add(new Case((String) o.get("source"), (String) o.get("pattern"), (Boolean) o.get("lowercase"),
            (String) o.get("text"), (List<String>) (List<?>) o.get("tokens")));
      }
    }
    return cases;
  }

  @Test
  void everyLineGivesScikitLearnsTokensTokenForToken() throws IOException {
    List<Case> cases = fixture();
    assertThat(cases).hasSizeGreaterThan(500);
    assertThat(cases.stream().filter(c -> c.pattern().equals(RegexTokenizer.SKLEARN_PATTERN) && c.lowercase()))
        .hasSizeGreaterThanOrEqualTo(190);
    List<String> mismatches = new ArrayList<>();
    for (Case c : cases) {
      List<String> got = RegexTokenizer.of(c.pattern(), c.lowercase()).tokenize(c.text());
      if (!got.equals(c.tokens())) {
        mismatches.add(c.source() + " / " + c.pattern() + " / lowercase=" + c.lowercase() + ": expected "
            + c.tokens() + " but got " + got);
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void thePlainScanAndTheTranslatedRegexAgreeOnEveryLine() throws IOException {
    for (Case c : fixture()) {
      for (String pattern : List.of(RegexTokenizer.SKLEARN_PATTERN, "(?u)\\b\\w+\\b")) {
        assertThat(RegexTokenizer.withoutScan(pattern, true).tokenize(c.text()))
            .as("%s with %s", c.source(), pattern)
            .isEqualTo(RegexTokenizer.of(pattern, true).tokenize(c.text()));
      }
    }
  }

  @Test
  void theByteScanGivesScikitLearnsTokensOnEveryLineOfTheRunPatterns() throws IOException {
    int checked = 0;
    for (Case c : fixture()) {
      RegexTokenizer t = RegexTokenizer.of(c.pattern(), c.lowercase());
      if (!t.scansUtf8()) {
        continue;
      }
      assertThat(byteScan(t, c.text())).as("%s / %s / lowercase=%s", c.source(), c.pattern(), c.lowercase())
          .isEqualTo(c.tokens());
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(190);
  }

  @Test
  void theByteScanGivesTheStringPathsTokensOnTrickyTextWithoutRepeatingAny() {
    RegexTokenizer t = RegexTokenizer.sklearnDefault();
    for (String text : List.of("ab cd-ef\u00e9gh ij", "AB.CD\u0130stanbul xx", "OO \u039f\u0394\u039f\u03a3 OO",
        "x\u00dfy QQ.\u03a3\u03a3 tail", "start\u2019s end", "\ud835\udc00\ud835\udc00 zz", "tab\there\u00a0nbsp",
        "\u212aelvin KK", "caf\u00e9", "\u00e9")) {
      assertThat(byteScan(t, text)).as(text).isEqualTo(t.tokenize(text));
    }
  }

  @Test
  void theByteScanAgreesWithTheStringPathForEveryCodePointInContext() {
    List<RegexTokenizer> tokenizers = List.of(RegexTokenizer.sklearnDefault(), RegexTokenizer.of("(?u)\\b\\w+\\b", true),
        RegexTokenizer.of(RegexTokenizer.SKLEARN_PATTERN, false));
    List<String> mismatches = new ArrayList<>();
    for (int cp = 0x80; cp <= 0x10FFFF; cp += cp < 0x10000 ? 1 : 97) {
      if (Character.isSurrogate((char) cp) && cp < 0x10000) {
        continue;
      }
      String c = Character.toString(cp);
      for (String text : List.of("Ab" + c + "Cd", c + c + " x" + c, "ΑΣ" + c + "Σ", "a'" + c + "Σ. " + c + "İx")) {
        for (RegexTokenizer t : tokenizers) {
          List<String> expected = t.tokenize(text);
          List<String> got = byteScan(t, text);
          if (!got.equals(expected) && mismatches.size() < 20) {
            mismatches.add(String.format("U+%04X in '%s' (%s): %s vs %s", cp, text, t.options(), got, expected));
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  private static List<String> byteScan(RegexTokenizer t, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    List<String> tokens = new ArrayList<>();
    t.forEachToken(b, 0, b.length, (token, from, to, hash) -> {
      assertThat(hash).isEqualTo(Utf8Terms.hash(token, from, to));
      tokens.add(new String(token, from, to - from, StandardCharsets.UTF_8));
    });
    return tokens;
  }

  @Test
  void javasOwnUnicodeWordClassWouldDisagreeWithScikitLearn() throws IOException {
    // Why the pattern is translated: Java's \w with UNICODE_CHARACTER_CLASS also takes combining marks, joiners and
    // letter-like symbols, so it glues what Python splits.
    Pattern naive = Pattern.compile("\\b\\w\\w+\\b", Pattern.UNICODE_CHARACTER_CLASS);
    int disagreements = 0;
    for (Case c : fixture()) {
      if (!c.pattern().equals(RegexTokenizer.SKLEARN_PATTERN) || !c.lowercase()) {
        continue;
      }
      List<String> tokens = new ArrayList<>();
      Matcher m = naive.matcher(c.text().toLowerCase(java.util.Locale.ROOT));
      while (m.find()) {
        tokens.add(m.group());
      }
      if (!tokens.equals(c.tokens())) {
        disagreements++;
      }
    }
    assertThat(disagreements).isGreaterThanOrEqualTo(4);
  }
}
