package org.paperindex.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.paperindex.index.PaperSchema;
import org.paperindex.model.ArxivId;

/**
 * Turns a {@link SearchRequest} into Lucene: the user query (parsed, or a bare-id lookup), the
 * plain filters (dates, license, withdrawn, stubs) in the base query, and the facet filters
 * (category, year, and any other facet dimension) as drill-downs so that facet counts can be
 * computed sideways.
 */
final class QueryBuilder {

  /**
   * The user's query (for scoring and highlighting), the full drill-down query to run, and
   * whether its base (the query without facet filters) is the browse of every paper (no text
   * and no plain filter).
   */
  record Built(Query userQuery, DrillDownQuery query, List<FacetFilter> facetFilters, Sort sort,
      SortOrder order, boolean allBase) {
    /** The browse of every paper with no facet filter either (a front page). */
    boolean unfiltered() {
      return allBase && facetFilters.isEmpty();
    }
  }

  private static final Pattern UNEXPECTED =
      Pattern.compile("^(?:Encountered .*|Lexical error) at line \\d+, column (\\d+)");
  // an unescaped '/' starts a regular expression in the classic syntax; users mean old-style ids
  private static final Pattern SLASH = Pattern.compile("(?<!\\\\)/");
  // TeX math: $...$ holds braces and backslashes the parser cannot take; searched as a phrase
  private static final Pattern MATH = Pattern.compile("\\$([^$]{1,200})\\$");
  private static final Query STUB = new TermQuery(new Term(PaperSchema.STUB, "true"));
  private static final Query WITHDRAWN = new TermQuery(new Term(PaperSchema.WITHDRAWN, "true"));

  private QueryBuilder() {}

  // The front page (every paper, no filter) as the papers whose title is indexed: a stub is
  // the only document without one, and Lucene keeps norms even for a title of stop words. Not
  // "match all minus stubs": Lucene turns that match-all into a non-scoring clause that visits
  // every document, so the newest-first front page read all 1M papers (2.1 ms) where this query
  // lets the date sort skip to the newest (0.33 ms). With any filter the match-all form stays:
  // there Lucene drops the match-all and leads with the filter.
  private static final Query FRONT_PAGE = new FieldExistsQuery(PaperSchema.TITLE);

  /**
   * The base query of the all-papers browse: every paper but title-less stubs. Facet counting
   * takes this form, not {@link #FRONT_PAGE}'s: {@code HitBits} reads a match-all minus a term
   * word by word, a field-exists query one document at a time.
   */
  static Query everything() {
    return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
        .add(STUB, Occur.MUST_NOT).build();
  }

  /** Builds the queries and sort for a validated request. */
  static Built build(SearchRequest req) {
    String q = req.text();
    BooleanQuery.Builder base = new BooleanQuery.Builder();
    Query user;
    if (q.isEmpty() || q.equals("*") || q.equals("*:*")) {
      user = new MatchAllDocsQuery();
      base.add(user, Occur.MUST).add(STUB, Occur.MUST_NOT); // as everything()
    } else {
      Optional<ArxivId> id = ArxivId.tryParse(q);
      if (id.isPresent()) {
        // a pasted identifier: that paper, stubs included (the user asked for exactly it)
        user = new TermQuery(new Term(PaperSchema.ID, id.get().value()));
        base.add(user, Occur.MUST);
      } else {
        // title-less stubs never match text anyway; excluding them keeps q=-x from listing them
        user = parse(q);
        base.add(user, Occur.MUST).add(STUB, Occur.MUST_NOT);
      }
    }
    if (req.from() != null || req.to() != null) {
      String field = req.dateField() == SearchRequest.DateField.UPDATED
          ? PaperSchema.UPDATED : PaperSchema.SUBMITTED;
      long lo = req.from() == null ? Long.MIN_VALUE : req.from().toEpochDay();
      long hi = req.to() == null ? Long.MAX_VALUE : req.to().toEpochDay();
      base.add(LongPoint.newRangeQuery(field, lo, hi), Occur.FILTER);
    }
    if (req.license() != null) {
      base.add(new TermQuery(new Term(PaperSchema.LICENSE, PaperSchema.keyword(req.license()))),
          Occur.FILTER);
    }
    switch (req.withdrawn()) {
      case EXCLUDE -> base.add(WITHDRAWN, Occur.MUST_NOT);
      case ONLY -> base.add(WITHDRAWN, Occur.FILTER);
      case INCLUDE -> { }
    }
    List<FacetFilter> filters = facetFilters(req);
    SortOrder order = req.effectiveSort();
    boolean allBase = user instanceof MatchAllDocsQuery && req.from() == null
        && req.to() == null && req.license() == null
        && req.withdrawn() == SearchRequest.Withdrawn.INCLUDE;
    DrillDownQuery dd = new DrillDownQuery(PaperSchema.facetsConfig(),
        allBase && filters.isEmpty() ? FRONT_PAGE : base.build());
    for (FacetFilter f : filters) {
      dd.add(f.dim(), f.query());
    }
    return new Built(user, dd, filters, sort(order), order, allBase);
  }

