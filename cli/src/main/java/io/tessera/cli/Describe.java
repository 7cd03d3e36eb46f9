package io.tessera.cli;

import io.tessera.api.ModelCard;
import io.tessera.api.ProgressText;
import io.tessera.api.Provenance;
import io.tessera.spi.ParamSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Shared wording of the commands: how hyperparameters, sizes and rates are shown in text and in JSON. */
final class Describe {
  private Describe() {
  }

  /** @return a hyperparameter or tokenizer option as a JSON object */
  static Map<String, Object> param(ParamSpec<?> p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.name());
    m.put("type", p.type().name().toLowerCase(Locale.ROOT));
    m.put("default", p.defaultValue() == null ? null : String.valueOf(p.defaultValue()));
    m.put("allowed", p.allowed());
    m.put("doc", p.doc());
    return m;
  }

  /** @return the hyperparameters as an aligned table, one line each, indented by {@code indent} */
  static String paramTable(List<ParamSpec<?>> params, String indent) {
    int nameW = 4;
    int typeW = 4;
    int defW = 7;
    int allowW = 7;
    for (ParamSpec<?> p : params) {
      nameW = Math.max(nameW, p.name().length());
      typeW = Math.max(typeW, p.type().name().length());
      defW = Math.max(defW, String.valueOf(p.defaultValue()).length());
      allowW = Math.max(allowW, p.allowed().length());
    }
    String row = indent + "%-" + nameW + "s  %-" + typeW + "s  %-" + defW + "s  %-" + allowW + "s  %s%n";
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(row, "name", "type", "default", "allowed", "description"));
    for (ParamSpec<?> p : params) {
      sb.append(String.format(row, p.name(), p.type().name().toLowerCase(Locale.ROOT),
          String.valueOf(p.defaultValue()), p.allowed(), p.doc()));
    }
    return sb.toString();
  }

  /** @return {@code text} with every line indented by {@code indent} */
  static String indent(String text, String indent) {
    return text.strip().lines().map(l -> indent + l).reduce((a, b) -> a + System.lineSeparator() + b).orElse("");
  }

  /** @return a byte count for people: {@code 812 B}, {@code 12.4 KB}, {@code 3.1 MB} */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    double v = n;
    String[] units = {"KB", "MB", "GB", "TB"};
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** @return seconds with one decimal, e.g. {@code 2.4 s} */
  static String seconds(long nanos) {
    return ProgressText.seconds(Duration.ofNanos(nanos));
  }

  /** @return a model card as a JSON object (hyperparameters sorted by name) */
  static Map<String, Object> card(ModelCard card) {
    Provenance p = card.provenance();
    Map<String, Object> prov = new LinkedHashMap<>();
    prov.put("tessera_version", p.tesseraVersion());
    prov.put("java_version", p.javaVersion());
    prov.put("seed", p.seed());
    prov.put("engine", p.engine());
    prov.put("vector_bits", p.vectorBits());
    prov.put("threads", p.threads());
    prov.put("data_fingerprint", p.dataFingerprint());
    prov.put("trained_at", p.trainedAt().toString());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("family", card.family());
    m.put("algorithm", card.algorithm());
    m.put("format_version", card.formatVersion());
    m.put("hyperparameters", new TreeMap<String, Object>(card.hyperparameters()));
    m.put("provenance", prov);
    return m;
  }

  /** @return a model card as text lines: identity, hyperparameters, provenance */
  static String cardText(ModelCard card) {
    Provenance p = card.provenance();
    StringBuilder sb = new StringBuilder();
    sb.append("model:           ").append(card.family()).append('/').append(card.algorithm())
        .append(" (format version ").append(card.formatVersion()).append(")\n");
    sb.append("hyperparameters: ");
    if (card.hyperparameters().isEmpty()) {
      sb.append("none");
    }
    StringBuilder hp = new StringBuilder();
    new TreeMap<>(card.hyperparameters()).forEach((k, v) -> hp.append(hp.isEmpty() ? "" : ", ").append(k)
        .append('=').append(v));
    sb.append(hp).append('\n');
    sb.append("trained:         ").append(p.trainedAt()).append(" with Tessera ").append(p.tesseraVersion())
        .append(" on Java ").append(p.javaVersion()).append('\n');
    sb.append("engine:          ").append(p.engine()).append(", ").append(p.vectorBits()).append("-bit vectors, ")
        .append(p.threads()).append(p.threads() == 1 ? " thread" : " threads").append(", seed ").append(p.seed())
        .append('\n');
    sb.append("data:            ").append(p.dataFingerprint().isEmpty() ? "unknown" : p.dataFingerprint())
        .append('\n');
    return sb.toString();
  }
}
