package org.paperindex.search;

import java.util.Locale;
import java.util.Set;
import org.paperindex.index.FacetLabels;

/**
 * A filter on one facet dimension, as facet counting evaluates it on the uninverted labels: the
 * same documents as the drill-down query {@link QueryBuilder} adds for it, so counts agree with
 * the hits. Resolved against a dimension's labels into a table indexed by label id.
 */
sealed interface FacetFilter {

  /** The dimension filtered on (a name in {@code PaperSchema.FACET_DIMS}). */
  String dim();

  /** Whether a document with this label passes. */
  boolean accepts(String label);

  /** Label ids that pass, as a table over every id {@code labels} has handed out so far. */
  default boolean[] resolve(FacetLabels labels) {
    boolean[] ok = new boolean[labels.size()];
    for (int id = 0; id < ok.length; id++) {
      ok[id] = accepts(labels.label(id));
    }
    return ok;
  }

  /** Any of these labels, exactly (institution names, {@code true}/{@code false} flags). */
  record Labels(String dim, Set<String> labels) implements FacetFilter {
    public Labels {
      labels = Set.copyOf(labels);
    }

    @Override
    public boolean accepts(String label) {
      return labels.contains(label);
    }

    @Override
    public boolean[] resolve(FacetLabels all) {
      boolean[] ok = new boolean[all.size()];
      for (String l : labels) {
        int id = all.find(l);
        if (id >= 0 && id < ok.length) {
          ok[id] = true;
        }
      }
      return ok;
    }
  }

  /** Any of these values, ignoring case (categories, matched like their keyword field). */
  record Keywords(String dim, Set<String> lowerCased) implements FacetFilter {
    public Keywords {
      lowerCased = Set.copyOf(lowerCased);
    }

    @Override
    public boolean accepts(String label) {
      return lowerCased.contains(label.toLowerCase(Locale.ROOT));
    }
  }

  /** An integer label within {@code from..to} inclusive (years). */
  record IntRange(String dim, int from, int to) implements FacetFilter {
    @Override
    public boolean accepts(String label) {
      try {
        int v = Integer.parseInt(label);
        return v >= from && v <= to;
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }
}
