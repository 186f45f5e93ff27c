package org.paperindex.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.paperindex.index.PaperSchema;
import org.paperindex.index.PaperSearcher;

/**
 * Highlighted title and abstract snippets. Titles and abstracts are untrusted text, so every
 * character outside the {@code <mark>} tags is HTML-escaped; snippets are whole sentences and a
 * sentence boundary inside TeX math ({@code $...$}) is skipped, so math is never cut in half.
 */
final class Highlighting {

  /** Passages of the abstract per hit: two sentences around the best matches. */
  private static final int ABSTRACT_PASSAGES = 2;
  /** The UnifiedHighlighter reads at most this much of a field (abstracts are ~1-2 KB). */
  private static final int MAX_LENGTH = 10_000;

  private Highlighting() {}

  /**
   * Snippets per doc id, in the order of {@code docIds}: {"title": ..., "abstract": ...}. One
   * highlighter pass covers both fields, so each hit's stored fields are read and decompressed
   * once rather than once per field.
   */
  static List<Map<String, String>> highlight(IndexSearcher s, Query q, int[] docIds)
      throws IOException {
    return highlight(s, q, docIds, null);
  }

  /**
   * As above, with the hits' stored fields already read ({@code stored[i]} for {@code
   * docIds[i]}, title and abstract included), or null to read them here.
   */
  static List<Map<String, String>> highlight(IndexSearcher s, Query q, int[] docIds,
      Document[] stored) throws IOException {
    if (docIds.length == 0) {
      return new ArrayList<>();
    }
    Map<Integer, Document> byDoc = new HashMap<>();
    for (int i = 0; stored != null && i < docIds.length; i++) {
      byDoc.put(docIds[i], stored[i]);
    }
    Map<String, String[]> h = new BothFields(s, byDoc)
        .highlightFields(new String[] {PaperSchema.TITLE, PaperSchema.ABSTRACT}, q, docIds,
            new int[] {1, ABSTRACT_PASSAGES});
    return combine(h.get(PaperSchema.TITLE), h.get(PaperSchema.ABSTRACT));
  }

  /**
   * As {@link #highlight}, one pass per field and with Lucene's own passage scorer: the reference
   * the one-pass version must equal.
   */
  static List<Map<String, String>> highlightPerField(IndexSearcher s, Query q, int[] docIds)
      throws IOException {
    if (docIds.length == 0) {
      return new ArrayList<>();
    }
    PassageFormatter f = new EscapingFormatter();
    String[] titles = UnifiedHighlighter.builder(s, PaperSchema.analyzer())
        .withBreakIterator(WholeBreakIterator::new).withFormatter(f).withMaxLength(MAX_LENGTH)
        .withWeightMatches(false)
        .build()
        .highlightFields(new String[] {PaperSchema.TITLE}, q, docIds, new int[] {1})
        .get(PaperSchema.TITLE);
    String[] abstracts = UnifiedHighlighter.builder(s, PaperSchema.analyzer())
        .withBreakIterator(Highlighting::sentences)
        .withFormatter(f).withMaxLength(MAX_LENGTH)
        .withWeightMatches(false)
        .build()
        .highlightFields(new String[] {PaperSchema.ABSTRACT}, q, docIds,
            new int[] {ABSTRACT_PASSAGES})
        .get(PaperSchema.ABSTRACT);
    return combine(titles, abstracts);
  }

  private static List<Map<String, String>> combine(String[] titles, String[] abstracts) {
    List<Map<String, String>> out = new ArrayList<>(titles.length);
    for (int i = 0; i < titles.length; i++) {
      Map<String, String> h = new LinkedHashMap<>();
      if (titles[i] != null) {
        h.put("title", titles[i]);
      }
      if (abstracts[i] != null) {
        h.put("abstract", abstracts[i]);
      }
      out.add(h);
    }
    return out;
  }

  /** Sentences, never split inside TeX math. */
  private static BreakIterator sentences() {
    return new TexSafeBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT));
  }

  /** Both fields in one highlighter: the title is one passage, the abstract is split safely. */
  private static final class BothFields extends UnifiedHighlighter {
    private final IndexSearcher searcher;
    private final Map<Integer, Document> stored;

    BothFields(IndexSearcher s, Map<Integer, Document> stored) {
      super(UnifiedHighlighter.builder(s, PaperSchema.analyzer())
          .withFormatter(new EscapingFormatter()).withMaxLength(MAX_LENGTH)
          .withScorer(new LeanPassageScorer()).withWeightMatches(false));
      this.searcher = s;
      this.stored = stored;
    }

    /**
     * The field's index options: from the searcher's merged field infos, which a {@link
     * PaperSearcher} keeps (the highlighter would merge every segment's infos on every call).
     */
    @Override
    protected FieldInfo getFieldInfo(String field) {
      if (searcher instanceof PaperSearcher ps) {
        return ps.memo(FIELD_INFOS, () -> FieldInfos.getMergedFieldInfos(ps.getIndexReader()))
            .fieldInfo(field);
      }
      return super.getFieldInfo(field);
    }

    /** The hits' titles and abstracts as read with their display fields, if they were. */
    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs,
        int cacheCharsThreshold) throws IOException {
      if (stored.isEmpty()) {
        return super.loadFieldValues(fields, docs, cacheCharsThreshold);
      }
      List<CharSequence[]> out = new ArrayList<>();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        Document d = stored.get(doc);
        CharSequence[] values = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          String v = d == null ? null : d.get(fields[f]);
          values[f] = v == null ? "" : v.length() > MAX_LENGTH ? v.substring(0, MAX_LENGTH) : v;
        }
        out.add(values);
      }
      return out;
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
      return PaperSchema.TITLE.equals(field) ? new WholeBreakIterator() : sentences();
    }
  }

  private static final Object FIELD_INFOS = new Object();

  /** Minimal HTML escaping for text and attribute contexts. */
  static String escape(CharSequence s, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from + 16);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Escapes everything and wraps matches in {@code <mark>}; passages joined by an ellipsis. */
  private static final class EscapingFormatter extends PassageFormatter {
    @Override
    public String format(Passage[] passages, String content) {
      StringBuilder sb = new StringBuilder();
      int pos = 0;
      for (Passage p : passages) {
        if (p.getStartOffset() > pos && pos > 0) {
          sb.append(" … ");
        } else if (p.getStartOffset() > 0 && pos == 0) {
          sb.append("… ");
        }
        pos = p.getStartOffset();
        int[] starts = p.getMatchStarts();
        int[] ends = p.getMatchEnds();
        for (int i = 0; i < p.getNumMatches(); i++) {
          int start = starts[i];
          int end = ends[i];
          if (start < pos) {
            continue; // overlaps the previous match: already marked
          }
          // matches with only spaces between them are one mark: a phrase reads as one
          while (i + 1 < p.getNumMatches() && starts[i + 1] >= end
              && content.substring(end, starts[i + 1]).isBlank()) {
            end = Math.max(end, ends[++i]);
          }
          sb.append(escape(content, pos, start)).append("<mark>")
              .append(escape(content, start, end)).append("</mark>");
          pos = end;
        }
        sb.append(escape(content, pos, Math.max(pos, p.getEndOffset())));
        pos = Math.max(pos, p.getEndOffset());
      }
      if (pos < content.length() && passages.length > 0) {
        sb.append(" …");
      }
      return sb.toString().strip();
    }
  }
}
