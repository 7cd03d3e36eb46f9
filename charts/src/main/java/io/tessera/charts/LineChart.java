package io.tessera.charts;

import io.tessera.api.BadInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line chart of one or more series over a shared x axis: loss per epoch, or a forecast against the actual values
 * over time. Each series takes the next {@link Palette} colour and gets a legend entry. With a {@link XAxis#DATE}
 * axis the x values are milliseconds since 1970-01-01T00:00 read as wall-clock time: the ticks show the dates and
 * times given, in ISO order ({@code 2010-01-03}, {@code 01-03 06:00}), with no time-zone conversion. A NaN y value
 * leaves a gap in its line. Series of up to {@value #MARKER_LIMIT} points also mark each point.
 *
 * @param title  the title (may be empty)
 * @param xLabel the x axis label
 * @param yLabel the y axis label
 * @param xAxis  how x values are read
 * @param series the series, at least one
 */
public record LineChart(String title, String xLabel, String yLabel, XAxis xAxis, List<Series> series)
    implements Chart {

  /** Series with at most this many points also draw a marker at each point. */
  public static final int MARKER_LIMIT = 60;

  /** How the x values of a line chart are read. */
  public enum XAxis {
    /** Plain numbers (epochs, steps). */
    NUMBER,
    /** Milliseconds since 1970-01-01T00:00, shown as wall-clock dates and times. */
    DATE
  }

  /**
   * One named line.
   *
   * @param name the legend text
   * @param x    the x values (copied)
   * @param y    the y values, as many as {@code x} (copied); NaN leaves a gap
   */
  public record Series(String name, double[] x, double[] y) {
    /**
     * Copies the arrays.
     *
     * @throws BadInputException when the arrays are empty, differ in length, or an x value is not finite
     */
    public Series {
      Objects.requireNonNull(name, "name");
      if (x.length == 0 || x.length != y.length) {
        throw BadInputException.parameter("series", "'" + name + "' needs as many y as x values, at least one; got "
            + x.length + " x and " + y.length + " y");
      }
      for (int i = 0; i < x.length; i++) {
        if (!Double.isFinite(x[i])) {
          throw BadInputException.parameter("series", "'" + name + "' has x value " + x[i] + " at index " + i);
        }
        if (Double.isInfinite(y[i])) {
          throw BadInputException.parameter("series", "'" + name + "' has y value " + y[i] + " at index " + i);
        }
      }
      x = x.clone();
      y = y.clone();
    }

    /** @return the x values (a copy) */
    @Override
    public double[] x() {
      return x.clone();
    }

    /** @return the y values (a copy) */
    @Override
    public double[] y() {
      return y.clone();
    }

    /** @return the number of points */
    public int size() {
      return x.length;
    }
  }

  /**
   * Validates and copies.
   *
   * @throws BadInputException when there is no series or two series share a name
   */
  public LineChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    Objects.requireNonNull(yLabel, "yLabel");
    Objects.requireNonNull(xAxis, "xAxis");
    series = List.copyOf(series);
    if (series.isEmpty()) {
      throw BadInputException.parameter("series", "a line chart needs at least one series");
    }
    if (series.stream().map(Series::name).distinct().count() != series.size()) {
      throw BadInputException.parameter("series", "series names must differ, got "
          + series.stream().map(Series::name).toList());
    }
  }

  /**
   * @param title  the title (may be empty)
   * @param xLabel the x axis label
   * @param yLabel the y axis label
   * @return a builder of a chart with these labels and a number axis
   */
  public static Builder builder(String title, String xLabel, String yLabel) {
    return new Builder(title, xLabel, yLabel);
  }

  /** Builds a {@link LineChart}. */
  public static final class Builder {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private XAxis xAxis = XAxis.NUMBER;
    private final List<Series> series = new ArrayList<>();

    private Builder(String title, String xLabel, String yLabel) {
      this.title = title;
      this.xLabel = xLabel;
      this.yLabel = yLabel;
    }

    /** @return this builder, with the way x values are read set (a date series sets {@link XAxis#DATE} itself) */
    public Builder xAxis(XAxis axis) {
      this.xAxis = Objects.requireNonNull(axis, "xAxis");
      return this;
    }

    /** @return this builder, with {@code y[i]} plotted at {@code x = i + 1} (epochs counted from 1) */
    public Builder series(String name, double[] y) {
      double[] x = new double[y.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = i + 1;
      }
      return series(name, x, y);
    }

    /** @return this builder, with a series of points {@code (x[i], y[i])} */
    public Builder series(String name, double[] x, double[] y) {
      series.add(new Series(name, x, y));
      return this;
    }

    /**
     * Adds a series over date-times (wall-clock, no time zone) and switches the x axis to {@link XAxis#DATE}.
     *
     * @return this builder
     */
    public Builder dateSeries(String name, List<LocalDateTime> times, double[] y) {
      double[] x = new double[times.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = times.get(i).toInstant(ZoneOffset.UTC).toEpochMilli();
      }
      xAxis = XAxis.DATE;
      return series(name, x, y);
    }

    /**
     * Adds a series over dates (each at midnight) and switches the x axis to {@link XAxis#DATE}.
     *
     * @return this builder
     */
    public Builder dailySeries(String name, List<LocalDate> dates, double[] y) {
      return dateSeries(name, dates.stream().map(LocalDate::atStartOfDay).toList(), y);
    }

    /** @return the chart */
    public LineChart build() {
      return new LineChart(title, xLabel, yLabel, xAxis, series);
    }
  }
}
