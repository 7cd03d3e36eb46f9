package io.tessera.text;

import io.tessera.api.BadInputException;
import io.tessera.api.ModelFormatException;
import io.tessera.internal.text.FarmHash;
import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable mapping between words and dense integer ids, with the statistics the model families need: each
 * word's corpus count and, when built from documents, its document frequency.
 *
 * <h2>Id layout</h2>
 * <pre>
 *   [padding id 0]  [OOV id]  words by descending count ...  [hashed OOV buckets ...]
 *   |&lt;--------------------- size() ---------------------&gt;|&lt;--- numBuckets() ---&gt;|
 *   |&lt;------------------------------- numIds() ---------------------------------&gt;|
 * </pre>
 * <ul>
 *   <li>With {@code padding(true)} id 0 is reserved for padding ({@link #PAD}), as in Keras, where index 0 is
 *       never a word and {@code pad_sequences} fills with 0. {@link #decode} skips it.</li>
 *   <li>With {@code oov(true)} the next id ({@link #OOV}, 1 after padding) stands for every unknown word, as
 *       Keras's {@code Tokenizer(oov_token=...)} and TensorFlow's {@code TextVectorization} do.</li>
 *   <li>With {@code oovBuckets(b)} unknown words are instead spread over {@code b} ids after the words, as in
 *       TensorFlow's {@code tf.lookup.StaticVocabularyTable}: {@code id = size() + Fingerprint64(utf8(word))
 *       mod b}, with FarmHash's {@code Fingerprint64} read as an unsigned 64-bit number. It is the same hash
 *       TensorFlow uses, so bucket ids agree with TensorFlow's; the hash depends only on the word's bytes, so
 *       ids never change between runs, JVMs or machines.</li>
 *   <li>With neither, {@link #encode} drops unknown words, like Keras's {@code texts_to_sequences} without an
 *       OOV token and gensim's Word2Vec.</li>
 * </ul>
 *
 * <h2>Which words are kept</h2>
 * Words are ranked by descending count; equal counts are ordered by {@link TieBreak#FIRST_SEEN} (the order of
 * first occurrence, as Keras's {@code Tokenizer} and gensim do; the default) or
 * {@link TieBreak#LEXICOGRAPHIC} (by code point, independent of input order). Words with a count below
 * {@code minCount}, and, when document frequencies are known, words in fewer than {@code minDocCount} documents
 * or in more than {@code floor(maxDocFraction * documents)} documents (gensim's {@code filter_extremes}
 * {@code no_below}/{@code no_above}) are dropped. The first {@code maxSize - reserved} remaining words are
 * kept, so that {@code size() <= maxSize}: like Keras's {@code num_words} (only ids below it are used, 0 being
 * reserved) and TensorFlow's {@code max_tokens} (which counts the padding and OOV entries). For example
 * {@code maxSize(300).padding(true).oov(true)} keeps the 298 most frequent words with ids 2..299. Unlike
 * Keras, dropped words are not kept in the table. A word equal to an enabled reserved token ({@code <pad>},
 * {@code <unk>}) is not counted as a word; it maps to the reserved id.
 *
 * <p>Reserved ids have count 0 and document frequency 0.
 *
 * <h2>Storage</h2>
 * {@link #writeTo} stores the vocabulary in a model file as the string list {@code <prefix>words} (all
 * {@link #size()} entries in id order, reserved tokens included; {@link TensorWriter#putStrings} writes it as
 * UTF-8 bytes plus {@code <prefix>words.offsets}), the I64 tensors {@code <prefix>counts} and,
 * if known, {@code <prefix>document_frequencies}, and metadata keys {@code <prefix>format},
 * {@code <prefix>padding}, {@code <prefix>oov}, {@code <prefix>oov_buckets}, {@code <prefix>oov_hash} and
 * {@code <prefix>documents}; {@link #readFrom} validates and restores it.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Vocabulary {

  /** The token of the padding id. */
  public static final String PAD = "<pad>";
  /** The token of the single out-of-vocabulary id, and how {@link #decode} shows bucket ids. */
  public static final String OOV = "<unk>";
  /** The name stored with hashed buckets, so that a file is never read with a different hash. */
  public static final String OOV_HASH = "farmhash-fingerprint64";

  private static final String FORMAT = "tessera-vocabulary/1";

  /** How words with equal counts are ordered. */
  public enum TieBreak {
    /** The word seen first in the corpus comes first (Keras, gensim). */
    FIRST_SEEN,
    /** Words are ordered by Unicode code point, whatever the input order. */
    LEXICOGRAPHIC
  }

  private final String[] words;
  private final long[] counts;
  private final long[] documentFrequencies;
  private final long documentCount;
  private final boolean padding;
  private final boolean oov;
  private final int buckets;
  private final Map<String, Integer> ids;
  private final List<String> wordList;

  private Vocabulary(String[] words, long[] counts, long[] documentFrequencies, long documentCount,
                     boolean padding, boolean oov, int buckets) {
    this.words = words;
    this.counts = counts;
    this.documentFrequencies = documentFrequencies;
    this.documentCount = documentCount;
    this.padding = padding;
    this.oov = oov;
    this.buckets = buckets;
    this.ids = HashMap.newHashMap(words.length);
    for (int i = 0; i < words.length; i++) {
      if (ids.put(words[i], i) != null) {
        throw BadInputException.word(words[i], "appears twice in the vocabulary");
      }
    }
    this.wordList = List.of(words);
  }

  /** @return a builder with neutral defaults: no reserved ids, no OOV handling, min count 1, no size limit */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- sizes and layout

  /** @return the number of entries in the table: reserved ids plus words (not counting hashed buckets) */
  public int size() {
    return words.length;
  }

  /** @return the number of hashed OOV buckets after the words */
  public int numBuckets() {
    return buckets;
  }

  /** @return every id {@link #idOrOov} can return: {@code size() + numBuckets()}, an embedding's row count */
  public int numIds() {
    return words.length + buckets;
  }

  /** @return the number of reserved ids before the first word (0, 1 or 2) */
  public int reserved() {
    return (padding ? 1 : 0) + (oov ? 1 : 0);
  }

  /** @return the number of real words: {@code size() - reserved()} */
  public int wordCount() {
    return words.length - reserved();
  }

  /** @return the padding id (0), or -1 without padding */
  public int paddingId() {
    return padding ? 0 : -1;
  }

  /** @return the single OOV id, or -1 without one */
  public int oovId() {
    return oov ? (padding ? 1 : 0) : -1;
  }

  // ---------------------------------------------------------------- lookups

  /** @return whether {@code word} has its own id (reserved tokens included) */
  public boolean contains(String word) {
    return ids.containsKey(word);
  }

  /** @return the id of {@code word}, or -1 when it has none of its own (see {@link #idOrOov}) */
  public int id(String word) {
    Integer id = ids.get(word);
    return id == null ? -1 : id;
  }

  /**
   * @return the id {@link #encode} uses for {@code word}: its own id, else its hashed bucket, else the OOV id,
   *     else -1 (the word is dropped)
   */
  public int idOrOov(String word) {
    Integer id = ids.get(word);
    if (id != null) {
      return id;
    }
    if (buckets > 0) {
      return words.length + (int) Long.remainderUnsigned(FarmHash.fingerprint64(word), buckets);
    }
    return oovId();
  }

  /** @return the word (or reserved token) with id {@code id} in {@code [0, size())} */
  public String word(int id) {
    return words[Objects.checkIndex(id, words.length)];
  }

  /** @return the corpus count of the word with id {@code id} in {@code [0, size())}; 0 for reserved ids */
  public long count(int id) {
    return counts[Objects.checkIndex(id, words.length)];
  }

  /** @return whether the vocabulary was built from documents, so that document frequencies are known */
  public boolean hasDocumentFrequencies() {
    return documentFrequencies != null;
  }

  /**
   * @return the number of documents containing the word with id {@code id}; 0 for reserved ids
   * @throws IllegalStateException when the vocabulary was not built from documents
   */
  public long documentFrequency(int id) {
    if (documentFrequencies == null) {
      throw new IllegalStateException("this vocabulary was not built from documents, so it has no document "
          + "frequencies");
    }
    return documentFrequencies[Objects.checkIndex(id, words.length)];
  }

  /** @return the number of documents the vocabulary was built from (0 when not built from documents) */
  public long documentCount() {
    return documentCount;
  }

  /** @return the sum of the counts of the words kept (the corpus length after dropping unknown words) */
  public long totalCount() {
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    return sum;
  }

  /** @return all entries in id order, reserved tokens included (unmodifiable) */
  public List<String> words() {
    return wordList;
  }

  /** @return a copy of the counts in id order */
  public long[] counts() {
    return counts.clone();
  }

  /**
   * @return a copy of the document frequencies in id order
   * @throws IllegalStateException when the vocabulary was not built from documents
   */
  public long[] documentFrequencies() {
    if (documentFrequencies == null) {
      throw new IllegalStateException("this vocabulary was not built from documents, so it has no document "
          + "frequencies");
    }
    return documentFrequencies.clone();
  }

  // ---------------------------------------------------------------- encoding

  /** @return the ids of {@code tokens} by {@link #idOrOov}; unknown tokens are dropped when that gives -1 */
  public int[] encode(List<String> tokens) {
    int[] out = new int[tokens.size()];
    int k = 0;
    for (String t : tokens) {
      int id = idOrOov(t);
      if (id >= 0) {
        out[k++] = id;
      }
    }
    return k == out.length ? out : Arrays.copyOf(out, k);
  }

  /** @return the ids of {@code text}'s tokens, as {@code encode(tokenizer.tokenize(text))} */
  public int[] encode(CharSequence text, Tokenizer tokenizer) {
    return encode(tokenizer.tokenize(text));
  }

  /**
   * @return the words of {@code ids}, skipping padding ids (as Keras's {@code sequences_to_texts} does);
   *     bucket ids come back as {@link #OOV}
   * @throws BadInputException when an id lies outside {@code [0, numIds())}
   */
  public List<String> decode(int[] ids) {
    List<String> out = new ArrayList<>(ids.length);
    int pad = paddingId();
    for (int id : ids) {
      if (id < 0 || id >= numIds()) {
        throw BadInputException.of("id " + id + " lies outside the vocabulary's ids [0, " + numIds() + ")");
      }
      if (id != pad) {
        out.add(id < words.length ? words[id] : OOV);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- storage

  /**
   * Adds this vocabulary to {@code writer} under {@code prefix} (such as {@code "vocab."}), so that several
   * vocabularies can share a file.
   */
  public void writeTo(TensorWriter writer, String prefix) {
    writer.putStrings(prefix + "words", wordList);
    writer.putLongs(prefix + "counts", counts, counts.length);
    if (documentFrequencies != null) {
      writer.putLongs(prefix + "document_frequencies", documentFrequencies, documentFrequencies.length);
    }
    writer.metadata(prefix + "format", FORMAT);
    writer.metadata(prefix + "padding", Boolean.toString(padding));
    writer.metadata(prefix + "oov", Boolean.toString(oov));
    writer.metadata(prefix + "oov_buckets", Integer.toString(buckets));
    if (buckets > 0) {
      writer.metadata(prefix + "oov_hash", OOV_HASH);
    }
    writer.metadata(prefix + "documents", Long.toString(documentCount));
  }

  /**
   * Reads the vocabulary {@link #writeTo} stored under {@code prefix}.
   *
   * @throws ModelFormatException naming the file and the entry when it is missing, of an unknown format or
   *     inconsistent
   */
  public static Vocabulary readFrom(TensorFile file, String prefix) {
    Map<String, String> meta = file.metadata();
    String where = file.path() + ": vocabulary '" + prefix + "'";
    String format = meta.get(prefix + "format");
    if (format == null) {
      throw new ModelFormatException(where + " not found (no metadata key '" + prefix + "format')");
    }
    if (!format.equals(FORMAT)) {
      throw new ModelFormatException(where + " has format '" + format + "'; this version reads " + FORMAT);
    }
    boolean padding = flag(meta, prefix + "padding", where);
    boolean oov = flag(meta, prefix + "oov", where);
    long buckets = number(meta, prefix + "oov_buckets", where, Integer.MAX_VALUE);
    long documents = number(meta, prefix + "documents", where, Long.MAX_VALUE);
    if (buckets > 0 && !OOV_HASH.equals(meta.get(prefix + "oov_hash"))) {
      throw new ModelFormatException(where + " hashes OOV words with '" + meta.get(prefix + "oov_hash")
          + "'; this version knows only " + OOV_HASH);
    }
    List<String> words = file.strings(prefix + "words");
    long[] counts = file.longs(prefix + "counts", words.size());
    String dfName = prefix + "document_frequencies";
    long[] df = file.has(dfName) ? file.longs(dfName, words.size()) : null;
    int reserved = (padding ? 1 : 0) + (oov ? 1 : 0);
    if (words.size() < reserved || (padding && !words.get(0).equals(PAD))
        || (oov && !words.get(reserved - 1).equals(OOV))) {
      throw new ModelFormatException(where + " does not start with its reserved tokens"
          + (padding ? " " + PAD : "") + (oov ? " " + OOV : ""));
    }
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).isEmpty()) {
        throw new ModelFormatException(where + " has an empty word at id " + i);
      }
      if (counts[i] < 0 || (df != null && (df[i] < 0 || df[i] > documents))) {
        throw new ModelFormatException(where + " has an impossible count or document frequency at id " + i
            + " ('" + words.get(i) + "')");
      }
    }
    try {
      return new Vocabulary(words.toArray(String[]::new), counts, df, documents, padding, oov, (int) buckets);
    } catch (BadInputException e) {
      throw new ModelFormatException(where + ": " + e.getMessage(), e);
    }
  }

  private static boolean flag(Map<String, String> meta, String key, String where) {
    String v = meta.get(key);
    if (!"true".equals(v) && !"false".equals(v)) {
      throw new ModelFormatException(where + ": metadata '" + key + "' must be true or false, got " + v);
    }
    return Boolean.parseBoolean(v);
  }

  private static long number(Map<String, String> meta, String key, String where, long max) {
    String v = meta.get(key);
    long n = -1;
    if (v != null) {
      try {
        n = Long.parseLong(v);
      } catch (NumberFormatException e) {
        n = -1;
      }
    }
    if (n < 0 || n > max) {
      throw new ModelFormatException(where + ": metadata '" + key + "' must be an integer in [0, " + max
          + "], got " + v);
    }
    return n;
  }

  // ---------------------------------------------------------------- value semantics

  @Override
  public boolean equals(Object o) {
    return o instanceof Vocabulary v && padding == v.padding && oov == v.oov && buckets == v.buckets
        && documentCount == v.documentCount && Arrays.equals(words, v.words) && Arrays.equals(counts, v.counts)
        && Arrays.equals(documentFrequencies, v.documentFrequencies);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(words), Arrays.hashCode(counts), buckets, padding, oov);
  }

  @Override
  public String toString() {
    return "Vocabulary{" + wordCount() + " words" + (padding ? ", padding" : "") + (oov ? ", oov" : "")
        + (buckets > 0 ? ", " + buckets + " oov buckets" : "") + "}";
  }

  // ---------------------------------------------------------------- builder

  /** Chooses the reserved ids and which words to keep, then builds from counts, documents or a word list. */
  public static final class Builder {
    private long minCount = 1;
    private int maxSize = Integer.MAX_VALUE;
    private long minDocCount = 1;
    private double maxDocFraction = 1.0;
    private boolean padding;
    private boolean oov;
    private int oovBuckets;
    private TieBreak tieBreak = TieBreak.FIRST_SEEN;

    private Builder() {
    }

    /** Drops words seen fewer than {@code count} times (default 1: keep all; gensim's {@code min_count}). */
    public Builder minCount(long count) {
      if (count < 1) {
        throw BadInputException.parameter("min_count", count + " is outside the allowed range [1, inf)");
      }
      this.minCount = count;
      return this;
    }

    /**
     * Keeps at most {@code size} entries, reserved ids included (Keras's {@code num_words}, TensorFlow's
     * {@code max_tokens}); the default is no limit.
     */
    public Builder maxSize(int size) {
      if (size < 1) {
        throw BadInputException.parameter("max_size", size + " is outside the allowed range [1, inf)");
      }
      this.maxSize = size;
      return this;
    }

    /** Drops words found in fewer than {@code documents} documents (gensim's {@code no_below}; default 1). */
    public Builder minDocCount(long documents) {
      if (documents < 1) {
        throw BadInputException.parameter("min_doc_count", documents + " is outside the allowed range [1, inf)");
      }
      this.minDocCount = documents;
      return this;
    }

    /**
     * Drops words found in more than {@code floor(fraction * documents)} documents (gensim's {@code no_above};
     * default 1: keep all).
     */
    public Builder maxDocFraction(double fraction) {
      if (!(fraction > 0 && fraction <= 1)) {
        throw BadInputException.parameter("max_doc_fraction", fraction + " is outside the allowed range (0, 1]");
      }
      this.maxDocFraction = fraction;
      return this;
    }

    /** Reserves id 0 for padding (default false). */
    public Builder padding(boolean on) {
      this.padding = on;
      return this;
    }

    /** Reserves one id, after padding, for every unknown word (default false). */
    public Builder oov(boolean on) {
      this.oov = on;
      return this;
    }

    /** Maps unknown words to {@code buckets} hashed ids after the words (default 0: none). */
    public Builder oovBuckets(int buckets) {
      if (buckets < 0) {
        throw BadInputException.parameter("oov_buckets", buckets + " is outside the allowed range [0, inf)");
      }
      this.oovBuckets = buckets;
      return this;
    }

    /** Chooses how words with equal counts are ordered (default {@link TieBreak#FIRST_SEEN}). */
    public Builder tieBreak(TieBreak order) {
      this.tieBreak = Objects.requireNonNull(order, "order");
      return this;
    }

    /**
     * @return every setting of this builder as {@code key=value} text in a fixed order (keys are the parameter
     *     names of the errors above, plus {@code padding}, {@code oov} and {@code tie_break}); equal settings
     *     build equal vocabularies from equal counts, so the text can key a cache such as {@link PreparedCorpus}
     */
    public Map<String, String> settings() {
      Map<String, String> m = new java.util.LinkedHashMap<>();
      m.put("min_count", Long.toString(minCount));
      m.put("max_size", Integer.toString(maxSize));
      m.put("min_doc_count", Long.toString(minDocCount));
      m.put("max_doc_fraction", Double.toString(maxDocFraction));
      m.put("padding", Boolean.toString(padding));
      m.put("oov", Boolean.toString(oov));
      m.put("oov_buckets", Integer.toString(oovBuckets));
      m.put("tie_break", tieBreak.name().toLowerCase(java.util.Locale.ROOT));
      return java.util.Collections.unmodifiableMap(m);
    }

    /** Counts already tokenized documents and builds from them. */
    public Vocabulary build(Iterable<? extends Iterable<String>> documents) {
      return build(TokenCounts.ofDocuments(documents));
    }

    /**
     * Builds from counted tokens.
     *
     * @throws BadInputException when the reserved ids do not fit in {@code maxSize}, when a single OOV id is
     *     combined with hashed buckets, or when document filters are set but the counts have no document
     *     frequencies
     */
    public Vocabulary build(TokenCounts counts) {
      int reserved = checkLayout();
      boolean withDocs = counts.hasDocumentFrequencies();
      if (!withDocs && (minDocCount > 1 || maxDocFraction < 1)) {
        throw BadInputException.parameter(minDocCount > 1 ? "min_doc_count" : "max_doc_fraction",
            "needs document frequencies, but the counts were not made from documents only");
      }
      long maxDocs = withDocs ? (long) Math.floor(maxDocFraction * counts.documents()) : Long.MAX_VALUE;
      List<Candidate> kept = new ArrayList<>();
      counts.forEach((rank, token, count, df) -> {
        boolean reservedToken = (padding && token.equals(PAD)) || (oov && token.equals(OOV));
        if (!reservedToken && count >= minCount && (!withDocs || (df >= minDocCount && df <= maxDocs))) {
          kept.add(new Candidate(rank, token, count, df));
        }
      });
      Comparator<Candidate> byCount = Comparator.comparingLong(Candidate::count).reversed();
      kept.sort(tieBreak == TieBreak.FIRST_SEEN
          ? byCount.thenComparingInt(Candidate::rank)
          : byCount.thenComparing((a, b) -> compareCodePoints(a.token(), b.token())));
      int n = (int) Math.min(kept.size(), (long) maxSize - reserved);
      String[] words = new String[reserved + n];
      long[] wordCounts = new long[reserved + n];
      long[] df = withDocs ? new long[reserved + n] : null;
      reserve(words);
      for (int i = 0; i < n; i++) {
        Candidate c = kept.get(i);
        words[reserved + i] = c.token();
        wordCounts[reserved + i] = c.count();
        if (df != null) {
          df[reserved + i] = c.df();
        }
      }
      return new Vocabulary(words, wordCounts, df, withDocs ? counts.documents() : 0, padding, oov, oovBuckets);
    }

    /**
     * Builds from words already in id order (a word list file, pretrained vectors): reserved ids come first,
     * then {@code words} as given, cut to {@code maxSize}; counts are 0 and count filters do not apply.
     *
     * @throws BadInputException naming a word that is empty, repeated or equal to an enabled reserved token
     */
    public Vocabulary fromWords(List<String> words) {
      int reserved = checkLayout();
      int n = (int) Math.min(words.size(), (long) maxSize - reserved);
      String[] all = new String[reserved + n];
      reserve(all);
      for (int i = 0; i < n; i++) {
        String w = Objects.requireNonNull(words.get(i), "word");
        if (w.isEmpty() || (padding && w.equals(PAD)) || (oov && w.equals(OOV))) {
          throw BadInputException.word(w, "cannot be a vocabulary word (empty or reserved), at position " + i);
        }
        all[reserved + i] = w;
      }
      return new Vocabulary(all, new long[all.length], null, 0, padding, oov, oovBuckets);
    }

    private int checkLayout() {
      if (oov && oovBuckets > 0) {
        throw BadInputException.parameter("oov_buckets",
            "cannot be combined with a single OOV id: choose oov(true) or oovBuckets(n)");
      }
      int reserved = (padding ? 1 : 0) + (oov ? 1 : 0);
      if (maxSize <= reserved) {
        throw BadInputException.parameter("max_size", maxSize + " leaves no room for words after " + reserved
            + " reserved ids");
      }
      return reserved;
    }

    private void reserve(String[] words) {
      if (padding) {
        words[0] = PAD;
      }
      if (oov) {
        words[padding ? 1 : 0] = OOV;
      }
    }
  }

  /** A word that passed the filters, with its first-seen rank for tie-breaking. */
  private record Candidate(int rank, String token, long count, long df) {
  }

  /** Compares by Unicode code point (unlike {@link String#compareTo}, which compares UTF-16 units). */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
