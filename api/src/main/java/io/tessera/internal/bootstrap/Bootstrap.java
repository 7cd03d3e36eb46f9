package io.tessera.internal.bootstrap;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import io.tessera.api.ApiVersion;
import io.tessera.api.PluginException;
import io.tessera.api.PluginProblem;
import io.tessera.api.TesseraException;
import io.tessera.engine.ComputeEngineProvider;
import io.tessera.spi.ModelFamilyProvider;
import io.tessera.spi.TokenizerProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Discovers plugins and builds the Guice injector that wires the platform. */
public final class Bootstrap {
  private Bootstrap() {
  }

  /**
   * Starts a platform.
   *
   * @throws PluginException when plugins conflict (two with one id) or no engine can run
   */
  public static Platform start(PlatformSettings settings) {
    PluginDiscovery discovery = new PluginDiscovery(settings.pluginDirs());
    List<ComputeEngineProvider> engines = discovery.load(ComputeEngineProvider.class);
    List<ModelFamilyProvider> families = compatible(discovery, discovery.load(ModelFamilyProvider.class),
        f -> "model family '" + f.id() + "' (" + f.getClass().getName() + ")", ModelFamilyProvider::apiVersion);
    List<TokenizerProvider> tokenizers = compatible(discovery, discovery.load(TokenizerProvider.class),
        t -> "tokenizer '" + t.id() + "' (" + t.getClass().getName() + ")", TokenizerProvider::apiVersion);
    return wire(settings, engines, families, tokenizers, new PluginProblems(discovery.problems()));
  }

  /** Builds the injector over providers already found. */
  static Platform wire(PlatformSettings settings, List<ComputeEngineProvider> engines,
                       List<ModelFamilyProvider> families, List<TokenizerProvider> tokenizers,
                       PluginProblems problems) {
    PlatformModule module = new PlatformModule(settings, engines, families, tokenizers, problems);
    try {
      return Guice.createInjector(Stage.PRODUCTION, module).getInstance(Platform.class);
    } catch (CreationException e) {
      throw translate(e);
    }
  }

  static <P> List<P> compatible(PluginDiscovery discovery, List<P> plugins, Function<P, String> name,
                                        Function<P, ApiVersion> version) {
    List<P> ok = new ArrayList<>();
    for (P p : plugins) {
      ApiVersion v = version.apply(p);
      if (ApiVersion.CURRENT.accepts(v)) {
        ok.add(p);
      } else {
        discovery.report(new PluginProblem(name.apply(p), "built against API " + v + ", but this platform provides API "
            + ApiVersion.CURRENT + " (needs the same major version and a minor version <= "
            + ApiVersion.CURRENT.minor() + "); plugin skipped"));
      }
    }
    return ok;
  }

  /** Turns Guice's multi-line report into one line per cause, keeping our own exceptions as they are. */
  private static TesseraException translate(CreationException e) {
    for (Message m : e.getErrorMessages()) {
      if (m.getCause() instanceof TesseraException te) {
        return te;
      }
    }
    String text = e.getErrorMessages().stream().map(Message::getMessage)
        .map(s -> s.lines().findFirst().orElse(s)).collect(Collectors.joining("; "));
    java.util.regex.Matcher dup = java.util.regex.Pattern
        .compile("Duplicate key \"([^\"]*)\" found in .*Map<java\\.lang\\.String, [\\w.]*\\.(\\w+)>").matcher(text);
    if (dup.find()) {
      return new PluginException("two " + dup.group(2) + " plugins use the id '" + dup.group(1)
          + "'; remove one of them from the module path or plugins/", e);
    }
    return new PluginException("platform start-up failed: " + text, e);
  }
}
