package org.paperindex.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.paperindex.search.SearchResponse.FacetValue;

/**
 * Reads facet counts out of a drill-sideways result: for every requested dimension its top
 * values by count. A dimension the index holds no value for yet (a field added to the schema
 * but not indexed so far) comes back as an empty list rather than an error.
 */
final class FacetComputer {

  private FacetComputer() {}

  /** Top {@code size} values per dimension, in the order of {@code dims}. */
  static Map<String, List<FacetValue>> read(Facets facets, List<String> dims, int size)
      throws IOException {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : dims) {
      List<FacetValue> values = new ArrayList<>();
      FacetResult r;
      try {
        r = facets == null ? null : facets.getTopChildren(size, dim);
      } catch (IllegalArgumentException e) {
        r = null; // "dimension was not indexed": nothing to count yet
      }
      if (r != null) {
        for (LabelAndValue lv : r.labelValues) {
          values.add(new FacetValue(lv.label, lv.value.longValue()));
        }
      }
      out.put(dim, values);
    }
    return out;
  }

  /** Number of documents a facets collector saw: the total of the (drilled-down) query. */
  static long total(FacetsCollector fc) {
    long n = 0;
    for (FacetsCollector.MatchingDocs m : fc.getMatchingDocs()) {
      n += m.totalHits;
    }
    return n;
  }
}
