package org.paperindex.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.paperindex.index.AuthorKeys;
import org.paperindex.index.PaperSchema;
import org.paperindex.model.ArxivId;

/**
 * Lucene's classic query parser over title^3, authors^2, abstract and comments^0.5, with the
 * user-facing field prefixes ({@code ti:}, {@code au:}, ...) mapped to schema fields and every
 * other field refused, so internal fields can never be queried by accident.
 *
 * <p>Not thread-safe (the classic parser keeps state): create one per query.
 */
final class FieldMappingQueryParser extends MultiFieldQueryParser {

  // fields the API promises before the schema has them: accepted once PaperSchema indexes them
  private static final Map<String, String> PLANNED = Map.of("inst", "institution", "aff", "affiliation");

  // a ROR id: "0" + 6 base-32 characters + 2 check digits, optionally as its URL
  private static final java.util.regex.Pattern ROR_ID =
      java.util.regex.Pattern.compile("(?i)(?:https?://ror\\.org/)?0[a-z0-9]{6}[0-9]{2}");

  /** User prefixes → schema fields; the schema names themselves are accepted too. */
  static final Map<String, String> FIELDS = fields();

  private static final String[] DEFAULT_FIELDS = {
    PaperSchema.TITLE, PaperSchema.AUTHORS, PaperSchema.ABSTRACT, PaperSchema.COMMENTS
  };
  // Relevance weights. A title match is the strongest evidence a paper is about the query (a
  // title is a dozen chosen words), a match on an author name nearly as strong (people search
  // for authors by name), the abstract is the baseline, and comments ("12 pages, accepted at
  // NeurIPS") are mostly boilerplate, so a comment-only match should rank below the others.
  // BM25 already normalises for the short title, so larger title boosts drown the abstract.
  private static final Map<String, Float> BOOSTS = Map.of(
      PaperSchema.TITLE, 3f, PaperSchema.AUTHORS, 2f, PaperSchema.ABSTRACT, 1f,
      PaperSchema.COMMENTS, 0.5f);


  FieldMappingQueryParser() {
    super(DEFAULT_FIELDS, PaperSchema.analyzer(), BOOSTS);
    setDefaultOperator(QueryParser.Operator.AND);
  }

  private static Map<String, String> fields() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("ti", PaperSchema.TITLE);
    m.put("au", PaperSchema.AUTHORS);
    m.put("abs", PaperSchema.ABSTRACT);
    m.put("co", PaperSchema.COMMENTS);
    m.put("cat", PaperSchema.CATEGORIES);
    m.put("id", PaperSchema.ID);
    m.put("doi", PaperSchema.DOI);
    m.putAll(PLANNED);
    for (String f : List.copyOf(m.values())) {
      m.putIfAbsent(f, f);
    }
    return Map.copyOf(m);
  }

  /** Maps a user field to a schema field; null (the default fields) stays null. */
  private static String map(String field) throws ParseException {
    if (field == null || field.equals("*")) {
      return field;
    }
    String f = FIELDS.get(field);
    if (f == null) {
      throw new ParseException("unknown field '" + field + ":'; use one of ti: au: abs: co: cat: id: doi: inst: aff:");
    }
    if (!PaperSchema.hasField(f)) {
      throw new ParseException("field '" + field + ":' is not available yet: the index has no "
          + f + " data");
    }
    return f;
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    String f = map(field);
    if (PaperSchema.ID.equals(f)) {
      // accept every id form users paste (versions, arXiv: prefix, URLs); the index has bare ids
      Optional<ArxivId> id = ArxivId.tryParse(queryText);
      if (id.isEmpty()) {
        throw new ParseException("not an arXiv identifier: '" + queryText + "'");
      }
      return new TermQuery(new Term(PaperSchema.ID, id.get().value()));
    }
    Query ror = rorIdQuery(f, queryText);
    if (ror != null) {
      return ror;
    }
    Query q = super.getFieldQuery(f, queryText, quoted);
    return quoted && PaperSchema.AUTHORS.equals(f) ? withAuthorKeys(q, queryText) : q;
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    // quoted text arrives here (the classic parser passes the phrase slop)
    String f = map(field);
    Query ror = rorIdQuery(f, queryText);
    if (ror != null) {
      return ror;
    }
    Query q = super.getFieldQuery(f, queryText, slop);
    return PaperSchema.AUTHORS.equals(f) ? withAuthorKeys(q, queryText) : q;
  }

  /** inst: takes a name or a ROR id (bare or as its https://ror.org/ URL); null if not an id. */
  private static Query rorIdQuery(String field, String text) {
    String v = text.strip();
    if (!PaperSchema.INSTITUTION.equals(field) || !ROR_ID.matcher(v).matches()) {
      return null;
    }
    return new TermQuery(new Term(PaperSchema.INSTITUTION_ID,
        PaperSchema.keyword(v.substring(v.lastIndexOf('/') + 1))));
  }

  /** "Hinton G", "G. E. Hinton": the phrase, or any surname_initials key it can mean. */
  private static Query withAuthorKeys(Query phrase, String text) {
    Set<String> keys = AuthorKeys.queryKeys(text);
    if (keys.isEmpty()) {
      return phrase;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (phrase != null) {
      b.add(phrase, BooleanClause.Occur.SHOULD);
    }
    for (String k : keys) {
      b.add(new TermQuery(new Term(PaperSchema.AUTHOR_KEYS, k)), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
      boolean endInclusive) throws ParseException {
    return super.getRangeQuery(map(field), part1, part2, startInclusive, endInclusive);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    return super.getPrefixQuery(map(field), termStr);
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    return super.getWildcardQuery(map(field), termStr);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    return super.getFuzzyQuery(map(field), termStr, minSimilarity);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    return super.getRegexpQuery(map(field), termStr);
  }
}
