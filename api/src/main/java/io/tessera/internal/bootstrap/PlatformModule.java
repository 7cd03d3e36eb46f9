package io.tessera.internal.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import io.tessera.engine.ComputeEngine;
import io.tessera.engine.ComputeEngineProvider;
import io.tessera.spi.ModelFamilyProvider;
import io.tessera.spi.TokenizerProvider;
import java.util.List;
import java.util.function.Function;

/**
 * Wires the platform's services. Plugins are bound as instances in maps keyed by id, so two plugins with one
 * id fail at start-up; everything else is bound explicitly.
 */
final class PlatformModule extends AbstractModule {
  private final PlatformSettings settings;
  private final List<ComputeEngineProvider> engines;
  private final List<ModelFamilyProvider> families;
  private final List<TokenizerProvider> tokenizers;
  private final PluginProblems problems;

  PlatformModule(PlatformSettings settings, List<ComputeEngineProvider> engines, List<ModelFamilyProvider> families,
                 List<TokenizerProvider> tokenizers, PluginProblems problems) {
    this.settings = settings;
    this.engines = engines;
    this.families = families;
    this.tokenizers = tokenizers;
    this.problems = problems;
  }

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    binder().disableCircularProxies();
    bind(PlatformSettings.class).toInstance(settings);
    bind(PluginProblems.class).toInstance(problems);
    bindAll(ComputeEngineProvider.class, engines, ComputeEngineProvider::name);
    bindAll(ModelFamilyProvider.class, families, ModelFamilyProvider::id);
    bindAll(TokenizerProvider.class, tokenizers, TokenizerProvider::id);
    bind(PluginRegistry.class).in(Singleton.class);
    bind(ModelStore.class).in(Singleton.class);
    bind(TrainingRunner.class).in(Singleton.class);
    bind(Platform.class).in(Singleton.class);
  }

  private <T> void bindAll(Class<T> type, List<T> providers, Function<T, String> id) {
    MapBinder<String, T> map = MapBinder.newMapBinder(binder(), String.class, type);
    for (T p : providers) {
      map.addBinding(id.apply(p)).toInstance(p);
    }
  }

  @Provides
  @Singleton
  ComputeEngine engine(PluginRegistry registry, PlatformSettings platformSettings) {
    return EngineSelector.create(registry, platformSettings);
  }
}
