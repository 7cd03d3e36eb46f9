package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The default tokenizer on real reviews and news text (samples described in the resources' README). */
class DefaultTokenizerRealTextTest {
  private static final DefaultTokenizer DEFAULT = DefaultTokenizer.withDefaults();

  @Test
  void theFirstImdbReviewReadsAsWords() {
    assertThat(DEFAULT.tokenize(Samples.imdb().get(0)).subList(0, 40)).containsExactly(
        "bromwell", "high", "is", "a", "cartoon", "comedy", "it", "ran", "at", "the", "same", "time", "as", "some",
        "other", "programs", "about", "school", "life", "such", "as", "teachers", "my", "35", "years", "in", "the",
        "teaching", "profession", "lead", "me", "to", "believe", "that", "bromwell", "high", "'s", "satire", "is",
        "much");
  }

  @Test
  void aReviewFullOfCliticsAndHyphensSplitsThemAsSpecified() {
    // train.tsv line 4269, which also holds a stray U+0010
    String review = Samples.imdb().get(20);
    assertThat(review).startsWith("First things first: I'm not a conservative.").contains("\u0010");
    List<String> tokens = DEFAULT.tokenize(review);
    assertThat(tokens.subList(0, 8)).containsExactly("first", "things", "first", "i", "'m", "not", "a",
        "conservative");
    assertThat(tokens.subList(35, 60)).containsExactly("think", "it", "'s", "safe", "to", "say", "john", "cusack",
        "and", "i", "would", "probably", "see", "eye-to-eye", "on", "politics", "in", "fact", "i", "'m", "sure",
        "we", "'d", "become", "drinking");
    assertThat(tokens.subList(70, 86)).containsExactly("adam", "curtis", "bbc", "docs", "are", "my", "point", "is",
        "this", "do", "n't", "discredit", "this", "review", "by", "thinking");
    assertThat(tokens).contains("own").hasSize(543);
  }

  @Test
  void backspacesBeforeAReviewAreIgnored() {
    // train.tsv line 13492 starts with four U+0008
    String review = Samples.imdb().get(21);
    assertThat(review).startsWith("\u0008\u0008\u0008\u0008A Turkish Bath");
    assertThat(DEFAULT.tokenize(review).subList(0, 20)).containsExactly("a", "turkish", "bath", "sequence", "in",
        "a", "film", "noir", "located", "in", "new", "york", "in", "the", "50", "'s", "that", "must", "be", "a");
  }

  @Test
  void noHtmlTagSurvivesInImdbReviews() {
    List<String> all = allTokens(Samples.imdb());
    assertThat(String.join("\n", Samples.imdb())).contains("<br /><br />");
    assertThat(all).doesNotContain("br").contains("i", "movie");
  }

  @Test
  void koreanReviewsSplitIntoEojeolWithoutPunctuation() {
    List<String> nsmc = Samples.nsmc();
    assertThat(DEFAULT.tokenize(nsmc.get(0))).containsExactly("도대체", "어디서", "스릴감을", "찾을", "수", "있다는", "건지");
    assertThat(DEFAULT.tokenize(nsmc.get(2))).containsExactly("하품나오고", "지루하고", "재미없다", "왠만해선", "이런말",
        "안하지만", "이영화는", "정말");
    assertThat(DEFAULT.tokenize(nsmc.get(5))).containsExactly("아", "이영화", "절대", "보지", "마ㅡㅡ", "0점이", "없는게",
        "아쉽다", "진짜");
    assertThat(DEFAULT.tokenize(nsmc.get(14))).containsExactly("맥거핀의", "대가", "최고다");
    assertThat(DEFAULT.tokenize(nsmc.get(9))).containsExactly("신화", "간지", "bbbbbbbbb");
  }

  @Test
  void newsTextKeepsHyphenatedPlaceNamesAndSplitsTimes() {
    List<String> tokens = DEFAULT.tokenize(Samples.lee().get(0));
    assertThat(tokens.subList(32, 56)).containsExactly("a", "new", "blaze", "near", "goulburn", "south-west", "of",
        "sydney", "has", "forced", "the", "closure", "of", "the", "hume", "highway", "at", "about", "4", "00pm",
        "aedt", "a", "marked", "deterioration");
  }

  @Test
  void everyTokenOfTheRealSamplesIsAWordOrAClitic() {
    List<String> texts = new ArrayList<>(Samples.imdb());
    texts.addAll(Samples.nsmc());
    texts.addAll(Samples.lee());
    List<String> all = allTokens(texts);
    assertThat(all).hasSize(4310 + 176 + 3643);
    assertThat(all).allSatisfy(t -> {
      assertThat(t).isEqualTo(t.toLowerCase(Locale.ROOT));
      assertThat(t.matches("'(s|m|d|ll|re|ve)|n't|[\\p{L}\\p{M}\\p{N}]+([-'.,_][\\p{L}\\p{M}\\p{N}]+)*"))
          .as("token <%s>", t).isTrue();
    });
  }

  private static List<String> allTokens(List<String> texts) {
    List<String> all = new ArrayList<>();
    texts.forEach(t -> all.addAll(DEFAULT.tokenize(t)));
    return all;
  }
}
