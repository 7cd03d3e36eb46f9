package io.tessera.text.korean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import io.tessera.spi.ParamValues;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KoreanTokenizerTest {
  private static final KoreanTokenizer DEFAULT = KoreanTokenizer.withDefaults();

  private static KoreanTokenizer with(String... keyValues) {
    Map<String, String> raw = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      raw.put(keyValues[i], keyValues[i + 1]);
    }
    return KoreanTokenizer.of(ParamValues.parse(KoreanTokenizer.optionSpecs(), raw));
  }

  @Nested
  class Particles {
    @Test
    void theSameNounWithDifferentParticlesIsOneToken() {
      assertThat(DEFAULT.tokenize("영화가")).containsExactly("영화");
      assertThat(DEFAULT.tokenize("영화는")).containsExactly("영화");
      assertThat(DEFAULT.tokenize("영화를")).containsExactly("영화");
    }

    @Test
    void modeAllKeepsTheParticlesAsTokensOfTheirOwn() {
      assertThat(with("mode", "all", "pos", "true").tokenize("영화가 영화는 영화를"))
          .containsExactly("영화/NNG", "가/JKS", "영화/NNG", "는/JX", "영화/NNG", "를/JKO");
    }

    @Test
    void inflectedVerbsAndAdjectivesGiveTheirStem() {
      assertThat(DEFAULT.tokenize("재미있었다")).containsExactly("재밌");
      assertThat(with("mode", "all", "pos", "true").tokenize("먹었어요"))
          .containsExactly("먹/VV", "었/EP", "어요/EF");
      assertThat(DEFAULT.tokenize("예쁜 옷을 샀다")).containsExactly("예쁘", "옷", "사");
    }
  }

  @Nested
  class MeaningIsKept {
    @Test
    void aNounPrefixStaysWithItsNoun() {
      // Nori's default stop tags drop the prefix (XPN) and leave 급여, the opposite of what was written.
      assertThat(DEFAULT.tokenize("비급여 항목")).containsExactly("비급여", "항목");
      assertThat(DEFAULT.analyze("비급여")).containsExactly(new Morpheme("비급여", "XPN+NNG"));
      assertThat(with("mode", "nouns").tokenize("난임 비급여 주사가 너무 많아요"))
          .containsExactly("난임", "비급여", "주사");
    }

    @Test
    void withoutJoiningThePrefixItIsStillKeptAsAToken() {
      assertThat(with("join_prefix", "false", "pos", "true").tokenize("비급여 항목"))
          .containsExactly("비/XPN", "급여/NNG", "항목/NNG");
    }

    @Test
    void compoundNounsStayWholeByDefault() {
      assertThat(DEFAULT.tokenize("비정규직 노동자")).containsExactly("비정규직", "노동자");
      assertThat(DEFAULT.tokenize("미성년자에게 술을")).containsExactly("미성년자", "술");
      assertThat(DEFAULT.analyze("비정규직")).containsExactly(new Morpheme("비정규직", "NNG+NNG+NNG"));
    }

    @Test
    void freeAndPaidAreDifferentWords() {
      assertThat(DEFAULT.tokenize("지하철은 무료이고 버스는 유료입니다")).containsExactly("지하철", "무료", "버스", "유료");
    }

    @Test
    void negationSurvivesTheContentFilter() {
      assertThat(DEFAULT.tokenize("좋지 않다")).containsExactly("좋", "않");
      assertThat(DEFAULT.tokenize("영화는 아니었음")).containsExactly("영화", "아니");
      assertThat(DEFAULT.tokenize("안 되는 영화")).containsExactly("안", "되", "영화");
    }
  }

  @Nested
  class Decompounding {
    @Test
    void discardGivesOnlyTheParts() {
      assertThat(with("decompound", "discard").tokenize("비정규직 노동자"))
          .containsExactly("비", "정규", "직", "노동", "자");
    }

    @Test
    void mixedGivesTheWholeThenItsParts() {
      assertThat(with("decompound", "mixed", "pos", "true").tokenize("미성년자"))
          .containsExactly("미성년자/NNG+NNG+NNG", "미/NNG", "성년/NNG", "자/NNG");
    }
  }

  @Nested
  class Modes {
    private static final String REVIEW = "아 이영화 절대 보지 마ㅡㅡ 0점이 없는게 아쉽다 진짜...";

    @Test
    void contentKeepsStemsAdverbsNumbersAndUnknownWordsButNoGrammar() {
      assertThat(with("pos", "true").tokenize(REVIEW)).containsExactly("아/IC", "영화/NNG", "절대/MAG", "보/VV",
          "말/VX", "ㅡㅡ/UNKNOWN", "0/SN", "없/VA", "아쉽/VA", "진짜/MAG");
    }

    @Test
    void allKeepsEveryMorphemeButPunctuation() {
      assertThat(with("mode", "all").tokenize(REVIEW)).containsExactly("아", "이", "영화", "절대", "보", "지", "말",
          "ㅏ", "ㅡㅡ", "0", "점", "이", "없", "는", "것", "이", "아쉽", "다", "진짜");
    }

    @Test
    void nounsKeepsGeneralAndProperNouns() {
      assertThat(with("mode", "nouns", "pos", "true").tokenize("맥거핀의 대가..최고다, 나루토가 짱짱이다"))
          .containsExactly("맥거핀/NNP", "대가/NNG", "최고/NNG", "나루토/NNP");
    }

    @Test
    void tagsKeepsExactlyTheListedHeadTags() {
      assertThat(with("mode", "tags", "tags", "VV, va").tokenize("재밌게 잘봤습니다 하품나오고"))
          .containsExactly("재밌", "보", "나오");
      assertThat(with("mode", "tags", "tags", "VV,VA").keptTags()).containsExactlyInAnyOrder("VV", "VA");
    }

    @Test
    void theDocumentedTagSetsAreTheOnesApplied() {
      assertThat(KoreanTokenizer.Mode.NOUNS.tags()).containsExactly("NNG", "NNP");
      assertThat(KoreanTokenizer.Mode.CONTENT.tags()).contains("NNG", "VV", "VA", "MAG", "XR", "XPN", "SL", "SN")
          .doesNotContain("JKS", "JX", "EF", "EC", "ETM", "VCP", "XSN", "NNB", "MM", "SY");
      assertThat(KoreanTokenizer.tagDescriptions().keySet()).containsAll(KoreanTokenizer.Mode.CONTENT.tags());
      assertThat(DEFAULT.keptTags()).isEqualTo(KoreanTokenizer.Mode.CONTENT.tags());
      assertThat(with("mode", "all").keptTags()).isEmpty();
    }

    @Test
    void anUnknownTagIsAnErrorThatSuggestsTheNearestOne() {
      assertThatThrownBy(() -> with("mode", "tags", "tags", "NNG,NGP"))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("parameter 'tags'")
          .hasMessageContaining("unknown POS tag 'NGP'")
          .hasMessageContaining("did you mean");
    }

    @Test
    void tagsNeedModeTagsAndModeTagsNeedsTags() {
      assertThatThrownBy(() -> with("tags", "NNG"))
          .isInstanceOf(BadInputException.class)
          .hasMessage("parameter 'tags': is only used with mode=tags (mode is content)");
      assertThatThrownBy(() -> with("mode", "tags"))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith("parameter 'tags': mode=tags needs the tags to keep");
    }
  }

  @Nested
  class Scripts {
    @Test
    void latinWordsAreLowerCasedLikeTheDefaultTokenizerDoes() {
      assertThat(DEFAULT.tokenize("Marvel 영화 최고 CG")).containsExactly("marvel", "영화", "최고", "cg");
      assertThat(with("lowercase", "false").tokenize("Marvel 영화")).containsExactly("Marvel", "영화");
    }

    @Test
    void hanjaIsReplacedByItsHangulReadingOnlyWhenAsked() {
      assertThat(DEFAULT.tokenize("大韓民國 學校")).containsExactly("大韓", "民國", "學校");
      assertThat(with("hanja", "true").tokenize("大韓民國 學校")).containsExactly("대한", "민국", "학교");
    }

    @Test
    void readingsAreOnlyAppliedToHanja() {
      // Nori also gives ㅋㅋ the reading 크크; that must not leak into the tokens.
      assertThat(with("hanja", "true").tokenize("ㅋㅋ 재밌다")).containsExactly("ㅋㅋ", "재밌");
    }

    @Test
    void decomposedHangulIsAnalysedLikePrecomposedHangul() {
      String nfd = Normalizer.normalize("영화가 재미있었다", Normalizer.Form.NFD);
      assertThat(nfd).isNotEqualTo("영화가 재미있었다");
      assertThat(DEFAULT.tokenize(nfd)).containsExactly("영화", "재밌");
    }

    @Test
    void punctuationSymbolsAndBlankTextGiveNoTokens() {
      assertThat(DEFAULT.tokenize("")).isEmpty();
      assertThat(DEFAULT.tokenize("  \t ")).isEmpty();
      assertThat(DEFAULT.tokenize("!!! ... ♥ 😀 ;;")).isEmpty();
    }
  }

  @Nested
  class Options {
    @Test
    void posWritesEachTokenWithTheTagsThatKeptIt() {
      assertThat(with("pos", "true").tokenize("비급여 주사가 너무 많아요"))
          .containsExactly("비급여/XPN+NNG", "주사/NNG", "너무/MAG", "많/VA");
    }

    @Test
    void analyzeReturnsWhatTokenizeReturnsWithTheTags() {
      List<Morpheme> morphemes = DEFAULT.analyze("시작과 끝이 연결이 안 되는 영화..");
      assertThat(morphemes).extracting(Morpheme::form).isEqualTo(DEFAULT.tokenize("시작과 끝이 연결이 안 되는 영화.."));
      assertThat(morphemes).extracting(Morpheme::toString)
          .isEqualTo(with("pos", "true").tokenize("시작과 끝이 연결이 안 되는 영화.."));
      assertThat(new Morpheme("비급여", "XPN+NNG").head()).isEqualTo("NNG");
    }

    @Test
    void optionsRoundTripToAnEqualTokenizer() {
      KoreanTokenizer t = with("mode", "tags", "tags", "VV,NNG", "decompound", "mixed", "hanja", "true");
      KoreanTokenizer again = KoreanTokenizer.of(ParamValues.parse(KoreanTokenizer.optionSpecs(), t.options()));
      assertThat(again).isEqualTo(t).hasSameHashCodeAs(t);
      assertThat(again.options()).containsEntry("tags", "NNG,VV").containsEntry("decompound", "mixed");
      assertThat(DEFAULT).isNotEqualTo(t);
    }

    @Test
    void defaultsAreDocumentedInTheOptionSpecs() {
      assertThat(ParamValues.defaults(KoreanTokenizer.optionSpecs()).asText())
          .isEqualTo(DEFAULT.options())
          .containsEntry("mode", "content")
          .containsEntry("decompound", "none")
          .containsEntry("join_prefix", "true");
    }

    @Test
    void anUnknownOptionSuggestsTheNearestOne() {
      assertThatThrownBy(() -> with("decompund", "none"))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("did you mean 'decompound'?");
    }
  }
}
