package io.tessera.charts.internal;

import io.tessera.charts.Dendrogram;
import io.tessera.charts.Palette;
import java.awt.Color;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a dendrogram's leaves and merges go, as SciPy's {@code dendrogram} places them: leaves in the order of a
 * depth-first walk from the root that visits {@code idx1} before {@code idx2} ({@code leaves_list}), one position
 * per leaf (0, 1, 2, ...), each merge halfway between its two children at the height of its distance. Clusters
 * that form below the colour threshold take the next palette colour, in leaf order, and colour every link inside
 * them; links above are neutral.
 */
final class DendrogramLayout {
  final int leaves;
  /** The leaf indices in display order. */
  final int[] order;
  /** Position along the leaf axis of every cluster (leaves first, then merges). */
  final double[] position;
  /** Height (merge distance) of every cluster; 0 for leaves. */
  final double[] height;
  /** Children of merge {@code k} (cluster {@code leaves + k}). */
  final int[][] children;
  /** The colour of every cluster's link, and of each leaf's cluster (neutral when none). */
  final Color[] colour;
  /** The largest merge distance. */
  final double maxHeight;

  DendrogramLayout(Dendrogram spec) {
    double[][] z = spec.linkage();
    leaves = z.length + 1;
    int total = 2 * leaves - 1;
    position = new double[total];
    height = new double[total];
    children = new int[z.length][];
    double max = 0;
    for (int k = 0; k < z.length; k++) {
      children[k] = new int[] {(int) z[k][0], (int) z[k][1]};
      height[leaves + k] = z[k][2];
      max = Math.max(max, z[k][2]);
    }
    maxHeight = max;
    order = leafOrder(total - 1);
    for (int p = 0; p < order.length; p++) {
      position[order[p]] = p;
    }
    // Children always have smaller indices than their merge, so one ascending pass places every merge.
    for (int k = 0; k < z.length; k++) {
      position[leaves + k] = (position[children[k][0]] + position[children[k][1]]) / 2;
    }
    colour = new Color[total];
    colourFrom(total - 1, spec.effectiveColourThreshold());
  }

  private int[] leafOrder(int root) {
    int[] out = new int[leaves];
    int n = 0;
    Deque<Integer> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      int c = stack.pop();
      if (c < leaves) {
        out[n++] = c;
      } else {
        // Pushed in reverse so that idx1 is visited first.
        stack.push(children[c - leaves][1]);
        stack.push(children[c - leaves][0]);
      }
    }
    return out;
  }

  /** Walks down from the root in leaf order, starting a new colour at each cluster that forms below the cut. */
  private void colourFrom(int root, double threshold) {
    int next = 0;
    Deque<Integer> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      int c = stack.pop();
      if (colour[c] == null) {
        colour[c] = c >= leaves && height[c] < threshold ? Palette.categorical(next++) : Palette.NEUTRAL;
      }
      if (c >= leaves) {
        int[] ch = children[c - leaves];
        boolean inside = height[c] < threshold;
        for (int child : ch) {
          if (inside) {
            colour[child] = colour[c];
          }
        }
        stack.push(ch[1]);
        stack.push(ch[0]);
      }
    }
  }

  /** @return cluster index {@code leaves + k} of merge {@code k} */
  int merge(int k) {
    return leaves + k;
  }
}
