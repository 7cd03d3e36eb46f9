package io.tessera.internal.bootstrap;

import io.tessera.api.PluginException;
import io.tessera.api.PluginProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.lang.LayerInstantiationException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds service providers: on the module path through {@code provides}, on the class path through
 * {@code META-INF/services}, and in plugin folders through a child module layer (module-path use) or a child
 * class loader (class-path use). A provider that fails to load is recorded as a {@link PluginProblem} and
 * skipped, so one broken plugin does not stop the others.
 */
final class PluginDiscovery {
  private final ModuleLayer pluginLayer;
  private final ClassLoader pluginLoader;
  private final List<PluginProblem> problems = new ArrayList<>();

  PluginDiscovery(List<Path> pluginDirs) {
    List<Path> jars = jarsIn(pluginDirs);
    Module self = PluginDiscovery.class.getModule();
    if (jars.isEmpty()) {
      pluginLayer = null;
      pluginLoader = null;
    } else if (self.isNamed() && self.getLayer() != null) {
      pluginLayer = defineLayer(self.getLayer(), jars);
      pluginLoader = null;
    } else {
      pluginLayer = null;
      pluginLoader = new URLClassLoader("tessera-plugins", urls(jars), Thread.currentThread().getContextClassLoader());
    }
  }

  /** @return every loadable provider of {@code type}, in discovery order */
  <S> List<S> load(Class<S> type) {
    ServiceLoader<S> loader = pluginLayer != null ? ServiceLoader.load(pluginLayer, type)
        : pluginLoader != null ? ServiceLoader.load(type, pluginLoader)
        : ServiceLoader.load(type);
    List<S> found = new ArrayList<>();
    Iterator<S> it = loader.iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError | LinkageError e) {
        problems.add(new PluginProblem(type.getSimpleName(), oneLine(e)));
      }
    }
    return found;
  }

  /** @return the problems met so far */
  List<PluginProblem> problems() {
    return List.copyOf(problems);
  }

  void report(PluginProblem problem) {
    problems.add(problem);
  }

  private static List<Path> jarsIn(List<Path> dirs) {
    List<Path> jars = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list plugin folder " + dir, e);
      }
    }
    return jars;
  }

  /**
   * Defines one child layer for the plugin jars. A jar that is not a readable module is reported and left out;
   * when the rest cannot be resolved together (a missing dependency), every jar is reported and none is loaded.
   */
  private ModuleLayer defineLayer(ModuleLayer parent, List<Path> jars) {
    List<Path> readable = new ArrayList<>();
    for (Path jar : jars) {
      try {
        ModuleFinder.of(jar).findAll();
        readable.add(jar);
      } catch (FindException e) {
        problems.add(new PluginProblem(jar.toString(), "not a loadable plugin jar: " + oneLine(e)));
      }
    }
    if (readable.isEmpty()) {
      return null;
    }
    try {
      ModuleFinder finder = ModuleFinder.of(readable.toArray(Path[]::new));
      Set<String> roots = finder.findAll().stream().map(ModuleReference::descriptor)
          .map(d -> d.name()).collect(Collectors.toSet());
      Configuration cf = parent.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
      return parent.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
    } catch (FindException | ResolutionException | LayerInstantiationException e) {
      problems.add(new PluginProblem(readable.toString(), "plugins not loaded: " + oneLine(e)));
      return null;
    }
  }

  private static URL[] urls(List<Path> jars) {
    try {
      URL[] urls = new URL[jars.size()];
      for (int i = 0; i < urls.length; i++) {
        urls[i] = jars.get(i).toUri().toURL();
      }
      return urls;
    } catch (MalformedURLException e) {
      throw new PluginException("bad plugin path: " + e.getMessage(), e);
    }
  }

  static String oneLine(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (sb.indexOf(m) < 0) {
        sb.append(sb.isEmpty() ? "" : ": ").append(m);
      }
    }
    return sb.toString().replaceAll("\\s+", " ");
  }
}
