package io.tessera.internal.text.cache;

import io.tessera.api.BadInputException;
import io.tessera.io.Json;
import io.tessera.io.TextCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The identity of a prepared corpus: what was read (the input file's size and SHA-256 of its bytes, and which
 * documents of it: every line or one column), how it was tokenized and which vocabulary settings were used, plus
 * the cache format and the Tessera version (a release may tokenize differently).
 *
 * <p>The key is a compact JSON object, stored whole in the prepared file and compared exactly on reuse; the
 * {@link #fingerprint()} (SHA-256 of the key, hex) only names the file. The input is identified by content, not
 * by path or modification time, so a moved or copied file still hits the cache and an edited one never does.
 * The file is hashed as stored (gzip bytes for a compressed file), which determines its documents completely.
 *
 * @param key         the canonical key text
 * @param fingerprint SHA-256 of the key's UTF-8 bytes, as 64 lower-case hex digits
 * @param inputSha256 SHA-256 of the input file, as hex
 */
public record CorpusKey(String key, String fingerprint, String inputSha256) {
  /** Bytes hashed per read; large enough to keep the hash (about 1.5 GB/s with SHA extensions) the bottleneck. */
  private static final int READ_BYTES = 1 << 20;
  private static final String VERSION = tesseraVersion();

  /**
   * Builds the key of {@code corpus} tokenized as {@code tokenizerKey} with {@code vocabulary} settings.
   *
   * @throws BadInputException when an input file does not exist, or the corpus is read from a stream (a cache
   *                           key needs the content before reading)
   */
  public static CorpusKey of(String format, TextCorpus corpus, String tokenizerKey, Map<String, String> vocabulary) {
    if (corpus.files().isEmpty()) {
      throw BadInputException.of("a prepared corpus needs files, not a stream: its cache is keyed by their content");
    }
    long[] size = new long[1];
    String sha = inputSha256(corpus, size);
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("bytes", size[0]);
    input.put("sha256", sha);
    input.put("documents", selection(corpus));
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("format", format);
    key.put("tessera", VERSION);
    key.put("input", input);
    key.put("tokenizer", tokenizerKey);
    key.put("vocabulary", vocabulary);
    String text = Json.write(key);
    return new CorpusKey(text, hex(digest().digest(text.getBytes(StandardCharsets.UTF_8))), sha);
  }

  /**
   * Which documents of the files the corpus reads: {@code lines} or {@code column NAME}, with
   * {@code , bad lines skipped} when it skips lines of invalid UTF-8.
   */
  static String selection(TextCorpus corpus) {
    return corpus.column().map(c -> "column " + c).orElse("lines")
        + (corpus.skipsBadLines() ? ", bad lines skipped" : "");
  }

  /**
   * @return the SHA-256 of the corpus's one file, or of its files' SHA-256s joined by commas (in order) when it has
   *     several; {@code size[0]} receives the total byte count
   */
  public static String inputSha256(TextCorpus corpus, long[] size) {
    List<Path> files = corpus.files();
    if (files.size() == 1) {
      return sha256(files.get(0), size);
    }
    StringBuilder joined = new StringBuilder();
    long total = 0;
    for (Path file : files) {
      joined.append(joined.isEmpty() ? "" : ",").append(sha256(file, size));
      total += size[0];
    }
    size[0] = total;
    return hex(digest().digest(joined.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** @return the SHA-256 of {@code file}'s bytes as hex; {@code size[0]} receives the byte count */
  public static String sha256(Path file, long[] size) {
    MessageDigest md = digest();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocateDirect(READ_BYTES);
      long total = 0;
      int n;
      while ((n = ch.read(buf)) >= 0) {
        buf.flip();
        md.update(buf);
        buf.clear();
        total += n;
      }
      size[0] = total;
    } catch (NoSuchFileException e) {
      throw BadInputException.inFile(file, 0, "no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return hex(md.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** The platform version filtered into the bootstrap package's resource at build time (same module). */
  private static String tesseraVersion() {
    Module module = CorpusKey.class.getModule();
    try (InputStream in = module.getResourceAsStream("io/tessera/internal/bootstrap/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
