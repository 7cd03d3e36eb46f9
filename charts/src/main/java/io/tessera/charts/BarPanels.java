package io.tessera.charts;

import io.tessera.api.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Horizontal bar charts as small multiples: a grid of panels, each with its own title and bars listed top to
 * bottom in the order given — the top words of each topic with their weights, for example. Panel {@code i} takes
 * {@link Palette} colour {@code i}; by default all panels share one value scale so their bars compare.
 *
 * @param title       the overall title (may be empty)
 * @param valueLabel  the label of the value axes
 * @param columns     panels per row, at least 1
 * @param sharedScale whether every panel uses the same value range
 * @param panels      the panels, at least one
 */
public record BarPanels(String title, String valueLabel, int columns, boolean sharedScale, List<Panel> panels)
    implements Chart {

  /**
   * One bar.
   *
   * @param label the bar's label
   * @param value its length (finite)
   */
  public record Bar(String label, double value) {
    /**
     * @throws BadInputException when the value is not finite
     */
    public Bar {
      Objects.requireNonNull(label, "label");
      if (!Double.isFinite(value)) {
        throw BadInputException.parameter("bars", "bar '" + label + "' has value " + value);
      }
    }
  }

  /**
   * One panel.
   *
   * @param title the panel's title
   * @param bars  its bars, top to bottom, at least one, with distinct labels
   */
  public record Panel(String title, List<Bar> bars) {
    /**
     * @throws BadInputException when there are no bars or two share a label
     */
    public Panel {
      Objects.requireNonNull(title, "title");
      bars = List.copyOf(bars);
      if (bars.isEmpty()) {
        throw BadInputException.parameter("bars", "panel '" + title + "' has no bars");
      }
      if (bars.stream().map(Bar::label).distinct().count() != bars.size()) {
        throw BadInputException.parameter("bars", "panel '" + title + "' repeats a bar label: "
            + bars.stream().map(Bar::label).toList());
      }
    }
  }

  /**
   * Copies the panels.
   *
   * @throws BadInputException when there are no panels or {@code columns < 1}
   */
  public BarPanels {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(valueLabel, "valueLabel");
    panels = List.copyOf(panels);
    if (panels.isEmpty()) {
      throw BadInputException.parameter("panels", "bar panels need at least one panel");
    }
    if (columns < 1) {
      throw BadInputException.parameter("columns", "must be at least 1, got " + columns);
    }
  }

  /** @return the number of panel rows */
  public int rows() {
    return (panels.size() + columns - 1) / columns;
  }

  /**
   * @param title      the overall title (may be empty)
   * @param valueLabel the label of the value axes
   * @return a builder of panels with these labels, a shared scale and up to 3 columns
   */
  public static Builder builder(String title, String valueLabel) {
    return new Builder(title, valueLabel);
  }

  /** Builds {@link BarPanels}. */
  public static final class Builder {
    private final String title;
    private final String valueLabel;
    private int columns;
    private boolean sharedScale = true;
    private final List<Panel> panels = new ArrayList<>();

    private Builder(String title, String valueLabel) {
      this.title = title;
      this.valueLabel = valueLabel;
    }

    /** @return this builder, with the panels per row set (default: up to 3, fewer when there are fewer panels) */
    public Builder columns(int count) {
      this.columns = count;
      return this;
    }

    /** @return this builder, with shared or independent value ranges */
    public Builder sharedScale(boolean shared) {
      this.sharedScale = shared;
      return this;
    }

    /** @return this builder, with a panel of bars labelled {@code labels[i]} of length {@code values[i]} */
    public Builder panel(String panelTitle, List<String> labels, double[] values) {
      if (labels.size() != values.length) {
        throw BadInputException.parameter("bars", "panel '" + panelTitle + "' has " + labels.size()
            + " labels but " + values.length + " values");
      }
      List<Bar> bars = new ArrayList<>(values.length);
      for (int i = 0; i < values.length; i++) {
        bars.add(new Bar(labels.get(i), values[i]));
      }
      return panel(new Panel(panelTitle, bars));
    }

    /** @return this builder, with {@code panel} added */
    public Builder panel(Panel panel) {
      panels.add(Objects.requireNonNull(panel, "panel"));
      return this;
    }

    /** @return the chart */
    public BarPanels build() {
      int cols = columns == 0 ? Math.max(1, Math.min(3, panels.size())) : columns;
      return new BarPanels(title, valueLabel, cols, sharedScale, panels);
    }
  }
}
