package io.tessera.text.korean;

import java.util.Objects;

/**
 * One token of Korean text with the part-of-speech tags that explain it, as {@link KoreanTokenizer#analyze}
 * returns it.
 *
 * <p>A token made of one morpheme has one tag ({@code 영화} {@code NNG}). A token made of several morphemes shows
 * their tags joined by {@code +}: a compound noun kept whole ({@code 비정규직} {@code NNG+NNG+NNG}) or a noun
 * prefix joined to its noun ({@code 비급여} {@code XPN+NNG}). Modes and tag filters look at the last tag, the
 * {@linkplain #head() head}, since Korean words are head-final.
 *
 * @param form the token as {@link KoreanTokenizer#tokenize} returns it without {@code pos} (after Hanja readings
 *             and lower-casing, when those options are on)
 * @param tag  the Sejong part-of-speech tag (as used by mecab-ko-dic and Nori), or several joined by {@code +}
 */
public record Morpheme(String form, String tag) {

  public Morpheme {
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(tag, "tag");
  }

  /** @return the tag of the last morpheme, which decides whether a mode keeps the token */
  public String head() {
    int plus = tag.lastIndexOf('+');
    return plus < 0 ? tag : tag.substring(plus + 1);
  }

  /** @return {@code form/tag}, as {@link KoreanTokenizer} writes tokens when {@code pos} is on */
  @Override
  public String toString() {
    return form + "/" + tag;
  }
}
