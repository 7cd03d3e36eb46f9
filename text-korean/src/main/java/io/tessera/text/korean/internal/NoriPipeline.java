package io.tessera.text.korean.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.KoMorphData;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ko.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Runs Nori over one text and turns its tokens into Tessera's morphemes: splits inflected forms into stem and
 * endings, keeps or splits compound nouns, joins noun prefixes to their noun, keeps the tags of the mode, applies
 * Hanja readings and lower-cases.
 *
 * <p>Nori always runs with {@code DecompoundMode.NONE}, so each token arrives with its full analysis and the
 * decompounding is decided here: Nori's own modes split inflected forms and compounds together, but a stem is
 * needed in every mode while a compound noun is often best kept whole.
 *
 * <p>Thread-safe. A Lucene tokenizer is not, so each call borrows one from a pool and returns it; the pool grows to
 * the number of threads that tokenize at once. The dictionaries behind every pooled tokenizer are Nori's
 * process-wide singletons (loaded once) plus the one shared, read-only user dictionary.
 */
public final class NoriPipeline {

  /** Receives the morphemes of a text in order. */
  @FunctionalInterface
  public interface Sink {
    /**
     * @param form the token text
     * @param tags its tag, or several joined by {@code +}
     */
    void accept(String form, String tags);
  }

  /** What a noun prefix (XPN) joins: nouns and roots ({@code 비+급여}, {@code 무+개념}, {@code 초+강력}). */
  private static final Set<POS.Tag> PREFIX_HEADS = EnumSet.of(POS.Tag.NNG, POS.Tag.NNP, POS.Tag.XR);

  private final UserDictionary userDictionary;
  private final Set<POS.Tag> keep;
  private final boolean keepCompounds;
  private final boolean splitCompounds;
  private final boolean joinPrefix;
  private final boolean hanja;
  private final boolean lowercase;
  private final ConcurrentLinkedQueue<Session> idle = new ConcurrentLinkedQueue<>();

  /**
   * @param userDictionary Nori user dictionary, or null
   * @param keep           the head tags to keep, or null for every tag
   * @param keepCompounds  emit a compound noun as one token
   * @param splitCompounds emit the parts of a compound noun (both flags: the whole, then its parts)
   * @param joinPrefix     join a noun prefix to the noun or root right after it
   * @param hanja          replace Hanja by its Hangul reading where the dictionary has one
   * @param lowercase      lower-case tokens ({@link Locale#ROOT})
   */
  public NoriPipeline(UserDictionary userDictionary, Set<POS.Tag> keep, boolean keepCompounds, boolean splitCompounds,
                      boolean joinPrefix, boolean hanja, boolean lowercase) {
    if (!keepCompounds && !splitCompounds) {
      throw new IllegalArgumentException("a compound must be kept, split, or both");
    }
    this.userDictionary = userDictionary;
    this.keep = keep == null ? null : EnumSet.copyOf(keep);
    this.keepCompounds = keepCompounds;
    this.splitCompounds = splitCompounds;
    this.joinPrefix = joinPrefix;
    this.hanja = hanja;
    this.lowercase = lowercase;
    // Built now rather than on the first text: loads Nori's dictionaries (a one-time cost per JVM) up front.
    idle.add(new Session());
  }

  /** Analyses {@code text} (NFC-normalised by the caller) and passes its morphemes to {@code sink} in order. */
  public void run(String text, Sink sink) {
    Session s = idle.poll();
    if (s == null) {
      s = new Session();
    }
    s.run(text, sink);
    // Returned only after a clean run: a tokenizer left mid-stream by an exception is dropped, not reused.
    idle.offer(s);
  }

  /** One Lucene tokenizer and the state of the text it is working on. */
  private final class Session {
    private final KoreanTokenizer nori = new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
        userDictionary, KoreanTokenizer.DecompoundMode.NONE, false, true);
    private final CharTermAttribute term = nori.addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = nori.addAttribute(OffsetAttribute.class);
    private final PartOfSpeechAttribute pos = nori.addAttribute(PartOfSpeechAttribute.class);
    private final ReadingAttribute reading = nori.addAttribute(ReadingAttribute.class);
    /** Noun prefixes waiting for the token after them, which they join when it is adjacent and a noun. */
    private final List<String> prefixes = new ArrayList<>(2);
    private int prefixEnd;
    private Sink sink;

