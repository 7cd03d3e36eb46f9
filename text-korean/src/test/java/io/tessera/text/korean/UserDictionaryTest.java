package io.tessera.text.korean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDictionaryTest {
  @TempDir
  Path dir;

  private static Path committed() {
    return Samples.path("user-dictionary.txt");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static KoreanTokenizer withDictionary(Path file) {
    return KoreanTokenizer.builder().userDictionary(file).build();
  }

  @Test
  void aUserWordIsNoLongerCutIntoPieces() {
    String review = "델리카트슨 사람들 속편을 보는 듯한 느낌";
    assertThat(KoreanTokenizer.withDefaults().tokenize(review)).startsWith("델리", "카트");
    assertThat(withDictionary(committed()).tokenize(review)).startsWith("델리카트슨", "사람", "속편");
  }

  @Test
  void aUserCompoundFollowsTheDecompoundOption() {
    assertThat(withDictionary(committed()).tokenize("세종시에 살아요")).containsExactly("세종시", "살");
    assertThat(KoreanTokenizer.builder().userDictionary(committed()).decompound(KoreanTokenizer.Decompound.DISCARD)
        .build().tokenize("세종시에 살아요")).containsExactly("세종", "시", "살");
  }

  @Test
  void partsThatDoNotSpellTheWordAreReportedWithFileAndLine() throws IOException {
    Path file = write("bad-parts.txt", "# nouns\n세종시 세종 시\n\n대한민국 대한 국민\n");
    assertThatThrownBy(() -> withDictionary(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + ":4: the parts 대한 + 국민 do not spell '대한민국'")
        .satisfies(e -> assertThat(((BadInputException) e).line()).hasValue(4));
  }

  @Test
  void partsLongerThanTheWordWhichNoriItselfRejectsWithoutALineAreReportedWithTheLine() throws IOException {
    Path file = write("too-long.txt", "세종 세종 시\n");
    assertThatThrownBy(() -> withDictionary(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + ":1: the parts 세종 + 시 do not spell '세종'");
  }

  @Test
  void aMecabCsvLineIsRecognisedAndExplained() throws IOException {
    Path file = write("mecab.txt", "세종시\n서울시청,,,,NNP,*,F,서울시청,*,*,*,*\n");
    assertThatThrownBy(() -> withDictionary(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + ":2: ")
        .hasMessageContaining("not MeCab CSV");
  }

  @Test
  void aWordDefinedTwiceDifferentlyNamesBothLines() throws IOException {
    Path file = write("twice.txt", "세종시 세종 시\n세종시\n세종시 세종 시\n");
    assertThatThrownBy(() -> withDictionary(file))
        .isInstanceOf(BadInputException.class)
        .hasMessage(file + ":2: '세종시' is already defined differently on line 1 ('세종시 세종 시')");
  }

  @Test
  void invalidUtf8IsReportedWithFileAndLine() throws IOException {
    Path file = dir.resolve("latin1.txt");
    Files.write(file, new byte[] {'a', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> withDictionary(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + ":2");
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = dir.resolve("nowhere.txt");
    assertThatThrownBy(() -> withDictionary(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + ": user dictionary not found");
  }

  @Test
  void aFileWithOnlyCommentsAddsNothing() throws IOException {
    Path file = write("empty.txt", "# nothing yet\n\n   \n");
    assertThat(withDictionary(file).tokenize("델리카트슨")).startsWith("델리");
  }

  @Test
  void theDictionaryFileIsPartOfTheOptions() {
    KoreanTokenizer t = withDictionary(committed());
    assertThat(t.options()).containsEntry("user_dictionary", committed().toString());
  }
}
