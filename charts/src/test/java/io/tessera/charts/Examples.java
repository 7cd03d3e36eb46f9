package io.tessera.charts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One chart of each kind, built from the real samples committed next to these tests (see make_fixtures.py there):
 * the tests check them and {@link DocsImages} writes them to docs/img.
 */
final class Examples {
  /** Iris species in Korean, the way a Korean report would label them. */
  static final Map<String, String> SPECIES_KO = Map.of("setosa", "세토사", "versicolor", "버시컬러",
      "virginica", "버지니카");

  private Examples() {
  }

  // ---- line charts

  /** Seattle's hourly temperature over three weeks against the naive forecast "same as 24 hours earlier". */
  static LineChart forecastVsActual() {
    List<String[]> rows = csv("seattle-temps-3weeks.csv");
    DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    List<LocalDateTime> times = new ArrayList<>();
    double[] actual = new double[rows.size() - 24];
    double[] forecast = new double[rows.size() - 24];
    for (int i = 24; i < rows.size(); i++) {
      times.add(LocalDateTime.parse(rows.get(i)[0], f));
      actual[i - 24] = fahrenheitToCelsius(Double.parseDouble(rows.get(i)[1]));
      forecast[i - 24] = fahrenheitToCelsius(Double.parseDouble(rows.get(i - 24)[1]));
    }
    return LineChart.builder("시애틀 시간별 기온, 2010년 1월: 실측과 예측", "date (hourly)", "기온 (°C)")
        .dateSeries("실측 (actual)", times, actual)
        .dateSeries("예측: 24시간 전 값 (forecast)", times, forecast)
        .build();
  }

  /**
   * Training and validation loss per epoch of a real, tiny fit: next-hour temperature from the current hour
   * ({@code y = a x + b}, standardised), by full-batch gradient descent on the first two weeks, validated on the
   * third.
   */
  static LineChart lossPerEpoch(int epochs) {
    List<String[]> rows = csv("seattle-temps-3weeks.csv");
    double[] t = rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray();
    double mean = Arrays.stream(t).average().orElseThrow();
    double sd = Math.sqrt(Arrays.stream(t).map(v -> (v - mean) * (v - mean)).sum() / t.length);
    double[] z = Arrays.stream(t).map(v -> (v - mean) / sd).toArray();
    int split = 14 * 24;
    double a = 0;
    double b = 0;
    double[] train = new double[epochs];
    double[] valid = new double[epochs];
    for (int e = 0; e < epochs; e++) {
      double ga = 0;
      double gb = 0;
      for (int i = 0; i + 1 < split; i++) {
        double err = a * z[i] + b - z[i + 1];
        ga += err * z[i];
        gb += err;
      }
      a -= 0.05 * 2 * ga / (split - 1);
      b -= 0.05 * 2 * gb / (split - 1);
      train[e] = mse(z, 0, split, a, b);
      valid[e] = mse(z, split, z.length, a, b);
    }
    return LineChart.builder("학습 손실 (loss per epoch)", "epoch", "mean squared error")
        .series("training", train).series("validation", valid).build();
  }

  private static double mse(double[] z, int from, int to, double a, double b) {
    double s = 0;
    for (int i = from; i + 1 < to; i++) {
      double err = a * z[i] + b - z[i + 1];
      s += err * err;
    }
    return s / (to - from - 1);
  }

  private static double fahrenheitToCelsius(double f) {
    return (f - 32) * 5 / 9;
  }

  // ---- scatter plots

  /** Iris petals, coloured by species (named in Korean). */
  static ScatterChart irisPetals() {
    ScatterChart.Builder b = ScatterChart.builder("붓꽃 (iris): 꽃잎 길이와 너비", "petal length (cm)",
        "petal width (cm)");
    for (String[] r : csv("iris.csv")) {
      b.point(Double.parseDouble(r[2]), Double.parseDouble(r[3]), SPECIES_KO.get(r[4]));
    }
    return b.build();
  }

  /**
   * A word map with Korean labels: the 40 most frequent words of the proposal titles, placed by how often they
   * occur in 2018's and in 2019's titles, coloured by the year they are more frequent in.
   */
  static ScatterChart wordMap() {
    Map<String, Map<String, Integer>> byYear = wordCountsByYear();
    Map<String, Integer> total = new HashMap<>();
    byYear.values().forEach(m -> m.forEach((w, c) -> total.merge(w, c, Integer::sum)));
    List<String> top = byValueDescending(total).subList(0, 40);
    ScatterChart.Builder b = ScatterChart.builder("서울 시민제안 제목의 단어 빈도: 2018년 대 2019년",
        "2018년 제목 200건 중 빈도", "2019년 제목 200건 중 빈도");
    for (String w : top) {
      int c18 = byYear.get("2018").getOrDefault(w, 0);
      int c19 = byYear.get("2019").getOrDefault(w, 0);
      String group = c18 > c19 ? "2018년에 더 많음" : c19 > c18 ? "2019년에 더 많음" : "같음";
      b.labelledPoint(c18, c19, group, w);
    }
    return b.build();
  }

