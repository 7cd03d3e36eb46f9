package io.tessera.cli;

import io.tessera.api.Model;
import io.tessera.api.Tessera;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tessera info MODEL}: what a model file holds — its card (identity, hyperparameters, provenance) and summary. */
@Command(name = "info", mixinStandardHelpOptions = true,
    header = "Show what a model file holds: its card and summary.",
    description = {"Shows a model file's card (family, algorithm, hyperparameters, provenance) and what the model "
        + "learned."})
final class InfoCommand extends TesseraCommand {

  @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by 'tessera train --out'.")
  Path model;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Override
  int run(Tessera tessera) throws Exception {
    if (!Files.exists(model)) {
      throw new NoSuchFileException(model.toString());
    }
    Model m = tessera.load(model);
    long bytes = Files.size(model);
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("file", model.toString());
      out.put("bytes", bytes);
      out.put("card", Describe.card(m.card()));
      out.put("summary", m.summary());
      printJson(out);
      return ExitCodes.OK;
    }
    PrintWriter out = out();
    out.printf("file:            %s (%s)%n", model, Describe.bytes(bytes));
    out.print(Describe.cardText(m.card()));
    out.println("summary:");
    out.println(Describe.indent(m.summary(), "  "));
    out.flush();
    return ExitCodes.OK;
  }
}
