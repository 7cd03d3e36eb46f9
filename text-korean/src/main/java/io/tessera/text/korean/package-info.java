/**
 * Korean morphological analysis: {@link io.tessera.text.korean.KoreanTokenizer} (the tokenizer {@code korean})
 * and the {@link io.tessera.text.korean.Morpheme} records it explains its tokens with.
 */
package io.tessera.text.korean;