  // ---- bar panels

  /** The eight most frequent words of the proposal titles of each year, one panel per year. */
  static BarPanels topWordsPerYear(int n) {
    BarPanels.Builder b = BarPanels.builder("서울 시민제안 제목의 상위 단어 (연도별 200건)", "빈도 (건)");
    wordCountsByYear().forEach((year, counts) -> {
      List<String> top = byValueDescending(counts).subList(0, n);
      b.panel(year + "년", top, top.stream().mapToDouble(counts::get).toArray());
    });
    return b.build();
  }

  /** Year → word → number of titles containing it; words are space-separated tokens stripped of punctuation. */
  static Map<String, Map<String, Integer>> wordCountsByYear() {
    Map<String, Map<String, Integer>> byYear = new TreeMap<>();
    for (String[] r : tsv("seoul-proposal-titles.tsv")) {
      Map<String, Integer> counts = byYear.computeIfAbsent(r[1].substring(0, 4), y -> new HashMap<>());
      r[2].lines().flatMap(l -> Arrays.stream(l.split("\\s+")))
          .map(w -> w.replaceAll("[^\\p{IsHangul}\\p{IsAlphabetic}\\p{IsDigit}]", ""))
          .filter(w -> w.length() >= 2).distinct()
          .forEach(w -> counts.merge(w, 1, Integer::sum));
    }
    return byYear;
  }

  // ---- dendrogram

  /** USArrests, Ward linkage of the z-scored columns, as SciPy computed it. */
  static Dendrogram usArrests() {
    List<String> states = csv("usarrests.csv").stream().map(r -> r[0]).toList();
    return Dendrogram.builder("미국 주별 범죄 통계 (USArrests): 와드 연결", "Ward distance (z-scored)", linkage())
        .leafLabels(states).build();
  }

  /** @return the committed SciPy linkage of USArrests */
  static double[][] linkage() {
    return csv("usarrests-ward-linkage.csv").stream()
        .map(r -> Arrays.stream(r).mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
  }

  // ---- heatmap

  /**
   * The confusion matrix of a nearest-class-mean classifier on iris's two sepal measurements (fitted and scored
   * on all 150 flowers), with the species named in Korean.
   */
  static Heatmap irisConfusion() {
    List<String[]> rows = csv("iris.csv");
    List<String> species = List.of("setosa", "versicolor", "virginica");
    double[][] sum = new double[3][2];
    int[] n = new int[3];
    for (String[] r : rows) {
      int s = species.indexOf(r[4]);
      sum[s][0] += Double.parseDouble(r[0]);
      sum[s][1] += Double.parseDouble(r[1]);
      n[s]++;
    }
    long[][] counts = new long[3][3];
    for (String[] r : rows) {
      double x = Double.parseDouble(r[0]);
      double y = Double.parseDouble(r[1]);
      int best = 0;
      double bestD = Double.POSITIVE_INFINITY;
      for (int s = 0; s < 3; s++) {
        double dx = x - sum[s][0] / n[s];
        double dy = y - sum[s][1] / n[s];
        if (dx * dx + dy * dy < bestD) {
          bestD = dx * dx + dy * dy;
          best = s;
        }
      }
      counts[species.indexOf(r[4])][best]++;
    }
    return Heatmap.confusionMatrix("붓꽃 품종 혼동 행렬: 꽃받침으로 최근접 평균 분류",
        species.stream().map(SPECIES_KO::get).toList(), counts);
  }

  // ---- reading the samples

  static List<String[]> csv(String resource) {
    return rows(resource, ",");
  }

  static List<String[]> tsv(String resource) {
    return rows(resource, "\t");
  }

  /** @return the rows after the header, split on {@code separator} */
  private static List<String[]> rows(String resource, String separator) {
    try (InputStream in = Examples.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + resource + " is missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return r.lines().skip(1).map(l -> l.split(separator, -1)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the keys of {@code m} by value, largest first, ties by key (so the examples are stable) */
  static <K extends Comparable<K>> List<K> byValueDescending(Map<K, Integer> m) {
    return m.entrySet().stream().sorted(Map.Entry.<K, Integer>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList();
  }

}
