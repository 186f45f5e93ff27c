package org.paperindex.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.paperindex.index.PaperIndex;
import org.paperindex.index.PaperSchema;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;
import org.paperindex.search.SearchResponse.Hit;

/**
 * Answers search requests against the index: validates paging, parses the user's query (with
 * {@code ti: au: abs: co: cat: id: doi:} fields), looks up bare arXiv ids directly, and turns
 * every user mistake into a {@link BadQueryException} with a readable message. Thread-safe.
 */
public final class SearchService {

  /** Results beyond this position are never served (deep paging is costly and useless). */
  public static final int MAX_WINDOW = 10_000;
  public static final int MAX_QUERY_CHARS = 2_000;

  // an unescaped '/' starts a regular expression in the classic syntax; users mean old-style ids
  private static final Pattern UNEXPECTED =
      Pattern.compile("^(?:Encountered .*|Lexical error) at line \\d+, column (\\d+)");
  private static final Pattern SLASH = Pattern.compile("(?<!\\\\)/");
  private static final Sort NEWEST_FIRST =
      new Sort(new SortField(PaperSchema.SUBMITTED, SortField.Type.LONG, true));
  private static final Query NOT_STUB = new TermQuery(new Term(PaperSchema.STUB, "true"));

  private final PaperIndex index;
  private final int maxSize;

  /** A service over {@code index} serving pages of at most {@code maxSize} hits. */
  public SearchService(PaperIndex index, int maxSize) {
    if (maxSize < 1 || maxSize > MAX_WINDOW) {
      throw new IllegalArgumentException("maxSize must be in 1.." + MAX_WINDOW + ", got " + maxSize);
    }
    this.index = index;
    this.maxSize = maxSize;
  }

  /** Runs a search; throws {@link BadQueryException} for anything the user must fix. */
  public SearchResponse search(SearchRequest req) {
    validatePaging(req);
    String q = req.q() == null ? "" : req.q().strip();
    if (q.length() > MAX_QUERY_CHARS) {
      throw new BadQueryException("query is too long (" + q.length() + " characters, at most "
          + MAX_QUERY_CHARS + ")");
    }
    if (q.isEmpty() || q.equals("*") || q.equals("*:*")) {
      return run(withoutStubs(new MatchAllDocsQuery()), NEWEST_FIRST, req);
    }
    Optional<ArxivId> id = ArxivId.tryParse(q);
    if (id.isPresent()) {
      // a pasted identifier: that paper, stubs included (the user asked for exactly it)
      return run(new TermQuery(new Term(PaperSchema.ID, id.get().value())), null, req);
    }
    return run(withoutStubs(parse(q)), null, req);
  }

  /** Number of papers in the index, as of the latest refresh. */
  public long count() {
    return index.count();
  }

  /** The paper with this id, from the index's stored copy. */
  public Optional<Paper> paper(ArxivId id) {
    return index.get(id);
  }

  /** Parses query text with the user field mapping; exposed for tests and the CLI's explain. */
  static Query parse(String q) {
    String escaped = SLASH.matcher(q).replaceAll("\\\\/");
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

  private void validatePaging(SearchRequest req) {
    if (req.size() < 1 || req.size() > maxSize) {
      throw new BadQueryException("size must be between 1 and " + maxSize + ", got " + req.size());
    }
    if (req.page() < 1) {
      throw new BadQueryException("page must be 1 or more, got " + req.page());
    }
    if ((long) req.page() * req.size() > MAX_WINDOW) {
      throw new BadQueryException("page " + req.page() + " of size " + req.size()
          + " goes beyond result " + MAX_WINDOW + "; narrow the query instead");
    }
  }

  private static Query withoutStubs(Query q) {
    return new BooleanQuery.Builder().add(q, Occur.MUST).add(NOT_STUB, Occur.MUST_NOT).build();
  }

  private SearchResponse run(Query query, Sort sort, SearchRequest req) {
    int from = (req.page() - 1) * req.size();
    int n = from + req.size();
    return index.withSearcher(s -> {
      try {
        long total = s.count(query);
        TopDocs top = sort == null ? s.search(query, n) : s.search(query, n, sort);
        List<Hit> hits = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = from; i < docs.length; i++) {
          hits.add(toHit(PaperSchema.fromDocument(s.storedFields().document(docs[i].doc))));
        }
        return new SearchResponse(total, hits);
      } catch (IndexSearcher.TooManyClauses e) {
        throw new BadQueryException("query expands to too many terms; be more specific");
      } catch (IOException e) {
        throw new UncheckedIOException("search failed", e);
      }
    });
  }

  private static Hit toHit(Paper p) {
    return new Hit(p.id().value(), p.title(), p.authors().stream().map(Author::name).toList(),
        p.year(), p.primaryCategory());
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
