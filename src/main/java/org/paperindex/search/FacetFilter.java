package org.paperindex.search;

import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.paperindex.index.FacetLabels;
import org.paperindex.index.PaperSchema;

/**
 * A filter on one facet dimension, in both forms search needs: the drill-down query that
 * {@link QueryBuilder} adds for it ({@link #query}), and the same test on the uninverted labels,
 * which facet counting evaluates ({@link #accepts}, resolved against a dimension's labels into a
 * table indexed by label id). Both match the same documents, so counts agree with the hits.
 */
sealed interface FacetFilter {

  /** The dimension filtered on (a name in {@code PaperSchema.FACET_DIMS}). */
  String dim();

  /** The documents that pass, as a Lucene query. */
  Query query();

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
    public Query query() {
      String field = PaperSchema.facetsConfig().getDimConfig(dim).indexFieldName;
      return any(labels.stream().sorted()
          .map(l -> new TermQuery(DrillDownQuery.term(field, dim, l))).toList());
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

  /**
   * Any of these values, ignoring case (categories): the query looks them up in the lower-cased
   * keyword {@code field}, not in the facet labels, which keep arXiv's spelling.
   */
  record Keywords(String dim, String field, Set<String> lowerCased) implements FacetFilter {
    public Keywords {
      lowerCased = Set.copyOf(lowerCased);
    }

    @Override
    public Query query() {
      return any(lowerCased.stream().sorted().map(v -> new TermQuery(new Term(field, v))).toList());
    }

    @Override
    public boolean accepts(String label) {
      return lowerCased.contains(label.toLowerCase(Locale.ROOT));
    }
  }

  /** An integer label within {@code from..to} inclusive (years), indexed as a point in {@code field}. */
  record IntRange(String dim, String field, int from, int to) implements FacetFilter {
    @Override
    public Query query() {
      return IntPoint.newRangeQuery(field, from, to);
    }

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

  private static Query any(java.util.List<? extends Query> queries) {
    if (queries.size() == 1) {
      return queries.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    queries.forEach(q -> b.add(q, Occur.SHOULD));
    return b.build();
  }
}
