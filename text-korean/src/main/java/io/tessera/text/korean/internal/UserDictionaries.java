package io.tessera.text.korean.internal;

import io.tessera.api.BadInputException;
import io.tessera.io.TextCorpus;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a Nori user dictionary file, checking every line first so that a mistake is reported with its file and
 * line (Nori itself sorts the entries before it looks at them, so its own errors cannot say where they are).
 *
 * <p>The format is Nori's: UTF-8, one noun per line, optionally followed by the parts it is made of, separated by
 * white space ({@code 세종시 세종 시}); {@code #} starts a comment that runs to the end of the line; blank lines are
 * ignored. On top of what Nori accepts, the parts must spell the word exactly (Nori only checks that they are not
 * longer, and would silently cut a word whose parts differ from it), a word defined twice must be defined the same
 * way, and commas are refused because they mean a MeCab CSV entry (tags and costs) was pasted in.
 */
public final class UserDictionaries {
  private static final Logger LOG = LoggerFactory.getLogger(UserDictionaries.class);

  private UserDictionaries() {
  }

  /**
   * @return the dictionary, or null when the file has no entries (only comments and blank lines)
   * @throws BadInputException naming the file and line of the first bad entry, or the file when it is missing
   */
  public static UserDictionary load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw BadInputException.inFile(file, 0, "user dictionary not found (a UTF-8 text file with one noun per line)");
    }
    StringBuilder entries = new StringBuilder();
    Map<String, Long> definedOn = new HashMap<>();
    Map<String, String> definitions = new HashMap<>();
    long lineNo = 0;
    try (Stream<String> lines = TextCorpus.lines(file)) {
      for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
        String raw = it.next();
        lineNo++;
        String entry = check(file, lineNo, raw);
        if (entry == null) {
          continue;
        }
        String word = entry.split(" ", 2)[0];
        String before = definitions.putIfAbsent(word, entry);
        if (before != null && !before.equals(entry)) {
          throw BadInputException.inFile(file, lineNo, "'" + word + "' is already defined differently on line "
              + definedOn.get(word) + " ('" + before + "')");
        }
        definedOn.putIfAbsent(word, lineNo);
        entries.append(entry).append('\n');
      }
    }
    if (entries.isEmpty()) {
      LOG.warn("user dictionary {} has no entries; tokenizing with the system dictionary only", file);
      return null;
    }
    try {
      return UserDictionary.open(new StringReader(entries.toString()));
    } catch (IOException | RuntimeException e) {
      throw BadInputException.inFile(file, 0, 0, "Nori cannot build a user dictionary from it: " + e.getMessage(), e);
    }
  }

  /**
   * @return the line as a canonical entry ({@code word} or {@code word part part ...}, single spaces, NFC), or
   *     null for a blank or comment line
   */
  static String check(Path file, long lineNo, String raw) {
    int hash = raw.indexOf('#');
    String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
    if (line.isEmpty()) {
      return null;
    }
    line = Normalizer.normalize(line, Normalizer.Form.NFC);
    if (line.indexOf(',') >= 0) {
      throw BadInputException.inFile(file, lineNo, "'" + line + "' contains a comma: Nori's user dictionary is not"
          + " MeCab CSV; write one noun per line, optionally followed by its parts (세종시 세종 시)");
    }
    String[] fields = line.split("\\s+");
    if (fields.length == 1) {
      return fields[0];
    }
    String[] parts = Arrays.copyOfRange(fields, 1, fields.length);
    if (!String.join("", parts).equals(fields[0])) {
      throw BadInputException.inFile(file, lineNo, "the parts " + String.join(" + ", parts) + " do not spell '"
          + fields[0] + "'; write the word, then the parts it is made of (세종시 세종 시). Nori's user words are nouns"
          + " and take no tag");
    }
    return String.join(" ", fields);
  }
}
