package io.tessera.internal.bootstrap;

import io.tessera.api.PluginProblem;
import java.util.List;

/** The plugins that were skipped at start-up and why (bound as an instance, so Guice needs no generics binding). */
record PluginProblems(List<PluginProblem> list) {
  PluginProblems {
    list = List.copyOf(list);
  }
}
