package io.tessera.internal.text;

/**
 * A tokenizer that can scan UTF-8 bytes directly, so that counting a corpus read as bytes makes no string per
 * document or token. The tokens must be exactly those that {@link io.tessera.text.Tokenizer#forEachToken} gives
 * for the decoded text.
 */
public interface Utf8Tokenizer {
  /** Receives tokens as UTF-8 bytes. */
  @FunctionalInterface
  interface Sink {
    /**
     * @param token the token's bytes are {@code token[from, to)}; valid only during the call
     * @param hash  {@link Utf8Terms#hash} of those bytes
     */
    void token(byte[] token, int from, int to, int hash);
  }

  /** @return whether this instance scans bytes; when false, callers decode and use the string tokenizer */
  boolean scansUtf8();

  /** Passes the tokens of the valid UTF-8 text {@code text[from, to)} to {@code sink} in order. */
  void forEachToken(byte[] text, int from, int to, Sink sink);
}
