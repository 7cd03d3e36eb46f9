package io.tessera.text.korean;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.api.Tessera;
import io.tessera.spi.TokenizerProvider;
import io.tessera.text.Stopwords;
import io.tessera.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The tokenizer on real reviews (NSMC) and citizens' proposals (Democracy Seoul). */
class KoreanRealTextTest {
  private static final KoreanTokenizer POS = KoreanTokenizer.builder().pos(true).build();

  @Test
  void twentyReviewsGiveTheReviewedMorphemes() {
    List<String> reviews = Samples.nsmc();
    List<String> expected = Samples.lines("nsmc-content-pos.txt");
    assertThat(reviews).hasSize(20);
    List<String> actual = new ArrayList<>();
    for (String review : reviews) {
      actual.add(String.join(" ", POS.tokenize(review)));
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void reviewsSplitIntoStemsAndNounsWithoutParticlesOrEndings() {
    List<String> reviews = Samples.nsmc();
    assertThat(POS.tokenize(reviews.get(2))).containsExactly("하품/NNG", "나오/VV", "지루/XR", "재미없/VA",
        "왠만/XR", "말/NNG", "안/MAG", "하/VV", "영화/NNG", "정말/MAG");
    assertThat(POS.tokenize(reviews.get(11))).containsExactly("재밌/VA", "잘/MAG", "보/VV");
    assertThat(POS.tokenize(reviews.get(14))).containsExactly("맥거핀/NNP", "대가/NNG", "최고/NNG");
    assertThat(KoreanTokenizer.withDefaults().tokenize(reviews.get(9))).containsExactly("신화", "간지", "bbbbbbbbb");
  }

  @Test
  void proposalsKeepPrefixedAndCompoundNouns() {
    List<String> proposals = Samples.seoulProposals();
    KoreanTokenizer nouns = KoreanTokenizer.builder().mode(KoreanTokenizer.Mode.NOUNS).build();
    assertThat(nouns.tokenize(proposals.get(0))).contains("비정규직", "정규직", "노동자", "인권", "차별")
        .doesNotContain("비", "정규", "직");
    assertThat(nouns.tokenize(proposals.get(1))).contains("미성년자", "술", "마트", "청소년").doesNotContain("성년");
    assertThat(nouns.tokenize(proposals.get(2))).containsExactly("저출산", "난임", "개선", "문제", "아이", "비급여",
        "항목", "개선", "요청");
    assertThat(nouns.tokenize(proposals.get(3))).contains("비급여", "주사", "비용").doesNotContain("급여");
    assertThat(nouns.tokenize(proposals.get(4))).contains("무료", "유료", "지하철", "버스", "노인");
  }

  @Test
  void theKoreanStopwordsDropLightVerbsAndAuxiliariesFromContentMorphemes() {
    Tokenizer filtered = Stopwords.korean().filter(KoreanTokenizer.withDefaults());
    String review = Samples.nsmc().get(15);
    assertThat(KoreanTokenizer.withDefaults().tokenize(review)).contains("하", "있");
    assertThat(filtered.tokenize(review)).containsExactly("이란", "권위", "사회", "속", "아이", "순수", "마음", "그리",
        "영화", "압바스", "키아로스타미", "세계", "널리", "알리", "영화", "굉장히", "순수", "귀엽", "영화", "있");
    assertThat(Stopwords.korean().filter(KoreanTokenizer.builder().mode(KoreanTokenizer.Mode.ALL).build())
        .tokenize("영화가 재미있었다")).containsExactly("영화", "재밌");
  }

  @Test
  @SuppressWarnings("unchecked")
  void parallelTokenizationGivesTheSequentialResult() throws Exception {
    List<String> docs = new ArrayList<>(Samples.nsmc());
    docs.addAll(Samples.seoulProposals());
    KoreanTokenizer shared = KoreanTokenizer.builder().mode(KoreanTokenizer.Mode.ALL).pos(true).build();
    List<List<String>> sequential = new ArrayList<>();
    for (String d : docs) {
      sequential.add(shared.tokenize(d));
    }
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<List<String>>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * 7;
        results.add(pool.submit(() -> {
          // Each thread walks the documents from its own start, many times over, so the calls interleave.
          List<List<String>> rounds = new ArrayList<>();
          for (int round = 0; round < 30; round++) {
            List<String>[] byDoc = new List[docs.size()];
            for (int i = 0; i < docs.size(); i++) {
              int k = (i + offset) % docs.size();
              byDoc[k] = shared.tokenize(docs.get(k));
            }
            rounds.addAll(List.of(byDoc));
          }
          return rounds;
        }));
      }
      List<List<String>> expected = new ArrayList<>();
      for (int round = 0; round < 30; round++) {
        expected.addAll(sequential);
      }
      for (Future<List<List<String>>> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void thePlatformFindsTheTokenizerAsKorean() {
    try (Tessera tessera = Tessera.builder().threads(1).build()) {
      assertThat(tessera.tokenizers()).extracting(TokenizerProvider::id).contains("korean", "default");
      Tokenizer t = tessera.tokenizer("korean", Map.of("mode", "nouns"));
      assertThat(t.tokenize("영화가 영화는 영화를")).containsExactly("영화", "영화", "영화");
      assertThat(t).isEqualTo(KoreanTokenizer.builder().mode(KoreanTokenizer.Mode.NOUNS).build());
    }
  }
}
