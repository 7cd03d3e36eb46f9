package io.tessera.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tessera text}: the text commands' parent (they are listed in {@link CommandTree}); without a subcommand it
 * shows their list.
 */
@Command(name = "text", mixinStandardHelpOptions = true,
    header = "Tokenize text, list vocabularies, write matrices, prepare corpora.",
    description = {"Text preparation shared by every family: tokenizers (default, regex, korean), stopwords, "
        + "vocabulary statistics, document-term matrices that SciPy reads, tokenized corpora cached for reuse."})
final class TextCommand implements Runnable {
  @Spec
  CommandSpec spec;

  /** Shows the usage with the list of text commands. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
