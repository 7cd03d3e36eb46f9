package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import io.tessera.spi.ParamValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StopwordsTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Nested
  class ShippedLists {
    @Test
    void englishIsScikitLearnsList() {
      Stopwords en = Stopwords.english();
      assertThat(en.size()).isEqualTo(318);
      assertThat(en.name()).isEqualTo("english");
      assertThat(en.words()).contains("the", "a", "and", "of", "amongst", "whereafter", "yourselves")
          .doesNotContain("", "The", "movie");
      // scikit-learn's list has no contractions and holds some content words: "fire", "bill", "system", "cry".
      assertThat(en.words()).contains("fire", "bill", "system", "cry").doesNotContain("don't", "isn");
    }

    @Test
    void koreanHoldsGrammaticalMorphemesButNoNegation() {
      Stopwords ko = Stopwords.korean();
      assertThat(ko.size()).isEqualTo(100);
      assertThat(ko.words()).contains("이", "가", "은", "는", "을", "를", "의", "에", "도", "하", "되", "것", "습니다", "ᆫ")
          .doesNotContain("않", "안", "못", "못하", "아니", "없", "영화", "좋", "정말");
      assertThat(ko.words()).allSatisfy(w -> assertThat(Normalizer.isNormalized(w, Normalizer.Form.NFC)).isTrue());
    }

    @Test
    void theListsAreReadOnce() {
      assertThat(Stopwords.english()).isSameAs(Stopwords.english());
      assertThat(Stopwords.parse("korean")).isSameAs(Stopwords.korean());
    }
  }

  @Nested
  class TheSwitch {
    @Test
    void namesTheShippedListsOrNone() {
      assertThat(Stopwords.parse("none").isEmpty()).isTrue();
      assertThat(Stopwords.parse("").isEmpty()).isTrue();
      assertThat(Stopwords.parse(" english ")).isEqualTo(Stopwords.english());
    }

    @Test
    void takesAFileAndUnionsOfSeveral() throws IOException {
      Path file = write("mine.txt", "영화\n보\n");
      assertThat(Stopwords.parse(file.toString()).words()).containsExactly("영화", "보");
      Stopwords mixed = Stopwords.parse("english," + file);
      assertThat(mixed.size()).isEqualTo(320);
      assertThat(mixed.name()).isEqualTo("english," + file);
      assertThat(mixed.contains("the")).isTrue();
      assertThat(mixed.contains("영화")).isTrue();
    }

    @Test
    void aFileWhoseNameHasACommaIsStillOneFile() throws IOException {
      Path file = write("a,b.txt", "x\n");
      assertThat(Stopwords.parse(file.toString()).words()).containsExactly("x");
    }

    @Test
    void aTypoIsAnErrorThatSuggestsTheName() {
      assertThatThrownBy(() -> Stopwords.parse("englsh"))
          .isInstanceOf(BadInputException.class)
          .hasMessage("parameter 'stopwords': 'englsh' is neither none, english, korean nor an existing file"
              + " (did you mean 'english'?)");
      assertThatThrownBy(() -> Stopwords.parse("english,nowhere.txt"))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith("parameter 'stopwords': 'nowhere.txt' is neither");
    }

    @Test
    void isOneOptionThatFamiliesShare() {
      assertThat(Stopwords.paramSpec().name()).isEqualTo(Stopwords.OPTION);
      String value = ParamValues.parse(List.of(Stopwords.paramSpec()), Map.of()).getString("stopwords");
      assertThat(Stopwords.parse(value)).isEqualTo(Stopwords.none());
    }
  }

  @Nested
  class UserFiles {
    @Test
    void commentsAndBlankLinesAreIgnoredAndWordsAreNormalised() throws IOException {
      String nfd = Normalizer.normalize("café", Normalizer.Form.NFD);
      Path file = write("list.txt", "# my list\n\nthe   # a trailing comment\n  movie  \nc#\n" + nfd + "\n");
      assertThat(Stopwords.load(file).words()).containsExactly("the", "movie", "c#", "café");
    }

    @Test
    void twoWordsOnALineAreAnErrorNamingFileAndLine() throws IOException {
      Path file = write("two.txt", "# list\nthe\nof the\n");
      assertThatThrownBy(() -> Stopwords.load(file))
          .isInstanceOf(BadInputException.class)
          .hasMessage(file + ":3: one word per line, but found 'of the'")
          .satisfies(e -> assertThat(((BadInputException) e).line()).hasValue(3));
    }

    @Test
    void invalidUtf8IsAnErrorNamingFileAndLine() throws IOException {
      Path file = dir.resolve("latin1.txt");
      Files.write(file, new byte[] {'t', 'h', 'e', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
      assertThatThrownBy(() -> Stopwords.load(file))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(file + ":2");
    }

    @Test
    void aMissingFileIsNamed() {
      Path file = dir.resolve("nowhere.txt");
      assertThatThrownBy(() -> Stopwords.load(file))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(file + ": stopword list not found");
    }
  }

  @Nested
  class Filtering {
    @Test
    void aFilteredTokenizerDropsTheStopwords() {
      Tokenizer t = Stopwords.english().filter(DefaultTokenizer.withDefaults());
      assertThat(t.tokenize("The movie was one of the best of the year"))
          .containsExactly("movie", "best", "year");
      List<String> streamed = new java.util.ArrayList<>();
      t.forEachToken("It is the end", streamed::add);
      assertThat(streamed).containsExactly("end");
    }

    @Test
    void anEmptyListLeavesTheTokenizerAsItIs() {
      Tokenizer base = DefaultTokenizer.withDefaults();
      assertThat(Stopwords.none().filter(base)).isSameAs(base);
    }

    @Test
    void ofBuildsAListFromWords() {
      Stopwords s = Stopwords.of("mine", List.of("a", "b", "a"));
      assertThat(s.words()).containsExactly("a", "b");
      assertThat(s.union(Stopwords.none())).isSameAs(s);
      assertThat(s).hasToString("Stopwords[mine, 2 words]");
    }
  }
}
