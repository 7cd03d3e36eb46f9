package io.tessera.spi;

import io.tessera.api.ApiVersion;
import java.util.List;

/**
 * A model family (RNN, embeddings, topic models, clustering, or a third party's) published as a plugin.
 * Found by {@link java.util.ServiceLoader}: declare {@code provides io.tessera.spi.ModelFamilyProvider with ...}
 * in {@code module-info.java} and list the class in {@code META-INF/services/io.tessera.spi.ModelFamilyProvider}
 * so that both module-path and class-path applications find it.
 *
 * <p>Implementations need a public no-argument constructor (or a public static {@code provider()} method on
 * the module path) and must not do heavy work when constructed. They never see Guice.
 */
public interface ModelFamilyProvider {

  /** @return the family's unique id, lower-case (e.g. {@code rnn}, {@code embedding}, {@code cluster}) */
  String id();

  /** @return one line describing the family */
  String description();

  /**
   * @return the API version this plugin was compiled against, written as
   *     {@code new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR)} (compile-time constants); the platform refuses a plugin whose version it does not {@linkplain ApiVersion#accepts accept}
   */
  ApiVersion apiVersion();

  /** @return the family's algorithms; each id is unique within the family */
  List<Algorithm<?, ?, ?>> algorithms();
}
