package io.tessera.cli;

import io.tessera.api.EngineInfo;
import io.tessera.api.Tessera;
import io.tessera.engine.ComputeEngine;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tessera engines}: every compute engine found, why an engine cannot run here, and the active one. */
@Command(name = "engines", mixinStandardHelpOptions = true,
    header = "List the compute engines and describe the active one.",
    description = {"Lists the compute engines found, whether each can run here (and if not, why and how to fix "
        + "it), and describes the active one: vector species and lanes, FMA, threads."})
final class EnginesCommand extends TesseraCommand {

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Override
  int run(Tessera tessera) {
    ComputeEngine active = tessera.engine();
    List<EngineInfo> engines = tessera.engines();
    if (json) {
      printJson(asJson(active, engines));
      return ExitCodes.OK;
    }
    PrintWriter out = out();
    out.printf("Engines (%d found)%n", engines.size());
    for (EngineInfo e : engines) {
      out.printf("  %s %-8s priority %-4d %s%n", e.active() ? "*" : " ", e.name(), e.priority(),
          e.available() ? (e.active() ? "available, active" : "available")
              : "unavailable: " + e.unavailableReason().orElseThrow());
    }
    out.printf("%nActive engine: %s%n", active.name());
    out.printf("  %s%n", active.description());
    out.printf("  float lanes %d, vector width %d bits, threads %d%n", active.floatLanes(), active.vectorBits(),
        active.threads());
    out.printf("  Java %s, %d processors%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
    out.flush();
    return ExitCodes.OK;
  }

  private static Map<String, Object> asJson(ComputeEngine active, List<EngineInfo> engines) {
    List<Object> list = new ArrayList<>();
    for (EngineInfo e : engines) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", e.name());
      m.put("priority", e.priority());
      m.put("available", e.available());
      m.put("unavailable_reason", e.unavailableReason().orElse(null));
      m.put("active", e.active());
      list.add(m);
    }
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("name", active.name());
    a.put("description", active.description());
    a.put("float_lanes", active.floatLanes());
    a.put("vector_bits", active.vectorBits());
    a.put("threads", active.threads());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engines", list);
    m.put("active", a);
    m.put("java_version", Runtime.version().toString());
    m.put("processors", Runtime.getRuntime().availableProcessors());
    return m;
  }
}
