package io.tessera.cli;

import io.tessera.api.CancellationToken;
import io.tessera.api.Tessera;
import io.tessera.engine.ComputeEngine;
import io.tessera.text.Tokenizer;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code tessera text tokenize}: one document per line in, its tokens separated by spaces per line out. Streams:
 * blocks of documents are tokenized in parallel on the engine's threads and written in input order, so memory does
 * not grow with the corpus and the output does not depend on the thread count.
 */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
    header = "Tokenize documents: one document per line in, space-separated tokens per line out.",
    description = {"Reads one document per line (or a column of a TSV file with --column) and prints each "
        + "document's tokens, separated by spaces, on one line. An empty document gives an empty line, so output "
        + "line N belongs to input document N.",
        "", "Examples:",
        "  tessera text tokenize --tokenizer korean --pos reviews.txt",
        "  zcat ratings_train.tsv.gz | tessera text tokenize --tokenizer korean --column document -"})
final class TextTokenizeCommand extends TesseraCommand {
  /** Documents per parallel block; the output does not depend on it. */
  private static final int BLOCK = 256;

  @Mixin
  TextInput input;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "UTF-8 text, one document per line, gzip allowed; '-' or none: stdin.")
  void file(String file) {
    input.file = file;
  }

  /** The standard input; a field so that tests can supply their own. */
  InputStream stdin = System.in;

  @Override
  int run(Tessera tessera) throws Exception {
    Tokenizer tokenizer = input.tokenizer(tessera);
    ComputeEngine engine = tessera.engine();
    PrintWriter out = out();
    int blockDocs = BLOCK * Math.max(1, engine.threads());
    long empty = 0;
    long firstEmpty = 0;
    try (DocumentReader reader = input.open(stdin, progress(new CancellationToken(), false), "tokenize")) {
      List<String> docs = new ArrayList<>(blockDocs);
      List<Long> lines = new ArrayList<>(blockDocs);
      boolean more = true;
      while (more) {
        docs.clear();
        lines.clear();
        String doc;
        while (docs.size() < blockDocs && (doc = reader.next()) != null) {
          docs.add(doc);
          lines.add(reader.lineNumber());
        }
        more = docs.size() == blockDocs;
        String[] tokenized = new String[docs.size()];
        int chunks = (docs.size() + BLOCK - 1) / BLOCK;
        engine.parallelFor(chunks, c -> {
          for (int i = c * BLOCK, end = Math.min(docs.size(), i + BLOCK); i < end; i++) {
            tokenized[i] = String.join(" ", tokenizer.tokenize(docs.get(i)));
          }
        });
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tokenized.length; i++) {
          if (tokenized[i].isEmpty() && empty++ == 0) {
            firstEmpty = lines.get(i);
          }
          text.append(tokenized[i]).append('\n');
        }
        // write, not println: picocli's writer flushes on every println, which would cost a system call per line.
        out.write(text.toString());
      }
      out.flush();
      input.warn(err(), reader, empty, firstEmpty);
    }
    return ExitCodes.OK;
  }
}
