package io.tessera.spi;

import io.tessera.api.ApiVersion;
import io.tessera.text.Tokenizer;
import java.util.List;

/**
 * A tokenizer published as a plugin (found by {@link java.util.ServiceLoader}), such as the default
 * rule-based tokenizer or a Korean morphological analyzer. Options use the same {@link ParamSpec}s as
 * hyperparameters.
 */
public interface TokenizerProvider {

  /** @return the unique id (e.g. {@code default}, {@code korean}, {@code regex}) */
  String id();

  /** @return one line describing the tokenizer */
  String description();

  /** @return the API version this plugin was compiled against (see {@link ModelFamilyProvider#apiVersion()}) */
  ApiVersion apiVersion();

  /** @return the options the tokenizer takes */
  List<ParamSpec<?>> options();

  /** Creates a thread-safe tokenizer from validated options. */
  Tokenizer create(ParamValues options);
}
