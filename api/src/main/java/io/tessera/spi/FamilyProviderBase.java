package io.tessera.spi;

import io.tessera.api.ApiVersion;
import java.util.List;
import java.util.Objects;

/**
 * A convenient base for {@link ModelFamilyProvider}s whose id, description and algorithm list are fixed. The
 * subclass passes {@code new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR)} from its own code, so the version
 * recorded is the one the subclass was compiled against.
 */
public abstract class FamilyProviderBase implements ModelFamilyProvider {
  private final String id;
  private final String description;
  private final ApiVersion builtAgainst;
  private final List<Algorithm<?, ?, ?>> algorithms;

  /**
   * @param id           the family's id
   * @param description  one line describing the family
   * @param builtAgainst {@code new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR)}, written in the subclass
   * @param algorithms   the family's algorithms
   */
  protected FamilyProviderBase(String id, String description, ApiVersion builtAgainst,
                               List<Algorithm<?, ?, ?>> algorithms) {
    this.id = Objects.requireNonNull(id, "id");
    this.description = Objects.requireNonNull(description, "description");
    this.builtAgainst = Objects.requireNonNull(builtAgainst, "builtAgainst");
    this.algorithms = List.copyOf(algorithms);
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final ApiVersion apiVersion() {
    return builtAgainst;
  }

  @Override
  public final List<Algorithm<?, ?, ?>> algorithms() {
    return algorithms;
  }
}
