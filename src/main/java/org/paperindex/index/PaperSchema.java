package org.paperindex.index;

import java.io.Reader;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.paperindex.model.Author;
import org.paperindex.model.Institution;
import org.paperindex.model.Link;
import org.paperindex.model.Paper;
import org.paperindex.store.PaperCodec;

/**
 * The one place that defines every Lucene field of a paper document, the analyzers that read
 * them and the facet dimensions; everything else refers to these constants.
 */
public final class PaperSchema {

  /**
   * Bump whenever {@link #toDocument} changes what it indexes: an index committed with another
   * version is re-indexed from the record store on open (see {@link PaperIndex#SCHEMA}).
   * 2: author keys, id doc values, stored display categories, updated-or-submitted dates.
   * 4: offsets in the title and abstract postings (highlighting without re-analysis).
   */
  public static final int SCHEMA_VERSION = 4;

  /** Stored, analysed text with positions and offsets: what the highlighter reads. */
  private static final FieldType HIGHLIGHTED_TEXT = highlightedText();

  private static FieldType highlightedText() {
    FieldType t = new FieldType(TextField.TYPE_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  // --- field names ---------------------------------------------------------------------------
  /** arXiv id without version; StringField, stored; the update key. */
  public static final String ID = "id";
  public static final String VERSION = "version";
  public static final String TITLE = "title";
  public static final String ABSTRACT = "abstract";
  public static final String AUTHORS = "authors";
  /** Normalised "surname_initials" keys per author ({@link AuthorKeys}); indexed only. */
  public static final String AUTHOR_KEYS = "authorKeys";
  public static final String COMMENTS = "comments";
  public static final String CATEGORIES = "categories";
  public static final String PRIMARY_CATEGORY = "primaryCategory";
  public static final String DOI = "doi";
  public static final String JOURNAL_REF = "journalRef";
  public static final String LICENSE = "license";
  public static final String WITHDRAWN = "withdrawn";
  /** "true" only on withdrawn stubs that have no metadata (no title). */
  public static final String STUB = "stub";
  /** Epoch day of v1: points, doc values (sort) and stored. */
  public static final String SUBMITTED = "submitted";
  /**
   * Epoch day of the last change: points and doc values hold {@code updated} or, for papers with
   * one version, {@code submitted} (so "recently updated" sorts and filters include new papers);
   * the stored value is the real {@code updated} only, for display.
   */
  public static final String UPDATED = "updated";
  public static final String YEAR = "year";
  /** The whole paper as {@link PaperCodec} JSON. */
  public static final String PAPER_JSON = "paper";

  // --- facet dimensions ----------------------------------------------------------------------
  public static final String FACET_CATEGORY = "category";
  public static final String FACET_YEAR = "year";
  public static final String FACET_PRIMARY = "primaryCategory";
  public static final String FACET_INSTITUTION = "institution";
  public static final String FACET_HAS_CODE = "hasCode";
  public static final String FACET_HAS_DATASET = "hasDataset";

  // --- derived (extraction) fields -----------------------------------------------------------
  /** Institution names (analysed, folded) of the resolved ROR institutions. */
  public static final String INSTITUTION = "institution";
  /** ROR ids, both as the full URL and the bare id, one lower-cased term each. */
  public static final String INSTITUTION_ID = "institutionId";
  /** Raw affiliation strings as the sources gave them (analysed, folded). */
  public static final String AFFILIATION = "affiliation";
  public static final String HAS_CODE = "hasCode";
  public static final String HAS_DATASET = "hasDataset";

  /**
   * Every facet dimension, in the order responses list them. Search computes facets over exactly
   * this list, so a dimension added here (and indexed in {@link #toDocument}) appears in search
   * responses and becomes a valid filter with no other change.
   */
  public static final java.util.List<String> FACET_DIMS =
      java.util.List.of(
          FACET_CATEGORY, FACET_YEAR, FACET_PRIMARY, FACET_INSTITUTION, FACET_HAS_CODE,
          FACET_HAS_DATASET);

  /**
   * Every indexed (searchable or filterable) field. The query parser accepts a user field only
   * if its schema field is listed here, so add new fields here too (a test checks the list
   * against {@link #toDocument}).
   */
  public static final java.util.Set<String> INDEXED_FIELDS = java.util.Set.of(
      ID, VERSION, TITLE, ABSTRACT, AUTHORS, AUTHOR_KEYS, COMMENTS, CATEGORIES, PRIMARY_CATEGORY,
      DOI, JOURNAL_REF, LICENSE, WITHDRAWN, STUB, SUBMITTED, UPDATED, YEAR, INSTITUTION,
      INSTITUTION_ID, AFFILIATION, HAS_CODE, HAS_DATASET);

  private static final Analyzer ENGLISH = new FoldingEnglishAnalyzer();
  private static final Analyzer NAMES = new NameAnalyzer();
  private static final Analyzer KEYWORD = new LowerCaseKeywordAnalyzer();

  private static final Analyzer ANALYZER =
      new PerFieldAnalyzerWrapper(
          KEYWORD, // ids, categories, doi, license, flags: one lower-cased token
          Map.of(
              TITLE, ENGLISH,
              ABSTRACT, ENGLISH,
              COMMENTS, ENGLISH,
              JOURNAL_REF, ENGLISH,
              AUTHORS, NAMES,
              INSTITUTION, NAMES,
              AFFILIATION, NAMES));

  private static final FacetsConfig FACETS = newFacetsConfig();

  private PaperSchema() {}

  /** The analyzer for indexing and for query parsing (same analysis on both sides). */
  public static Analyzer analyzer() {
    return ANALYZER;
  }

  /** Facet dimensions: category is multi-valued, year and primaryCategory single-valued. */
  public static FacetsConfig facetsConfig() {
    return FACETS;
  }

  /** True when {@code field} is an indexed field of this schema. */
  public static boolean hasField(String field) {
    return INDEXED_FIELDS.contains(field);
  }

  private static FacetsConfig newFacetsConfig() {
    FacetsConfig c = new FacetsConfig();
    c.setMultiValued(FACET_CATEGORY, true);
    c.setMultiValued(FACET_YEAR, false);
    c.setMultiValued(FACET_PRIMARY, false);
    c.setMultiValued(FACET_INSTITUTION, true);
    c.setMultiValued(FACET_HAS_CODE, false);
    c.setMultiValued(FACET_HAS_DATASET, false);
    return c;
  }

  /** Lower-cases a keyword value the way the keyword fields are indexed. */
  public static String keyword(String value) {
    return value.toLowerCase(Locale.ROOT);
  }

  /** Builds the document for a paper; stubs get only id, flags and the stored JSON. */
  public static Document toDocument(Paper p) {
    Document d = new Document();
    // id: indexed as a single term (exact lookups, updateDocument key) and stored so hits can
    // name their paper without decoding the JSON
    d.add(new StringField(ID, p.id().value(), Field.Store.YES));
    // id doc values: the tie-breaker of every sort, so cursors stay valid across refreshes and
    // merges (Lucene doc ids do not)
    d.add(new SortedDocValuesField(ID, new BytesRef(p.id().value())));
    // withdrawn: a single-term flag so queries can include or exclude withdrawn papers; stored
    // so hit lists can flag them without decoding the JSON
    d.add(new StringField(WITHDRAWN, Boolean.toString(p.withdrawn()), Field.Store.YES));
    // the whole paper, stored only: the detail view needs one stored-field read
    d.add(new StoredField(PAPER_JSON, new BytesRef(PaperCodec.encode(p))));
    if (p.version() > 0) {
      // version: points for range queries ("papers with more than 3 versions"), stored for display
      d.add(new IntPoint(VERSION, p.version()));
      d.add(new StoredField(VERSION, p.version()));
    }
    if (p.isStub()) {
      // a deleted record we know nothing about: findable by id, kept out of free-text results
      d.add(new StringField(STUB, "true", Field.Store.NO));
      return d;
    }
    // title/abstract: analysed full text with stemming; stored for highlighting and hit lists,
    // with offsets in the postings so highlighting need not analyse the text again
    d.add(new Field(TITLE, p.title(), HIGHLIGHTED_TEXT));
    if (p.abstractText() != null) {
      d.add(new Field(ABSTRACT, p.abstractText(), HIGHLIGHTED_TEXT));
    }
    // authors: one value per author (multi-valued), accent-folded; stored for hit lists
    for (Author a : p.authors()) {
      d.add(new TextField(AUTHORS, a.name(), Field.Store.YES));
      // exact "surname_initials" terms so initials queries match full forenames
      for (String k : AuthorKeys.indexKeys(a)) {
        d.add(new StringField(AUTHOR_KEYS, k, Field.Store.NO));
      }
    }
    // comments/journalRef: searchable text only; the display copy lives in the JSON
    addText(d, COMMENTS, p.comments());
    addText(d, JOURNAL_REF, p.journalRef());
    // categories: exact lower-cased terms for filtering, plus a facet with the original spelling
    // (the stored copies keep the original spelling "cs.IR" for hit lists)
    for (String c : p.categories()) {
      d.add(new StringField(CATEGORIES, keyword(c), Field.Store.NO));
      d.add(new StoredField(CATEGORIES, c));
      d.add(new SortedSetDocValuesFacetField(FACET_CATEGORY, c));
    }
    if (p.primaryCategory() != null) {
      d.add(new StringField(PRIMARY_CATEGORY, keyword(p.primaryCategory()), Field.Store.NO));
      d.add(new StoredField(PRIMARY_CATEGORY, p.primaryCategory()));
      d.add(new SortedSetDocValuesFacetField(FACET_PRIMARY, p.primaryCategory()));
    }
    // doi: DOIs are case-insensitive, so one lower-cased term
    if (p.doi() != null) {
      d.add(new StringField(DOI, keyword(p.doi()), Field.Store.NO));
    }
    if (p.license() != null) {
      d.add(new StringField(LICENSE, keyword(p.license()), Field.Store.NO));
    }
    // dates as epoch days: points for range filters, doc values for sorting, stored for display
    addDate(d, SUBMITTED, p.submitted(), p.submitted());
    addDate(d, UPDATED, p.updated() != null ? p.updated() : p.submitted(), p.updated());
    if (p.year() > 0) {
      // year: points for ranges, stored for hits, and a facet dimension
      d.add(new IntPoint(YEAR, p.year()));
      d.add(new StoredField(YEAR, p.year()));
      d.add(new SortedSetDocValuesFacetField(FACET_YEAR, Integer.toString(p.year())));
    }
    addExtraction(d, p);
    try {
      // turns the facet fields into the doc-values fields they are indexed as
      return FACETS.build(d);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot build facets for " + p.id(), e);
    }
  }

  /** Reads the stored paper back from a document loaded from the index. */
  public static Paper fromDocument(Document d) {
    BytesRef b = d.getBinaryValue(PAPER_JSON);
    if (b == null) {
      throw new IllegalStateException("document " + d.get(ID) + " has no stored paper");
    }
    return PaperCodec.decode(Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length));
  }

  /** Institutions, raw affiliations and link flags derived by the extraction stage. */
  private static void addExtraction(Document d, Paper p) {
    for (Institution i : p.institutions()) {
      // names: searchable text and a facet (display spelling); ids: exact terms, URL and bare
      d.add(new TextField(INSTITUTION, i.name(), Field.Store.NO));
      d.add(new StringField(INSTITUTION_ID, keyword(i.rorId()), Field.Store.NO));
      String bare = i.rorId().substring(i.rorId().lastIndexOf('/') + 1);
      d.add(new StringField(INSTITUTION_ID, keyword(bare), Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField(FACET_INSTITUTION, i.name()));
    }
    java.util.Set<String> affs = new java.util.LinkedHashSet<>();
    p.authors().forEach(a -> affs.addAll(a.affiliations()));
    for (String aff : affs) {
      d.add(new TextField(AFFILIATION, aff, Field.Store.NO));
    }
    // link flags: single terms for filters plus facets, so front ends can show "with code (n)"
    boolean code = p.links().stream().anyMatch(l -> l.kind().equals(Link.CODE));
    boolean data = p.links().stream().anyMatch(l -> l.kind().equals(Link.DATASET));
    d.add(new StringField(HAS_CODE, Boolean.toString(code), Field.Store.NO));
    d.add(new StringField(HAS_DATASET, Boolean.toString(data), Field.Store.NO));
    d.add(new SortedSetDocValuesFacetField(FACET_HAS_CODE, Boolean.toString(code)));
    d.add(new SortedSetDocValuesFacetField(FACET_HAS_DATASET, Boolean.toString(data)));
  }

  private static void addText(Document d, String field, String value) {
    if (value != null) {
      d.add(new TextField(field, value, Field.Store.NO));
    }
  }

  private static void addDate(Document d, String field, LocalDate indexed, LocalDate stored) {
    if (indexed != null) {
      d.add(new LongPoint(field, indexed.toEpochDay()));
      d.add(new NumericDocValuesField(field, indexed.toEpochDay()));
    }
    if (stored != null) {
      d.add(new StoredField(field, stored.toEpochDay()));
    }
  }

  /**
   * English text: TeX accent folding, possessives, lower case, accent folding, stop words,
   * Porter stemming.
   */
  private static final class FoldingEnglishAnalyzer extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return TexFolding.wrap(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream s = new EnglishPossessiveFilter(source);
      s = new LowerCaseFilter(s);
      s = new ASCIIFoldingFilter(s);
      s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      s = new PorterStemFilter(s);
      return new TokenStreamComponents(source, s);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }

  /** Person names: no stemming or stop words, but lower case and folding (schrodinger = Schrödinger). */
  private static final class NameAnalyzer extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return TexFolding.wrap(reader); // arXiv author lists often spell Schr\"odinger in TeX
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(source));
      return new TokenStreamComponents(source, s);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }

  /** The whole value as one lower-cased token, matching how keyword fields are indexed. */
  private static final class LowerCaseKeywordAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new KeywordTokenizer();
      return new TokenStreamComponents(source, new LowerCaseFilter(source));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }
  }
}
