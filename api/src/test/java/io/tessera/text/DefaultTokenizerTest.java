package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import io.tessera.spi.ParamValues;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DefaultTokenizerTest {
  private static final DefaultTokenizer DEFAULT = DefaultTokenizer.withDefaults();

  private static List<String> tokens(String text) {
    return DEFAULT.tokenize(text);
  }

  @Nested
  class EnglishClitics {
    @Test
    void negationIsSplitAsInThePennTreebank() {
      assertThat(tokens("doesn't")).containsExactly("does", "n't");
      assertThat(tokens("isn't wouldn't didn't")).containsExactly("is", "n't", "would", "n't", "did", "n't");
      assertThat(tokens("can't won't ain't")).containsExactly("ca", "n't", "wo", "n't", "ai", "n't");
    }

    @Test
    void pronounAndVerbCliticsAreSplitOff() {
      assertThat(tokens("I'm we'll it's they've you're I'd"))
          .containsExactly("i", "'m", "we", "'ll", "it", "'s", "they", "'ve", "you", "'re", "i", "'d");
    }

    @Test
    void possessivesAreSplitOff() {
      assertThat(tokens("Bromwell High's satire")).containsExactly("bromwell", "high", "'s", "satire");
      assertThat(tokens("the 50's")).containsExactly("the", "50", "'s");
    }

    @Test
    void chainedCliticsAreAllSplitOff() {
      assertThat(tokens("shouldn't've he'd've")).containsExactly("should", "n't", "'ve", "he", "'d", "'ve");
    }

    @Test
    void upperCaseCliticsAreLowerCasedWithTheRest() {
      assertThat(tokens("DON'T I'M")).containsExactly("do", "n't", "i", "'m");
      assertThat(DefaultTokenizer.builder().lowercase(false).build().tokenize("DON'T It's"))
          .containsExactly("DO", "N'T", "It", "'s");
    }

    @Test
    void curlyApostropheAndTheAccentsTypedForItActAsApostrophes() {
      assertThat(tokens("doesn\u2019t")).containsExactly("does", "n't");
      assertThat(tokens("you\u00B4ve I`m that\u2019s")).containsExactly("you", "'ve", "i", "'m", "that", "'s");
    }

    @Test
    void anApostropheInsideALatinWordThatIsNoCliticKeepsTheWordWhole() {
      assertThat(tokens("O'Neill rock'n'roll l'homme o\u2019clock"))
          .containsExactly("o'neill", "rock'n'roll", "l'homme", "o'clock");
      assertThat(tokens("it'sa")).containsExactly("it'sa");
    }

    @Test
    void quotesAroundWordsAreDropped() {
      assertThat(tokens("'Teachers' and teachers' pomp, Dickens\u2019 'em"))
          .containsExactly("teachers", "and", "teachers", "pomp", "dickens", "em");
    }

    @Test
    void apostrophesInKoreanAreQuotes() {
      assertThat(tokens("'기생충'이 최고")).containsExactly("기생충", "이", "최고");
    }

    @Test
    void aDanglingJoinerIsNotLeftOnTheStem() {
      assertThat(tokens("x-n't")).containsExactly("x", "n't");
    }

    @Test
    void cliticsStayAttachedWhenSplittingIsOff() {
      DefaultTokenizer whole = DefaultTokenizer.builder().splitClitics(false).build();
      assertThat(whole.tokenize("doesn't I'm Bromwell High's you\u00B4ve"))
          .containsExactly("doesn't", "i'm", "bromwell", "high's", "you've");
    }
  }

  @Nested
  class HyphensAndNumbers {
    @Test
    void hyphenatedWordsStayWhole() {
      assertThat(tokens("a state-of-the-art e-mail, eye-to-eye")).containsExactly("a", "state-of-the-art", "e-mail",
          "eye-to-eye");
    }

    @Test
    void unicodeHyphensBecomeAsciiHyphens() {
      assertThat(tokens("co\u2011operate co\u2010op")).containsExactly("co-operate", "co-op");
    }

    @Test
    void doubleLeadingAndTrailingHyphensAndDashesSeparate() {
      assertThat(tokens("well--known -5 self- 1990\u20131995 war\u2014peace"))
          .containsExactly("well", "known", "5", "self", "1990", "1995", "war", "peace");
    }

    @Test
    void decimalAndGroupedNumbersStayWhole() {
      assertThat(tokens("pi is 3.14, it cost $1,000,000.50 or 1,000.")).containsExactly("pi", "is", "3.14", "it",
          "cost", "1,000,000.50", "or", "1,000");
    }

    @Test
    void periodsAndColonsBetweenLettersOrInTimesSeparate() {
      assertThat(tokens("the U.S. at 4:00pm")).containsExactly("the", "u", "s", "at", "4", "00pm");
    }

    @Test
    void underscoresJoinPhraseTokens() {
      assertThat(tokens("new_york _private_ trailing_")).containsExactly("new_york", "private", "trailing");
    }

    @Test
    void numbersCanBeDropped() {
      DefaultTokenizer noNumbers = DefaultTokenizer.builder().dropNumbers(true).build();
      assertThat(noNumbers.tokenize("in 1999 it cost 1,000.50 (10%), 1990-1995 but the 70s 10,000원 ½"))
          .containsExactly("in", "it", "cost", "but", "the", "70s", "10,000원");
    }
  }

  @Nested
  class Scripts {
    @Test
    void hangulWordsAreSpaceSeparatedEojeol() {
      assertThat(tokens("아 이영화 절대 보지 마ㅡㅡ 0점이 없는게 아쉽다 진짜..."))
          .containsExactly("아", "이영화", "절대", "보지", "마ㅡㅡ", "0점이", "없는게", "아쉽다", "진짜");
    }

    @Test
    void hangulCompatibilityJamoAreLetters() {
      assertThat(tokens("ㅋㅋㅋ 웃기다 ㅠㅠ")).containsExactly("ㅋㅋㅋ", "웃기다", "ㅠㅠ");
    }

    @Test
    void decomposedInputGivesTheSameTokensAsPrecomposed() {
      String nfd = Normalizer.normalize("한국어 café", Normalizer.Form.NFD);
      assertThat(nfd).isNotEqualTo("한국어 café");
      assertThat(tokens(nfd)).containsExactly("한국어", "café");
    }

    @Test
    void combiningMarksStayWithTheirLetter() {
      assertThat(tokens("cafe\u0301 nai\u0308ve")).containsExactly("café", "naïve");
      assertThat(tokens("हिन्दी भाषा")).containsExactly("हिन्दी", "भाषा");
    }

    @Test
    void accentedLatinGreekAndCjkAreWords() {
      assertThat(tokens("École, Mařka; ΣΟΦΟΣ 日本語のテキスト")).containsExactly("école", "mařka", "σοφος",
          "日本語のテキスト");
    }

    @Test
    void supplementaryPlaneLettersAreWords() {
      assertThat(tokens("\uD840\uDC0B\uD840\uDC0C!")).containsExactly("\uD840\uDC0B\uD840\uDC0C");
    }

    @Test
    void emojiAndSymbolsAreDropped() {
      assertThat(tokens("😀 great 👍🏽 movie ♥ ★★★")).containsExactly("great", "movie");
    }
  }

  @Nested
  class Lowercasing {
    @Test
    void usesTheRootLocaleWhateverTheDefaultLocale() {
      Locale saved = Locale.getDefault();
      try {
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        assertThat(tokens("TITLE Istanbul")).containsExactly("title", "istanbul");
      } finally {
        Locale.setDefault(saved);
      }
    }

    @Test
    void canBeTurnedOff() {
      assertThat(DefaultTokenizer.builder().lowercase(false).build().tokenize("Bromwell High"))
          .containsExactly("Bromwell", "High");
    }
  }

  @Nested
  class Html {
    @Test
    void lineBreakTagsSeparateWordsAndDisappear() {
      assertThat(tokens("so what?<br /><br />Equally annoying")).containsExactly("so", "what", "equally",
          "annoying");
      assertThat(tokens("x<br/>y<br>z</br >w")).containsExactly("x", "y", "z", "w");
    }

    @Test
    void formattingTagsAndCommentsDisappear() {
      assertThat(tokens("<i>Citizen Kane</i> <!-- note --> <EM>great</EM>")).containsExactly("citizen", "kane",
          "great");
    }

    @Test
    void lessThanSignsThatOpenNoTagAreJustPunctuation() {
      assertThat(tokens("I <3 it, a < b > c, <=8.")).containsExactly("i", "3", "it", "a", "b", "c", "8");
    }

    @Test
    void characterReferencesAreDecoded() {
      assertThat(tokens("Ma&#345;ka Ma&#x159;ka Tom &amp; Jerry &quot;hi&quot; it&apos;s")).containsExactly("mařka",
          "mařka", "tom", "jerry", "hi", "it", "'s");
    }

    @Test
    void malformedReferencesStayText() {
      assertThat(tokens("&#0; &#xD800; &bogus; &amp AT&T")).containsExactly("0", "xd800", "bogus", "amp", "at", "t");
    }

    @Test
    void aDecodedTagIsStrippedToo() {
      assertThat(tokens("&lt;b&gt;bold&lt;/b&gt;")).containsExactly("bold");
    }

    @Test
    void tagsAreKeptAsWordsWhenStrippingIsOff() {
      DefaultTokenizer raw = DefaultTokenizer.builder().stripHtml(false).build();
      assertThat(raw.tokenize("end.<br /><br />Next &amp;")).containsExactly("end", "br", "br", "next", "amp");
    }
  }

  @Nested
  class ControlAndFormatCharacters {
    @Test
    void controlCharactersSeparateWords() {
      assertThat(tokens("\u0008\u0008\u0008\u0008A Turkish by their \u0010own dogma\u0002."))
          .containsExactly("a", "turkish", "by", "their", "own", "dogma");
    }

    @Test
    void softHyphensInsideWordsAreRemoved() {
      assertThat(tokens("\u00ADhy\u00ADphen\u00AD")).containsExactly("hyphen");
    }

    @Test
    void zeroWidthJoinersStayInsideWords() {
      assertThat(tokens("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"))
          .containsExactly("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");
    }

    @Test
    void blankTextHasNoTokens() {
      assertThat(tokens("")).isEmpty();
      assertThat(tokens(" \t\n ... !!! ")).isEmpty();
    }
  }

  @Nested
  class Finishing {
    @Test
    void nfkcFoldsFullWidthFormsAndLigatures() {
      DefaultTokenizer nfkc = DefaultTokenizer.builder().normalization(DefaultTokenizer.Normalization.NFKC).build();
      assertThat(nfkc.tokenize("ｆｕｌｌ ﬁne m²")).containsExactly("full", "fine", "m2");
      assertThat(tokens("ｆｕｌｌ")).containsExactly("ｆｕｌｌ");
    }

    @Test
    void nfkcChangesHangulCompatibilityJamoWhichIsWhyNfcIsTheDefault() {
      DefaultTokenizer nfkc = DefaultTokenizer.builder().normalization(DefaultTokenizer.Normalization.NFKC).build();
      assertThat(nfkc.tokenize("ㅋㅋ")).containsExactly("\u110F\u110F");
      assertThat(tokens("ㅋㅋ")).containsExactly("ㅋㅋ");
    }

    @Test
    void withoutNormalizationDecomposedTextStaysDecomposed() {
      DefaultTokenizer none = DefaultTokenizer.builder().normalization(DefaultTokenizer.Normalization.NONE).build();
      assertThat(none.tokenize("cafe\u0301")).containsExactly("cafe\u0301");
    }

    @Test
    void accentStrippingRemovesNonspacingMarksButKeepsHangul() {
      DefaultTokenizer deacc = DefaultTokenizer.builder().stripAccents(true).build();
      assertThat(deacc.tokenize("Café Crème Ünïcödé 한국어 İstanbul")).containsExactly("cafe", "creme", "unicode",
          "한국어", "istanbul");
    }

    @Test
    void lengthFiltersCountCodePoints() {
      DefaultTokenizer gensimLike = DefaultTokenizer.builder().minLength(2).maxLength(15).build();
      assertThat(gensimLike.tokenize("a ab I'm supercalifragilistic 한국 \uD840\uDC0B\uD840\uDC0C"))
          .containsExactly("ab", "'m", "한국", "\uD840\uDC0B\uD840\uDC0C");
    }
  }

  @Nested
  class Options {
    @Test
    void everyOptionHasADefaultAndRoundTripsThroughText() {
      DefaultTokenizer t = DefaultTokenizer.builder().lowercase(false).dropNumbers(true).maxLength(20)
          .normalization(DefaultTokenizer.Normalization.NFKC).stripAccents(true).build();
      assertThat(t.options()).containsExactly(Map.entry("lowercase", "false"), Map.entry("strip_html", "true"),
          Map.entry("split_clitics", "true"), Map.entry("numbers", "drop"), Map.entry("min_length", "1"),
          Map.entry("max_length", "20"), Map.entry("normalize", "nfkc"), Map.entry("strip_accents", "true"));
      DefaultTokenizer rebuilt = DefaultTokenizer.of(ParamValues.parse(DefaultTokenizer.optionSpecs(), t.options()));
      assertThat(rebuilt).isEqualTo(t).hasSameHashCodeAs(t);
      assertThat(rebuilt).isNotEqualTo(DefaultTokenizer.withDefaults());
    }

    @Test
    void defaultsFromSpecsEqualTheBuilderDefaults() {
      assertThat(DefaultTokenizer.of(ParamValues.defaults(DefaultTokenizer.optionSpecs())))
          .isEqualTo(DefaultTokenizer.withDefaults());
      assertThat(DefaultTokenizer.optionSpecs()).extracting(s -> s.name()).containsExactly("lowercase",
          "strip_html", "split_clitics", "numbers", "min_length", "max_length", "normalize", "strip_accents");
    }

    @Test
    void maxLengthBelowMinLengthIsRejected() {
      assertThatThrownBy(() -> DefaultTokenizer.builder().minLength(3).maxLength(2).build())
          .isInstanceOf(BadInputException.class)
          .hasMessage("parameter 'max_length': 2 is below min_length 3, so every token would be dropped");
      assertThatThrownBy(() -> DefaultTokenizer.builder().minLength(0).build())
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith("parameter 'min_length': 0 is outside the allowed range [1, inf)");
    }
  }

  @Test
  void forEachTokenYieldsExactlyWhatTokenizeReturns() {
    for (String review : Samples.imdb()) {
      List<String> streamed = new ArrayList<>();
      DEFAULT.forEachToken(review, streamed::add);
      assertThat(streamed).isEqualTo(DEFAULT.tokenize(review));
    }
  }

  @Test
  void returnedListsAreUnmodifiable() {
    assertThatThrownBy(() -> tokens("a b").add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void oneInstanceCanBeSharedByManyThreads() throws Exception {
    List<String> texts = new ArrayList<>(Samples.imdb());
    texts.addAll(Samples.nsmc());
    texts.addAll(Samples.lee());
    List<List<String>> expected = texts.stream().map(DEFAULT::tokenize).toList();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 4; t++) {
      int shift = t;
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          for (int rep = 0; rep < 20; rep++) {
            for (int i = 0; i < texts.size(); i++) {
              int k = (i + shift * 7) % texts.size();
              assertThat(DEFAULT.tokenize(texts.get(k))).isEqualTo(expected.get(k));
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
    for (Thread th : threads) {
      th.join();
    }
    assertThat(failures).isEmpty();
  }
}
