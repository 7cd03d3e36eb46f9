package io.tessera.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import io.tessera.api.Tessera;
import io.tessera.spi.ParamValues;
import io.tessera.spi.TokenizerProvider;
import io.tessera.text.Tokenizer;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegexTokenizerTest {
  private static final RegexTokenizer SKLEARN = RegexTokenizer.sklearnDefault();

  @Nested
  class DefaultPattern {
    @Test
    void tokensAreRunsOfTwoOrMoreWordCharactersOfTheLowerCasedText() {
      assertThat(SKLEARN.tokenize("The U.S. isn't a 2-party state, I think."))
          .containsExactly("the", "isn", "party", "state", "think");
    }

    @Test
    void underscoresAndDigitsAreWordCharactersButMarksAreNot() {
      assertThat(SKLEARN.tokenize("snake_case 42 x2 a _")).containsExactly("snake_case", "42", "x2");
      assertThat(SKLEARN.tokenize("cafe\u0301")).containsExactly("cafe");
      assertThat(SKLEARN.tokenize("café")).containsExactly("café");
    }

    @Test
    void hangulWordsAreWholeEojeol() {
      assertThat(SKLEARN.tokenize("영화가 정말 재밌다 ㅋㅋ 1점")).containsExactly("영화가", "정말", "재밌다", "ㅋㅋ", "1점");
    }

    @Test
    void supplementaryCharactersCountAsOneCharacterEach() {
      assertThat(SKLEARN.tokenize("\uD835\uDC00\uD835\uDC01 \uD835\uDC02")).containsExactly("\uD835\uDC00\uD835\uDC01");
    }

    @Test
    void textIsLowerCasedBeforeMatchingAsScikitLearnDoes() {
      // İ lower-cases to i + U+0307 (a mark), which then splits the word: the order of the two steps shows.
      assertThat(SKLEARN.tokenize("\u0130stanbul")).containsExactly("stanbul");
      assertThat(RegexTokenizer.of(RegexTokenizer.SKLEARN_PATTERN, false).tokenize("\u0130stanbul Ankara"))
          .containsExactly("\u0130stanbul", "Ankara");
    }
  }

  @Nested
  class OtherPatterns {
    @Test
    void oneCapturingGroupGivesTheGroupsText() {
      assertThat(RegexTokenizer.of("(\\w+)n't", true).tokenize("It isn't and wasn't")).containsExactly("is", "was");
    }

    @Test
    void pythonSyntaxIsTranslated() {
      assertThat(RegexTokenizer.of("(?P<w>\\w+)-(?P=w)", true).tokenize("so-so no-yes")).containsExactly("so");
      assertThat(RegexTokenizer.of("a{,2}b", true).tokenize("aaab b")).containsExactly("aab", "b");
      assertThat(RegexTokenizer.of("[]x]+", true).tokenize("a]x]b")).containsExactly("]x]");
      assertThat(RegexTokenizer.of("\\w+(?#a comment)", true).tokenize("hi there")).containsExactly("hi", "there");
      assertThat(RegexTokenizer.of("\\S+", true).tokenize("a\u001Cb c")).containsExactly("a", "b", "c");
    }

    @Test
    void tooManyGroupsAndInvalidPatternsAreErrorsNamingTheOption() {
      assertThatThrownBy(() -> RegexTokenizer.of("(\\w)(\\w)", true))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith("parameter 'pattern': has 2 capturing groups; use at most one");
      assertThatThrownBy(() -> RegexTokenizer.of("(\\w+", true))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith("parameter 'pattern': '(\\w+' is not a valid regular expression");
      assertThatThrownBy(() -> RegexTokenizer.of("", true))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith("parameter 'pattern': is empty");
    }

    @Test
    void thePlainScanIsOnlyUsedForPatternsThatMeanWordRuns() {
      assertThat(SKLEARN.javaPattern()).isEmpty();
      assertThat(RegexTokenizer.of("\\w\\w+", true).javaPattern()).startsWith("[\\p{L}\\p{N}_").endsWith("]+");
    }
  }

  @Nested
  class AsAPlugin {
    @Test
    void isFoundByServiceLoaderUnderTheIdRegex() {
      List<TokenizerProvider> found = ServiceLoader.load(TokenizerProvider.class).stream()
          .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("regex")).toList();
      assertThat(found).singleElement().isInstanceOf(RegexTokenizerProvider.class);
      assertThat(found.get(0).description()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void thePlatformCreatesItWithScikitLearnsDefaults() {
      try (Tessera tessera = Tessera.builder().threads(1).build()) {
        Tokenizer t = tessera.tokenizer("regex", Map.of());
        assertThat(t).isEqualTo(SKLEARN);
        assertThat(tessera.tokenizer("regex", Map.of("lowercase", "false")).tokenize("Big Apple"))
            .containsExactly("Big", "Apple");
      }
    }

    @Test
    void optionsRoundTrip() {
      RegexTokenizer t = RegexTokenizer.of("[a-z]{3,}", false);
      assertThat(RegexTokenizer.of(ParamValues.parse(RegexTokenizer.optionSpecs(), t.options())))
          .isEqualTo(t).hasSameHashCodeAs(t);
      assertThat(ParamValues.defaults(RegexTokenizer.optionSpecs()).asText()).isEqualTo(SKLEARN.options());
    }
  }
}
