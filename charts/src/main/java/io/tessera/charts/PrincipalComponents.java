package io.tessera.charts;

import io.tessera.api.BadInputException;

/**
 * The first two principal components of a set of rows, for drawing high-dimensional points (feature rows,
 * embeddings) on a {@link ScatterChart}. The rows are centred (not scaled: scale them first if their units
 * differ) and the covariance matrix is diagonalised exactly (cyclic Jacobi rotations), which suits the tens to
 * hundreds of dimensions of such maps. Each component's sign is fixed so that its largest loading is positive,
 * which makes the picture reproducible. Immutable.
 */
public final class PrincipalComponents {
  private static final int MAX_SWEEPS = 100;

  private final double[] mean;
  private final double[][] axes;
  private final double[] variance;
  private final double totalVariance;

  private PrincipalComponents(double[] mean, double[][] axes, double[] variance, double totalVariance) {
    this.mean = mean;
    this.axes = axes;
    this.variance = variance;
    this.totalVariance = totalVariance;
  }

  /**
   * Fits the first two components.
   *
   * @param rows at least two rows of equal length (at least 2), finite values
   * @return the fitted components
   * @throws BadInputException naming parameter {@code rows} when the rows are too few, ragged or not finite
   */
  public static PrincipalComponents fit(double[][] rows) {
    if (rows.length < 2) {
      throw BadInputException.parameter("rows", "principal components need at least 2 rows, got " + rows.length);
    }
    int d = rows[0].length;
    if (d < 2) {
      throw BadInputException.parameter("rows", "principal components need at least 2 columns, got " + d);
    }
    double[] mean = new double[d];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != d) {
        throw BadInputException.parameter("rows", "row " + i + " has " + rows[i].length + " values, row 0 has " + d);
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(rows[i][j])) {
          throw BadInputException.parameter("rows", "row " + i + ", column " + j + " is " + rows[i][j]);
        }
        mean[j] += rows[i][j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= rows.length;
    }
    double[][] cov = new double[d][d];
    double[] centred = new double[d];
    for (double[] row : rows) {
      for (int j = 0; j < d; j++) {
        centred[j] = row[j] - mean[j];
      }
      for (int a = 0; a < d; a++) {
        for (int b = a; b < d; b++) {
          cov[a][b] += centred[a] * centred[b];
        }
      }
    }
    double total = 0;
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        cov[a][b] /= rows.length - 1;
        cov[b][a] = cov[a][b];
      }
      total += cov[a][a];
    }
    double[][] vectors = jacobi(cov);
    // After the rotations the diagonal holds the eigenvalues; pick the two largest.
    int first = -1;
    int second = -1;
    for (int j = 0; j < d; j++) {
      if (first < 0 || cov[j][j] > cov[first][first]) {
        second = first;
        first = j;
      } else if (second < 0 || cov[j][j] > cov[second][second]) {
        second = j;
      }
    }
    double[][] axes = {column(vectors, first), column(vectors, second)};
    return new PrincipalComponents(mean, axes, new double[] {Math.max(0, cov[first][first]),
        Math.max(0, cov[second][second])}, total);
  }

  /**
   * Diagonalises the symmetric matrix {@code a} in place by cyclic Jacobi rotations.
   *
   * @return the eigenvectors as the columns of a matrix
   */
  private static double[][] jacobi(double[][] a) {
    int d = a.length;
    double[][] v = new double[d][d];
    for (int i = 0; i < d; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      double diag = 0;
      for (int p = 0; p < d; p++) {
        diag += a[p][p] * a[p][p];
        for (int q = p + 1; q < d; q++) {
          off += a[p][q] * a[p][q];
        }
      }
      if (off <= 1e-30 * Math.max(diag, Double.MIN_NORMAL)) {
        break;
      }
      for (int p = 0; p < d - 1; p++) {
        for (int q = p + 1; q < d; q++) {
          if (a[p][q] == 0) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < d; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
          }
          for (int k = 0; k < d; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
          }
          for (int k = 0; k < d; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
          }
        }
      }
    }
    return v;
  }

  /** @return column {@code j} of {@code m}, its sign flipped so that its largest-magnitude entry is positive */
  private static double[] column(double[][] m, int j) {
    double[] c = new double[m.length];
    int largest = 0;
    for (int i = 0; i < c.length; i++) {
      c[i] = m[i][j];
      if (Math.abs(c[i]) > Math.abs(c[largest])) {
        largest = i;
      }
    }
    if (c[largest] < 0) {
      for (int i = 0; i < c.length; i++) {
        c[i] = -c[i];
      }
    }
    return c;
  }

  /**
   * @param row a row of the fitted length
   * @return its coordinates on the first and second component
   * @throws BadInputException when the row's length differs from the fitted rows'
   */
  public double[] project(double[] row) {
    if (row.length != mean.length) {
      throw BadInputException.parameter("row", "has " + row.length + " values, the components were fitted on "
          + mean.length);
    }
    double[] out = new double[2];
    for (int k = 0; k < 2; k++) {
      double s = 0;
      for (int j = 0; j < row.length; j++) {
        s += (row[j] - mean[j]) * axes[k][j];
      }
      out[k] = s;
    }
    return out;
  }

  /** @return the unit direction of component {@code k} (0 or 1) in the input space (a copy) */
  public double[] axis(int k) {
    return axes[k].clone();
  }

  /** @return the fraction of the total variance that component {@code k} (0 or 1) explains */
  public double explainedVarianceRatio(int k) {
    return totalVariance > 0 ? variance[k] / totalVariance : 0;
  }
}
