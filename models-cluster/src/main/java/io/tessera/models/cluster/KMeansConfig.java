package io.tessera.models.cluster;

import io.tessera.api.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Hyperparameters of K-Means (Lloyd's algorithm), with scikit-learn's meanings and defaults (as of 1.2).
 *
 * @param k       the number of clusters ({@code n_clusters}), at least 1 and at most the number of rows
 * @param init    how the initial centres are chosen in each run
 * @param nInit   how many runs from different initial centres; the run with the lowest inertia wins
 * @param maxIter the maximum number of Lloyd iterations per run
 * @param tol     convergence tolerance, relative to the data: a run stops when the summed squared shift of
 *                the centres in one iteration is at most {@code tol} times the mean of the per-feature
 *                variances (scikit-learn's definition); 0 stops only when the labels no longer change
 * @param scale   how features are scaled before clustering; centroids live in the scaled space
 */
public record KMeansConfig(int k, Init init, int nInit, int maxIter, double tol, Scale scale) {

  /** How the initial centres of a run are chosen. */
  public enum Init {
    /**
     * Greedy k-means++ (scikit-learn's): each new centre is the best, by resulting potential, of
     * {@code 2 + floor(ln k)} rows sampled with probability proportional to their squared distance from the
     * nearest centre chosen so far.
     */
    K_MEANS_PLUS_PLUS("k-means++"),
    /** {@code k} distinct rows drawn uniformly at random. */
    RANDOM("random");

    private final String id;

    Init(String id) {
      this.id = id;
    }

    /** @return the name used in {@code init=...} ({@code k-means++} or {@code random}) */
    public String id() {
      return id;
    }

    /**
     * @return the value named {@code id}
     * @throws BadInputException naming parameter {@code init} when there is none
     */
    public static Init of(String id) {
      return byId(Init.values(), Init::id, id, "init");
    }
  }

  /** How features are scaled before clustering. */
  public enum Scale {
    /** Raw values: a feature with a large range dominates the distances. */
    NONE("none"),
    /** Each feature centred to mean 0 and divided by its standard deviation (scikit-learn's StandardScaler). */
    STANDARD("standard");

    private final String id;

    Scale(String id) {
      this.id = id;
    }

    /** @return the name used in {@code scale=...} ({@code none} or {@code standard}) */
    public String id() {
      return id;
    }

    /**
     * @return the value named {@code id}
     * @throws BadInputException naming parameter {@code scale} when there is none
     */
    public static Scale of(String id) {
      return byId(Scale.values(), Scale::id, id, "scale");
    }
  }

  /** Validates every component. */
  public KMeansConfig {
    Objects.requireNonNull(init, "init");
    Objects.requireNonNull(scale, "scale");
    requireAtLeastOne("k", k);
    requireAtLeastOne("n_init", nInit);
    requireAtLeastOne("max_iter", maxIter);
    if (!(tol >= 0) || Double.isInfinite(tol)) {
      throw BadInputException.parameter("tol", tol + " must be a finite number >= 0");
    }
  }

  /** @return a builder starting from the defaults: k=8, k-means++, n_init=10, max_iter=300, tol=1e-4, no scaling */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder starting from this configuration */
  public Builder toBuilder() {
    return new Builder().k(k).init(init).nInit(nInit).maxIter(maxIter).tol(tol).scale(scale);
  }

  private static void requireAtLeastOne(String name, int value) {
    if (value < 1) {
      throw BadInputException.parameter(name, value + " must be at least 1");
    }
  }

  private static <E extends Enum<E>> E byId(E[] values, Function<E, String> idOf, String id,
                                            String parameter) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    for (E e : values) {
      if (idOf.apply(e).equals(wanted)) {
        return e;
      }
    }
    throw BadInputException.parameter(parameter, "'" + id + "' is not one of "
        + String.join("|", Arrays.stream(values).map(idOf).toList()));
  }

  /** Builds a {@link KMeansConfig}; unset components keep scikit-learn's defaults. */
  public static final class Builder {
    private int k = 8;
    private Init init = Init.K_MEANS_PLUS_PLUS;
    private int nInit = 10;
    private int maxIter = 300;
    private double tol = 1e-4;
    private Scale scale = Scale.NONE;

    private Builder() {
    }

    /** Sets the number of clusters (default 8). */
    public Builder k(int k) {
      this.k = k;
      return this;
    }

    /** Sets the initialisation (default k-means++). */
    public Builder init(Init init) {
      this.init = init;
      return this;
    }

    /** Sets the number of runs (default 10). */
    public Builder nInit(int nInit) {
      this.nInit = nInit;
      return this;
    }

    /** Sets the maximum number of iterations per run (default 300). */
    public Builder maxIter(int maxIter) {
      this.maxIter = maxIter;
      return this;
    }

    /** Sets the relative tolerance (default 1e-4). */
    public Builder tol(double tol) {
      this.tol = tol;
      return this;
    }

    /** Sets the feature scaling (default none). */
    public Builder scale(Scale scale) {
      this.scale = scale;
      return this;
    }

    /**
     * @return the validated configuration
     * @throws BadInputException naming the first invalid parameter
     */
    public KMeansConfig build() {
      return new KMeansConfig(k, init, nInit, maxIter, tol, scale);
    }
  }
}
