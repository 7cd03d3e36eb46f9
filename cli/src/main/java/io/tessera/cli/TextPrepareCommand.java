package io.tessera.cli;

import io.tessera.api.BadInputException;
import io.tessera.api.CancellationToken;
import io.tessera.api.Tessera;
import io.tessera.api.TrainingEvent;
import io.tessera.api.TrainingListener;
import io.tessera.io.ReadListener;
import io.tessera.io.TextCorpus;
import io.tessera.text.PreparedCorpus;
import io.tessera.text.Tokenizer;
import io.tessera.text.Vocabulary;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tessera text prepare}: tokenizes a corpus once into the {@link PreparedCorpus} cache (token ids per
 * document and the vocabulary), so that the next run on the same file content with the same settings reads the
 * cache instead of tokenizing again, and prints one summary line.
 */
@Command(name = "prepare", mixinStandardHelpOptions = true,
    header = "Tokenize a corpus once into a cache that later runs reuse.",
    description = {"Tokenizes every document, builds the vocabulary and stores both as a prepared corpus "
        + "(safetensors) in the cache folder, named after the file's content (size and SHA-256), the documents read "
        + "(every line or one column) and the tokenizer settings. Run again on the same content with the same "
        + "settings, it reads the cached file instead; a changed file or setting prepares it anew. Prints one line: "
        + "documents, tokens, vocabulary size, empty documents, whether the cache was used, the time and the file.",
        "", "With --column the file is a table with a header: TAB-separated when its name ends in tsv or tab, "
        + "comma-separated with RFC 4180 quoting when it ends in csv (gzip allowed). Delete the cache folder to "
        + "reclaim its space.",
        "", "Example:",
        "  tessera text prepare --corpus train.tsv.gz --column text --stopwords english"})
final class TextPrepareCommand extends TesseraCommand {
  @Mixin
  TextInput input;

  @Option(names = "--corpus", paramLabel = "FILE", required = true,
      description = "UTF-8 text, one document per line (or a column with --column), gzip allowed; a file, not "
          + "stdin, since the cache is keyed by its content.")
  void corpus(String file) {
    input.files.add(file);
  }

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "The cache folder (default: tessera/corpora in $XDG_CACHE_HOME, else in ~/.cache).")
  Path cacheDir;

  @Override
  int run(Tessera tessera) throws Exception {
    if (input.stdin()) {
      throw BadInputException.parameter("--corpus", "prepare needs a file, not stdin: the cache is keyed by the "
          + "file's content");
    }
    if (input.onBadLine == TextInput.OnBadLine.skip) {
      throw BadInputException.parameter("--on-bad-line", "prepare reads valid UTF-8 only (a prepared corpus holds "
          + "every document of the file); only 'fail' is possible");
    }
    TextCorpus corpus = input.corpus(System.in, ReadListener.NONE);
    Tokenizer tokenizer = input.tokenizer(tessera);
    String key = TokenizerSettings.of(input).cacheKey(tessera);
    Path folder = cacheDir != null ? cacheDir : PreparedCorpus.defaultCacheDirectory();
    TrainingListener progress = startingLate(progress(new CancellationToken(), false));
    long start = System.nanoTime();
    try (PreparedCorpus prepared = PreparedCorpus.prepare(corpus, tokenizer, key, Vocabulary.builder(), folder,
        tessera.engine(), progress)) {
      double seconds = (System.nanoTime() - start) / 1e9;
      out().printf("%s: %,d documents, %,d tokens, vocabulary of %,d words, %,d empty documents; %s in %.2f s: %s%n",
          corpus, prepared.documents(), prepared.tokens(), prepared.vocabulary().wordCount(),
          prepared.emptyDocuments(), prepared.fromCache() ? "from cache" : "prepared", seconds, prepared.file());
      out().flush();
    }
    return ExitCodes.OK;
  }

  /**
   * @return {@code listener}, with each phase's start held back until the phase reports progress or ends, so that
   *     an input that fails at once shows its one-line error alone (as the other text commands do)
   */
  static TrainingListener startingLate(TrainingListener listener) {
    return new TrainingListener() {
      private TrainingEvent pending;

      @Override
      public synchronized void onEvent(TrainingEvent event) {
        if (event.kind() == TrainingEvent.Kind.PHASE_STARTED) {
          pending = event;
          return;
        }
        if (pending != null && pending.phase().equals(event.phase())) {
          listener.onEvent(pending);
        }
        pending = null;
        listener.onEvent(event);
      }
    };
  }
}