    void run(String text, Sink out) {
      this.sink = out;
      prefixes.clear();
      try {
        nori.setReader(new StringReader(text));
        nori.reset();
        while (nori.incrementToken()) {
          token();
        }
        flushPrefixes();
        nori.end();
      } catch (IOException e) {
        throw new UncheckedIOException("Nori failed on an in-memory text", e);
      } finally {
        sink = null;
        try {
          nori.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    private void token() {
      String surface = term.toString();
      int start = offset.startOffset();
      KoMorphData.Morpheme[] parts = pos.getMorphemes();
      POS.Type type = pos.getPOSType();
      if (type == POS.Type.MORPHEME || parts == null || parts.length == 0) {
        POS.Tag tag = orUnknown(pos.getLeftPOS());
        unit(readable(surface, reading.getReading()), tag.name(), tag, start, offset.endOffset());
      } else if (type == POS.Type.COMPOUND) {
        compound(surface, parts, start);
      } else {
        // Inflected forms and pre-analysed expressions: always stem + endings, which is what the modes filter.
        for (KoMorphData.Morpheme m : parts) {
          unit(m.surfaceForm(), m.posTag().name(), m.posTag(), start, offset.endOffset());
        }
      }
    }

    private void compound(String surface, KoMorphData.Morpheme[] parts, int start) {
      String read = reading.getReading();
      if (keepCompounds) {
        StringBuilder tags = new StringBuilder();
        for (KoMorphData.Morpheme m : parts) {
          tags.append(tags.isEmpty() ? "" : "+").append(m.posTag().name());
        }
        POS.Tag head = parts[parts.length - 1].posTag();
        unit(readable(surface, read), tags.toString(), head, start, offset.endOffset());
      }
      if (splitCompounds) {
        // Hanja reads one Hangul syllable per character, so a part's reading is the same slice of the whole's.
        boolean sliceable = read != null && read.length() == surface.length();
        int at = 0;
        for (KoMorphData.Morpheme m : parts) {
          String form = m.surfaceForm();
          int to = Math.min(surface.length(), at + form.length());
          String partReading = sliceable && surface.startsWith(form, at) ? read.substring(at, to) : null;
          unit(readable(form, partReading), m.posTag().name(), m.posTag(), start + at, start + to);
          at = to;
        }
      }
    }

    /** Handles one analysed token: holds noun prefixes back to join them, otherwise filters and emits. */
    private void unit(String form, String tags, POS.Tag head, int start, int end) {
      if (joinPrefix && head == POS.Tag.XPN) {
        if (!prefixes.isEmpty() && prefixEnd != start) {
          flushPrefixes();
        }
        prefixes.add(form);
        prefixEnd = end;
        return;
      }
      if (!prefixes.isEmpty()) {
        if (prefixEnd == start && PREFIX_HEADS.contains(head)) {
          emit(String.join("", prefixes) + form, "XPN+".repeat(prefixes.size()) + tags, head);
          prefixes.clear();
          return;
        }
        flushPrefixes();
      }
      emit(form, tags, head);
    }

    /** Emits prefixes that found no noun to join (text ended, a space or another part of speech followed). */
    private void flushPrefixes() {
      for (String p : prefixes) {
        emit(p, POS.Tag.XPN.name(), POS.Tag.XPN);
      }
      prefixes.clear();
    }

    private void emit(String form, String tags, POS.Tag head) {
      if (keep == null || keep.contains(head)) {
        sink.accept(lowercase ? form.toLowerCase(Locale.ROOT) : form, tags);
      }
    }

    private String readable(String form, String hangulReading) {
      return hanja && hangulReading != null && containsHan(form) ? hangulReading : form;
    }
  }

  private static POS.Tag orUnknown(POS.Tag tag) {
    return tag == null ? POS.Tag.UNKNOWN : tag;
  }

  /** Only Hanja is replaced: Nori also gives readings for other tokens (ㅋㅋ reads 크크), which must stay. */
  private static boolean containsHan(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }
}
