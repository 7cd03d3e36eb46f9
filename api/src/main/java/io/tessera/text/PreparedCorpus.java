package io.tessera.text;

import io.tessera.api.BadInputException;
import io.tessera.api.ModelFormatException;
import io.tessera.api.TrainingListener;
import io.tessera.engine.ComputeEngine;
import io.tessera.internal.bootstrap.PhaseProgress;
import io.tessera.internal.text.cache.CorpusEncoder;
import io.tessera.internal.text.cache.CorpusKey;
import io.tessera.internal.text.cache.MappedSlice;
import io.tessera.internal.text.cache.SafetensorsAssembler;
import io.tessera.io.DType;
import io.tessera.io.Json;
import io.tessera.io.TensorFile;
import io.tessera.io.TensorInfo;
import io.tessera.io.TensorWriter;
import io.tessera.io.TextCorpus;
import io.tessera.spi.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tokenized corpus, prepared once and reused: every document's token ids, the document offsets, and the
 * {@link Vocabulary} with counts and document frequencies, stored as one safetensors file in a cache folder.
 *
 * <h2>Preparing and reusing</h2>
 * {@link #prepare} computes a key from the input file's <em>content</em> (its size and SHA-256, so the path and
 * modification time do not matter), which documents are read (every line or one column), the tokenizer's
 * description ({@code tokenizerKey}), the vocabulary settings ({@link Vocabulary.Builder#settings()}), the file
 * format and the Tessera version. The file is {@code <cacheDir>/<SHA-256 of the key>.safetensors}. When that file
 * exists, is valid and stores exactly the same key, it is reused; otherwise (absent, truncated, corrupt, or a
 * different key under the same name) the corpus is prepared again. Changing one byte of the input or one setting
 * therefore gives a different file; stale files are left in place (delete the folder to reclaim the space).
 * Hashing reads the whole file once per call (about 1.5 GB/s here), which is far cheaper than tokenizing it.
 *
 * <p>SHA-256 rather than a faster non-cryptographic hash: a collision would silently return another corpus's
 * tokens, and SHA-256's cost is a small fraction of a preparation. The whole key is also compared on reuse, so
 * only an input collision could ever be mistaken.
 *
 * <h2>Streaming</h2>
 * Preparation reads the corpus twice: a parallel count ({@link TokenCounts}) gives the vocabulary, then documents
 * are encoded in fixed blocks of 512, a bounded batch at a time, into temporary files next to the cache file,
 * which are assembled into the final file by an atomic write. Only the distinct tokens and one batch of documents
 * are ever in memory, so corpora larger than the heap can be prepared; reads go through a memory mapping. Block
 * boundaries do not depend on the thread count, so the file is byte for byte the same for any number of threads.
 *
 * <h2>File layout</h2>
 * Tensors {@code token_ids} (I32, all documents' ids back to back), {@code document_offsets} (I64, {@code n + 1}
 * entries from 0: document {@code i} is ids {@code [offsets[i], offsets[i+1])}), and the vocabulary under the
 * prefix {@code vocab.} (see {@link Vocabulary#writeTo}); metadata {@code format}, {@code key} (the key as JSON),
 * {@code documents}, {@code tokens} (ids stored), {@code source_tokens} (tokens before the vocabulary dropped
 * any) and {@code empty_documents}. Empty documents (blank lines, or every token dropped) are kept, with equal
 * offsets.
 *
 * <p>The default cache folder is {@link #defaultCacheDirectory()}. An instance holds the file open:
 * {@linkplain #close() close} it when done. Reading is thread-safe.
 */
public final class PreparedCorpus implements AutoCloseable {
  /** The format name stored in the file's metadata; a new layout gets a new name (and so new cache keys). */
  public static final String FORMAT = "tessera-prepared-corpus/1";

  private static final Logger LOG = LoggerFactory.getLogger(PreparedCorpus.class);
  private static final String TOKEN_IDS = "token_ids";
  private static final String OFFSETS = "document_offsets";
  private static final String VOCAB = "vocab.";

  private final Path file;
  private final String key;
  private final Vocabulary vocabulary;
  private final long documents;
  private final long tokens;
  private final long emptyDocuments;
  private final boolean fromCache;
  private final FileChannel channel;
  private final MappedSlice ids;
  private final MappedSlice offsets;
  private volatile boolean closed;

  private PreparedCorpus(Path file, String key, Vocabulary vocabulary, long documents, long tokens,
                         long emptyDocuments, boolean fromCache, FileChannel channel, MappedSlice ids,
                         MappedSlice offsets) {
    this.file = file;
    this.key = key;
    this.vocabulary = vocabulary;
    this.documents = documents;
    this.tokens = tokens;
    this.emptyDocuments = emptyDocuments;
    this.fromCache = fromCache;
    this.channel = channel;
    this.ids = ids;
    this.offsets = offsets;
  }

  /**
   * Returns the prepared form of {@code corpus}, from {@code cacheDir} when a matching file is there, otherwise by
   * preparing it (in parallel on {@code engine}) and storing it there.
   *
   * @param tokenizerKey a description of {@code tokenizer} that changes whenever its output could change: its
   *                     id and options, as {@link #tokenizerKey(String, Map)} makes them
   * @param vocabulary   the settings of the vocabulary to build from the corpus counts
   * @param cacheDir     the cache folder, created if needed
   * @throws BadInputException    for a missing input file, a blank tokenizer key, bad input text (file and line),
   *                              vocabulary settings that cannot be met, or an input file that changed while it was
   *                              being prepared
   * @throws UncheckedIOException naming the path when the cache folder cannot be written
   */
  public static PreparedCorpus prepare(TextCorpus corpus, Tokenizer tokenizer, String tokenizerKey,
                                       Vocabulary.Builder vocabulary, Path cacheDir, ComputeEngine engine) {
    return prepare(corpus, tokenizer, tokenizerKey, vocabulary, cacheDir, engine, TrainingListener.NONE);
  }

  /**
   * As {@link #prepare(TextCorpus, Tokenizer, String, Vocabulary.Builder, Path, ComputeEngine)}, reporting the
   * two passes of a preparation to {@code progress}: the phase {@code count} (documents; total unknown) and the
   * phase {@code encode} (documents of a known total). Reusing a cached file sends no event. A pass that fails
   * sends no {@code PHASE_FINISHED}.
   */
  public static PreparedCorpus prepare(TextCorpus corpus, Tokenizer tokenizer, String tokenizerKey,
                                       Vocabulary.Builder vocabulary, Path cacheDir, ComputeEngine engine,
                                       TrainingListener progress) {
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(tokenizer, "tokenizer");
    Objects.requireNonNull(vocabulary, "vocabulary");
    Objects.requireNonNull(cacheDir, "cacheDir");
    Objects.requireNonNull(engine, "engine");
    if (tokenizerKey == null || tokenizerKey.isBlank()) {
      throw BadInputException.parameter("tokenizer_key", "must describe the tokenizer (its id and options), got '"
          + tokenizerKey + "'");
    }
    CorpusKey key = CorpusKey.of(FORMAT, corpus, tokenizerKey, vocabulary.settings());
    try {
      Files.createDirectories(cacheDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the cache folder " + cacheDir + ": " + e.getMessage(), e);
    }
    Path file = cacheDir.resolve(key.fingerprint() + ".safetensors");
    if (Files.exists(file)) {
      try {
        PreparedCorpus cached = read(file, key.key(), true);
        LOG.info("reusing prepared corpus {} for {}: {} documents, {} tokens", file, corpus, cached.documents,
            cached.tokens);
        return cached;
      } catch (ModelFormatException | BadInputException e) {
        LOG.warn("ignoring unusable prepared corpus ({}); preparing {} again", e.getMessage(), corpus);
      }
    }
    long start = System.nanoTime();
    build(corpus, tokenizer, vocabulary, engine, key, file, progress);
    PreparedCorpus built = read(file, key.key(), false);
    LOG.info("prepared {} in {} ms: {} documents, {} tokens, {} words -> {}", corpus,
        (System.nanoTime() - start) / 1_000_000, built.documents, built.tokens, built.vocabulary.wordCount(), file);
    if (built.emptyDocuments > 0) {
      LOG.warn("{} of {} documents of {} have no tokens; they are kept as empty documents", built.emptyDocuments,
          built.documents, corpus);
    }
    return built;
  }

  /** As {@link #prepare(TextCorpus, Tokenizer, String, Vocabulary.Builder, Path, ComputeEngine)} in the
   * {@linkplain #defaultCacheDirectory() default cache folder}. */
  public static PreparedCorpus prepare(TextCorpus corpus, Tokenizer tokenizer, String tokenizerKey,
                                       Vocabulary.Builder vocabulary, ComputeEngine engine) {
    return prepare(corpus, tokenizer, tokenizerKey, vocabulary, defaultCacheDirectory(), engine);
  }

  /**
   * Opens a prepared-corpus file directly (for example one copied from another machine), without checking what it
   * was prepared from; {@link #fromCache()} is true.
   *
   * @throws ModelFormatException naming the file when it is not a valid prepared corpus
   * @throws BadInputException    when it does not exist
   */
  public static PreparedCorpus open(Path file) {
    return read(file, null, true);
  }

  /**
   * @return {@code $XDG_CACHE_HOME/tessera/corpora} when that variable holds an absolute path, else
   *     {@code ~/.cache/tessera/corpora} (the XDG convention, also used on macOS and Windows for simplicity)
   */
  public static Path defaultCacheDirectory() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("tessera").resolve("corpora");
  }

  /** @return a tokenizer key made of its provider id and its options, such as {@code default {"lowercase":"true",...}} */
  public static String tokenizerKey(String id, Map<String, String> options) {
    return Objects.requireNonNull(id, "id") + " " + Json.write(Objects.requireNonNull(options, "options"));
  }

  /** @return the key of the default tokenizer with {@code tokenizer}'s options */
  public static String tokenizerKey(DefaultTokenizer tokenizer) {
    return tokenizerKey("default", tokenizer.options());
  }

  // ---------------------------------------------------------------- preparation

  private static void build(TextCorpus corpus, Tokenizer tokenizer, Vocabulary.Builder builder, ComputeEngine engine,
                            CorpusKey key, Path file, TrainingListener progress) {
    Path dir = file.toAbsolutePath().getParent();
    Path idsFile = null;
    Path offsetsFile = null;
    try {
      idsFile = Files.createTempFile(dir, "." + key.fingerprint(), ".ids.tmp");
      offsetsFile = Files.createTempFile(dir, "." + key.fingerprint(), ".offsets.tmp");
      TokenCounts counts;
      PhaseProgress counting = new PhaseProgress(progress, "count", 0, "documents");
      try (Stream<String> docs = corpus.documents()) {
        Iterable<String> texts = () -> advancing(docs.iterator(), counting);
        counts = TokenCounts.count(texts, tokenizer, engine);
      }
      counting.close();
      Vocabulary vocabulary = builder.build(counts);
      CorpusEncoder.Result encoded;
      PhaseProgress encoding = new PhaseProgress(progress, "encode", counts.documents(), "documents");
      try (Stream<String> docs = corpus.documents()) {
        encoded = CorpusEncoder.encode(advancing(docs.iterator(), encoding), tokenizer, vocabulary, engine,
            idsFile, offsetsFile);
      }
      encoding.close();
      // The key names the content hashed before reading; a file edited meanwhile must not be stored under it.
      if (encoded.documents() != counts.documents()
          || !CorpusKey.inputSha256(corpus, new long[1]).equals(key.inputSha256())) {
        throw BadInputException.inFile(corpus.file(), 0, "changed while it was being prepared; run again");
      }
      TensorWriter vocabularyTensors = TensorWriter.create();
      vocabulary.writeTo(vocabularyTensors, VOCAB);
      new SafetensorsAssembler()
          .addAll(vocabularyTensors.toByteArray())
          .tensorFromFile(TOKEN_IDS, DType.I32, idsFile)
          .tensorFromFile(OFFSETS, DType.I64, offsetsFile)
          .metadata("format", FORMAT)
          .metadata("key", key.key())
          .metadata("documents", Long.toString(encoded.documents()))
          .metadata("tokens", Long.toString(encoded.tokens()))
          .metadata("source_tokens", Long.toString(counts.tokens()))
          .metadata("empty_documents", Long.toString(encoded.emptyDocuments()))
          .write(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + corpus + " in " + dir + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(idsFile);
      deleteQuietly(offsetsFile);
    }
  }

  /** @return {@code docs}, advancing {@code progress} by one for every document taken */
  private static Iterator<String> advancing(Iterator<String> docs, Progress progress) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return docs.hasNext();
      }

      @Override
      public String next() {
        String doc = docs.next();
        progress.advance(1);
        return doc;
      }
    };
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      LOG.warn("cannot delete temporary file {}: {}", temp, e.toString());
    }
  }

  // ---------------------------------------------------------------- reading

  /** Opens and validates {@code file}; with {@code expectedKey}, its stored key must be exactly that. */
  private static PreparedCorpus read(Path file, String expectedKey, boolean fromCache) {
    Vocabulary vocabulary;
    Map<String, String> meta;
    TensorInfo idsInfo;
    TensorInfo offsetsInfo;
    try (TensorFile tf = TensorFile.open(file)) {
      meta = tf.metadata();
      if (!FORMAT.equals(meta.get("format"))) {
        throw bad(file, "has format '" + meta.get("format") + "'; this version reads " + FORMAT);
      }
      if (expectedKey != null && !expectedKey.equals(meta.get("key"))) {
        throw bad(file, "was prepared from other input or settings than its name says");
      }
      vocabulary = Vocabulary.readFrom(tf, VOCAB);
      idsInfo = tf.info(TOKEN_IDS);
      offsetsInfo = tf.info(OFFSETS);
    }
    long documents = number(file, meta, "documents");
    long tokens = number(file, meta, "tokens");
    long empty = number(file, meta, "empty_documents");
    expectShape(file, idsInfo, DType.I32, tokens);
    expectShape(file, offsetsInfo, DType.I64, documents + 1);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
      ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      while (length.hasRemaining()) {
        if (channel.read(length, length.position()) < 0) {
          throw bad(file, "is shorter than its header length");
        }
      }
      long dataStart = 8 + length.getLong(0);
      MappedSlice ids = MappedSlice.map(channel, dataStart + idsInfo.begin(), idsInfo.byteLength());
      MappedSlice offsets = MappedSlice.map(channel, dataStart + offsetsInfo.begin(), offsetsInfo.byteLength());
      checkOffsets(file, offsets, documents, tokens, empty);
      PreparedCorpus corpus = new PreparedCorpus(file, meta.get("key"), vocabulary, documents, tokens, empty,
          fromCache, channel, ids, offsets);
      channel = null; // owned by the corpus now
      return corpus;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } finally {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          LOG.debug("cannot close {}: {}", file, e.toString());
        }
      }
    }
  }

  /** Offsets must run from 0 to {@code tokens} without decreasing, and agree with the stored empty count. */
  private static void checkOffsets(Path file, MappedSlice offsets, long documents, long tokens, long empty) {
    long previous = offsets.getLong(0);
    if (previous != 0) {
      throw bad(file, "document offsets start at " + previous + ", not 0");
    }
    long counted = 0;
    for (long i = 1; i <= documents; i++) {
      long next = offsets.getLong(i);
      if (next < previous || next - previous > Integer.MAX_VALUE - 8) {
        throw bad(file, "document offsets are inconsistent at document " + (i - 1));
      }
      counted += next == previous ? 1 : 0;
      previous = next;
    }
    if (previous != tokens || counted != empty) {
      throw bad(file, "document offsets end at " + previous + " with " + counted + " empty documents, but the"
          + " metadata says " + tokens + " tokens and " + empty + " empty documents");
    }
  }

  private static void expectShape(Path file, TensorInfo info, DType dtype, long length) {
    if (info.dtype() != dtype || !Arrays.equals(info.shape(), new long[] {length})) {
      throw bad(file, "tensor '" + info.name() + "' is " + info.dtype() + " " + info.shapeText() + ", expected "
          + dtype + " [" + length + "]");
    }
  }

  private static long number(Path file, Map<String, String> meta, String key) {
    String v = meta.get(key);
    try {
      long n = Long.parseLong(v);
      if (n >= 0 && n < Long.MAX_VALUE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw bad(file, "metadata '" + key + "' must be a non-negative integer, got " + v);
  }

  private static ModelFormatException bad(Path file, String problem) {
    return new ModelFormatException(file + ": prepared corpus " + problem);
  }

  // ---------------------------------------------------------------- queries

  /** @return the vocabulary the ids refer to, with corpus counts and document frequencies */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** @return the number of documents, empty ones included */
  public long documents() {
    return documents;
  }

  /** @return the number of token ids stored (tokens the vocabulary dropped are not counted) */
  public long tokens() {
    return tokens;
  }

  /** @return the number of documents without any id */
  public long emptyDocuments() {
    return emptyDocuments;
  }

  /** @return the number of ids of document {@code index} */
  public int documentLength(long index) {
    checkOpen();
    Objects.checkIndex(index, documents);
    return (int) (offsets.getLong(index + 1) - offsets.getLong(index));
  }

  /**
   * @return the token ids of document {@code index} (0-based, in file order), read from the mapping
   * @throws IndexOutOfBoundsException outside {@code [0, documents())}
   * @throws ModelFormatException      when the file holds an id outside the vocabulary's ids
   */
  public int[] document(long index) {
    checkOpen();
    Objects.checkIndex(index, documents);
    long from = offsets.getLong(index);
    int[] out = new int[(int) (offsets.getLong(index + 1) - from)];
    ids.getInts(from, out, out.length);
    int limit = vocabulary.numIds();
    for (int id : out) {
      if (id < 0 || id >= limit) {
        throw bad(file, "document " + index + " holds id " + id + " outside the vocabulary's [0, " + limit + ")");
      }
    }
    return out;
  }

  /** @return whether this instance was read from an existing file rather than prepared by this call */
  public boolean fromCache() {
    return fromCache;
  }

  /** @return the prepared-corpus file */
  public Path file() {
    return file;
  }

  /**
   * @return the key the file was prepared under (compact JSON: format, Tessera version, input size, SHA-256 and
   *     selection, tokenizer key, vocabulary settings), suitable as a data fingerprint in a model's provenance
   */
  public String key() {
    return key;
  }

  /** Closes the file. Reading afterwards throws {@link IllegalStateException}; closing twice is harmless. */
  @Override
  public void close() {
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("cannot close {}: {}", file, e.toString());
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("prepared corpus " + file + " is closed");
    }
  }

  @Override
  public String toString() {
    return "PreparedCorpus[" + file + ", " + documents + " documents, " + tokens + " tokens, " + vocabulary + "]";
  }
}
