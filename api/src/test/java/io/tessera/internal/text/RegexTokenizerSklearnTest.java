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