  /** The request's facet filters: drill-downs of the query and tests for facet counting. */
  private static List<FacetFilter> facetFilters(SearchRequest req) {
    List<FacetFilter> filters = new ArrayList<>();
    if (!req.categories().isEmpty()) {
      // the lower-cased keyword field rather than the facet label: case-insensitive
      filters.add(req.primaryOnly()
          ? new FacetFilter.Keywords(PaperSchema.FACET_PRIMARY, PaperSchema.PRIMARY_CATEGORY,
              keywords(req.categories()))
          : new FacetFilter.Keywords(PaperSchema.FACET_CATEGORY, PaperSchema.CATEGORIES,
              keywords(req.categories())));
    }
    if (req.yearFrom() != null) {
      filters.add(new FacetFilter.IntRange(PaperSchema.FACET_YEAR, PaperSchema.YEAR,
          req.yearFrom(), req.yearTo()));
    }
    addLabels(filters, "hasCode",
        req.hasCode() == null ? List.of() : List.of(req.hasCode().toString()));
    addLabels(filters, "hasDataset",
        req.hasDataset() == null ? List.of() : List.of(req.hasDataset().toString()));
    addLabels(filters, "institution", req.institutions());
    return List.copyOf(filters);
  }

  private static Set<String> keywords(List<String> values) {
    return values.stream().map(PaperSchema::keyword).collect(Collectors.toSet());
  }

  /** A filter on a facet dimension the schema may not have yet: exact labels, OR-ed. */
  private static void addLabels(List<FacetFilter> filters, String dim, List<String> labels) {
    if (labels.isEmpty()) {
      return;
    }
    if (!PaperSchema.FACET_DIMS.contains(dim)) {
      throw new BadQueryException("filter '" + dim + "' is not available yet: the index has no "
          + dim + " data");
    }
    filters.add(new FacetFilter.Labels(dim, Set.copyOf(labels)));
  }

  /** Every sort ends with the id so the order is total (cursors depend on that). */
  static Sort sort(SortOrder o) {
    SortField id = new SortField(PaperSchema.ID, SortField.Type.STRING);
    return switch (o) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, id);
      case SUBMITTED_ASC -> new Sort(date(PaperSchema.SUBMITTED, false), id);
      case SUBMITTED_DESC -> new Sort(date(PaperSchema.SUBMITTED, true), id);
      case UPDATED_ASC -> new Sort(date(PaperSchema.UPDATED, false), id);
      case UPDATED_DESC -> new Sort(date(PaperSchema.UPDATED, true), id);
    };
  }

  private static SortField date(String field, boolean newestFirst) {
    SortField f = new SortField(field, SortField.Type.LONG, newestFirst);
    f.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE); // undated papers last
    return f;
  }

  /** Parses query text with the user field mapping. */
  static Query parse(String q) {
    String escaped = SLASH.matcher(quoteMath(q)).replaceAll("\\\\/");
    try {
      return new FieldMappingQueryParser().parse(escaped);
    } catch (ParseException e) {
      // the parser prefixes "Cannot parse '<query>': "; say it once, with the user's own text
      String msg = firstLine(e.getMessage());
      String prefix = "Cannot parse '" + escaped + "': ";
      if (msg.startsWith(prefix)) {
        msg = msg.substring(prefix.length());
      }
      throw new BadQueryException("cannot parse query '" + abbreviate(q) + "': " + explain(msg));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new BadQueryException("query '" + abbreviate(q) + "' expands to too many terms; be more specific");
    }
  }

  /** {@code $\mathbb{Z}_2$} → {@code "\\mathbb{Z}_2"}: the analyzer's TeX folding reads it. */
  private static String quoteMath(String q) {
    if (q.indexOf('$') < 0) {
      return q;
    }
    Matcher m = MATH.matcher(q);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String inner = m.group(1).replace("\\", "\\\\").replace("\"", "\\\"");
      m.appendReplacement(sb, Matcher.quoteReplacement("\"" + inner + "\""));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Rewrites the parser's grammar-speak into advice for the common mistakes. */
  private static String explain(String msg) {
    if (msg.startsWith("Encountered \"<EOF>\"")) {
      return "the query ends too early (an unclosed '(' or a dangling AND/OR/NOT?)";
    }
    if (msg.startsWith("Lexical error") && msg.contains("<EOF>")) {
      return "the query ends inside a quoted phrase or after a backslash (unclosed '\"'?)";
    }
    Matcher m = UNEXPECTED.matcher(msg);
    if (m.find()) {
      return "unexpected input at column " + m.group(1)
          + " (special characters like : ( ) [ ] { } ^ ~ need a backslash or quotes)";
    }
    return msg;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "syntax error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String abbreviate(String s) {
    return s.length() <= 100 ? s : s.substring(0, 97) + "...";
  }
}
