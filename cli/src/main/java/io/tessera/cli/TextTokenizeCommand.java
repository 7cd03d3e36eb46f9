package io.tessera.cli;

import io.tessera.api.CancellationToken;
import io.tessera.api.Tessera;
import io.tessera.io.CorpusChunk;
import io.tessera.io.CorpusChunks;
import io.tessera.io.TextCorpus;
import io.tessera.text.Tokenizer;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code tessera text tokenize}: one document per line in, its tokens separated by spaces per line out. Streams:
 * the input's chunks of lines are parsed and tokenized in parallel on the engine's threads and written in input
 * order ({@link OrderedChunks}), so memory does not grow with the corpus and the output does not depend on the
 * thread count.
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
  /**
   * Chunks a quarter of the default size: a morphological analyzer takes about a second per megabyte on one
   * thread, and smaller chunks keep the threads evenly busy to the end and the output flowing.
   */
  private static final int CHUNK_BYTES = CorpusChunks.CHUNK_BYTES / 4;

  @Mixin
  TextInput input;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "UTF-8 text, one document per line, gzip allowed; '-' or none: stdin.")
  void file(String file) {
    input.files.add(file);
  }

  /** The standard input; a field so that tests can supply their own. */
  InputStream stdin = System.in;

  @Override
  int run(Tessera tessera) throws Exception {
    Tokenizer tokenizer = input.tokenizer(tessera);
    PrintWriter out = out();
    ReadProgress reading = input.progress(progress(new CancellationToken(), false), "tokenize");
    TextCorpus corpus = input.corpus(stdin, reading, CHUNK_BYTES);
    long[] empty = {0};
    String[] firstEmpty = {""};
    reading.start();
    try (CorpusChunks chunks = corpus.chunks()) {
      OrderedChunks.run(chunks, tessera.engine(), chunk -> tokenize(chunk, tokenizer), done -> {
        if (done.empty() > 0 && empty[0] == 0) {
          firstEmpty[0] = (input.files.size() > 1 ? done.source() + " " : "") + "line " + done.firstEmpty();
        }
        empty[0] += done.empty();
        // write, not println: picocli's writer flushes on every println, a system call per line.
        out.write(done.text());
      });
    }
    reading.finish();
    out.flush();
    input.warn(err(), reading, empty[0], firstEmpty[0]);
    return ExitCodes.OK;
  }

  /** The output of one chunk: its lines, and its empty documents (the line of the first). */
  private record Tokenized(String text, String source, long empty, long firstEmpty) {
  }

  private static Tokenized tokenize(CorpusChunk chunk, Tokenizer tokenizer) {
    StringBuilder text = new StringBuilder(chunk.size());
    long[] empty = {0, 0};
    chunk.forEachDocument((data, from, to, ascii, line) -> {
      String doc = new String(data, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
      List<String> tokens = tokenizer.tokenize(doc);
      if (tokens.isEmpty() && empty[0]++ == 0) {
        empty[1] = line;
      }
      for (int i = 0; i < tokens.size(); i++) {
        text.append(i == 0 ? "" : " ").append(tokens.get(i));
      }
      text.append('\n');
    });
    return new Tokenized(text.toString(), chunk.source(), empty[0], empty[1]);
  }
}
