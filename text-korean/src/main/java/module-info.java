/**
 * Korean morphological analysis for Tessera: the tokenizer {@code korean}, backed by Lucene's Nori analyzer and
 * its bundled mecab-ko-dic dictionary. Applications that never read Korean leave this module out and never load
 * Lucene.
 *
 * <p>Most applications reach the tokenizer through {@code Tessera.tokenizer("korean", options)}; the exported
 * package holds {@link io.tessera.text.korean.KoreanTokenizer} for typed use (builder, modes, tag sets).
 */
module io.tessera.text.korean {
  requires transitive io.tessera.api;
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.nori;
  requires org.slf4j;

  exports io.tessera.text.korean;

  provides io.tessera.spi.TokenizerProvider with io.tessera.text.korean.internal.KoreanTokenizerProvider;
}
