import io.tessera.io.TextCorpus;
import io.tessera.text.korean.KoreanTokenizer;
import io.tessera.text.korean.Morpheme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Derives the Korean stopword list shipped in the api module (io/tessera/text/stopwords/korean.txt) from morpheme
 * statistics of two real corpora, so that the list has a stated, reproducible origin.
 *
 * <p>Run from the repository root after {@code mvn -pl text-korean -am compile}:
 * <pre>
 * java -cp text-korean/target/classes:api/target/classes:LUCENE_AND_SLF4J_JARS \
 *     scripts/korean/DeriveKoreanStopwords.java ../shared/data > korean-candidates.tsv
 * </pre>
 *
 * <p>Every document of NSMC (ratings_train, 150,000 reviews) and of the Seoul proposals (3,907) is analysed with the
 * korean tokenizer in mode=all (every morpheme, Nori's tags). For each morpheme form it counts the documents it
 * occurs in (per corpus) and its occurrences per tag. A form is a stopword when
 * <ol>
 *   <li>it occurs in at least 1% of the documents of both corpora (common in short reviews and in long formal
 *       proposals alike, so it is not a topic word of either), and</li>
 *   <li>at least 80% of its occurrences carry a grammatical tag: particles (J*), endings (E*), suffixes (XSN XSV
 *       XSA), the copula (VCP), dependent nouns and counters (NNB NNBC), pronouns (NP), determiners (MM),
 *       conjunctive adverbs (MAJ), auxiliary verbs (VX), or the light verbs 하/되 (VV), and</li>
 *   <li>it is not a negation: 않 안 못 못하 아니 없 never enter the list, whatever their statistics, because
 *       dropping them reverses meaning.</li>
 * </ol>
 * The output is TSV: form, list (1 = stopword), DF% NSMC, DF% Seoul, grammatical share, tags.
 */
public final class DeriveKoreanStopwords {
  private static final Set<String> NEGATIONS = Set.of("않", "안", "못", "못하", "아니", "없");
  private static final double MIN_DF = 0.01;
  private static final double MIN_GRAMMATICAL = 0.80;

  public static void main(String[] args) {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    KoreanTokenizer all = KoreanTokenizer.builder().mode(KoreanTokenizer.Mode.ALL).build();
    Stats nsmc = count(all, data.resolve("nsmc/ratings_train.tsv.gz"), "document");
    Stats seoul = count(all, data.resolve("korean/seoul-proposals.tsv.gz"), "text");
    List<String> forms = new ArrayList<>(nsmc.df.keySet());
    forms.retainAll(seoul.df.keySet());
    forms.sort((a, b) -> Double.compare(Math.min(seoul.dfShare(b), nsmc.dfShare(b)),
        Math.min(seoul.dfShare(a), nsmc.dfShare(a))));
    System.out.println("form\tstopword\tdf_nsmc_pct\tdf_seoul_pct\tgrammatical_pct\ttags");
    for (String f : forms) {
      double dfN = nsmc.dfShare(f);
      double dfS = seoul.dfShare(f);
      if (dfN < MIN_DF / 2 || dfS < MIN_DF / 2) {
        continue;
      }
      Map<String, Long> tags = new HashMap<>(nsmc.tags.get(f));
      seoul.tags.get(f).forEach((t, n) -> tags.merge(t, n, Long::sum));
      long total = 0;
      long grammatical = 0;
      for (Map.Entry<String, Long> e : tags.entrySet()) {
        total += e.getValue();
        if (isGrammatical(f, e.getKey())) {
          grammatical += e.getValue();
        }
      }
      double share = (double) grammatical / total;
      boolean stop = dfN >= MIN_DF && dfS >= MIN_DF && share >= MIN_GRAMMATICAL && !NEGATIONS.contains(f);
      System.out.printf(Locale.ROOT, "%s\t%d\t%.2f\t%.2f\t%.1f\t%s%n", f, stop ? 1 : 0, 100 * dfN, 100 * dfS,
          100 * share, tags);
    }
  }

  private static boolean isGrammatical(String form, String tag) {
    return tag.startsWith("J") || tag.startsWith("E") || tag.startsWith("XS")
        || Set.of("VCP", "NNB", "NNBC", "NP", "MM", "MAJ", "VX").contains(tag)
        || (tag.equals("VV") && (form.equals("하") || form.equals("되")));
  }

  private static final class Stats {
    long docs;
    final Map<String, Long> df = new HashMap<>();
    final Map<String, Map<String, Long>> tags = new HashMap<>();

    double dfShare(String form) {
      return df.getOrDefault(form, 0L) / (double) docs;
    }
  }

  private static Stats count(KoreanTokenizer tokenizer, Path file, String column) {
    Stats s = new Stats();
    try (Stream<String> docs = TextCorpus.column(file, column)) {
      docs.forEach(doc -> {
        s.docs++;
        Set<String> seen = new HashSet<>();
        for (Morpheme m : tokenizer.analyze(doc)) {
          seen.add(m.form());
          s.tags.computeIfAbsent(m.form(), k -> new HashMap<>()).merge(m.head(), 1L, Long::sum);
        }
        seen.forEach(f -> s.df.merge(f, 1L, Long::sum));
      });
    }
    return s;
  }
}
