package org.paperindex.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.paperindex.index.PaperSchema;

/**
 * One search: query text, filters, sort, paging, facets and highlighting. Build it with {@link
 * #builder()}, from raw HTTP parameters with {@link #fromParams}, or with the original
 * {@code new SearchRequest(q, size, page)}; {@link #validate} says what is wrong with it.
 *
 * @param q query text; {@code null}, empty or {@code *} for everything
 * @param size hits per page
 * @param page 1-based page (shallow paging: {@code page * size <= 10000})
 * @param cursor the {@code nextCursor} of a previous response, or null; excludes {@code page > 1}
 * @param categories category filter (OR); matches primary or cross-list unless primaryOnly
 * @param primaryOnly the category filter applies to the primary category only
 * @param dateField the date {@code from}/{@code to} apply to
 * @param from first day included, or null
 * @param to last day included, or null
 * @param yearFrom first year included, or null
 * @param yearTo last year included, or null
 * @param hasCode filter on the hasCode facet dimension (once the schema has it), or null
 * @param hasDataset filter on the hasDataset facet dimension (once the schema has it), or null
 * @param institutions institution filter (OR; once the schema has it)
 * @param license exact license (URL as arXiv gives it, case-insensitive), or null
 * @param withdrawn how withdrawn papers are treated
 * @param sort the order, or null for the default (relevance with text, newest first without)
 * @param facets the facet dimensions to count; null for all of {@link PaperSchema#FACET_DIMS}
 * @param facetSize values per facet dimension
 * @param highlight whether hits carry highlighted title and abstract snippets
 */
public record SearchRequest(
    String q, int size, int page, String cursor,
    List<String> categories, boolean primaryOnly,
    DateField dateField, LocalDate from, LocalDate to,
    Integer yearFrom, Integer yearTo,
    Boolean hasCode, Boolean hasDataset, List<String> institutions,
    String license, Withdrawn withdrawn, SortOrder sort,
    List<String> facets, int facetSize, boolean highlight) {

  /** Results beyond this position are never served by {@code page} (use the cursor). */
  public static final int MAX_WINDOW = 10_000;
  public static final int MAX_QUERY_CHARS = 2_000;
  public static final int DEFAULT_SIZE = 10;
  public static final int DEFAULT_FACET_SIZE = 10;
  public static final int MAX_FACET_SIZE = 200;
  /** Years outside this range are certainly typos (arXiv started in 1991). */
  static final int MIN_YEAR = 1900;
  static final int MAX_YEAR = 2200;

  /** Which date {@code from}/{@code to} filter on. */
  public enum DateField { SUBMITTED, UPDATED }

  /** Withdrawn papers: included (the default), excluded, or the only ones returned. */
  public enum Withdrawn { INCLUDE, EXCLUDE, ONLY }

  /** Every parameter {@link #fromParams} understands. */
  public static final Set<String> PARAMS = Set.of(
      "q", "size", "page", "cursor", "category", "primaryOnly", "dateField", "from", "to",
      "year", "hasCode", "hasDataset", "institution", "license", "withdrawn", "sort", "facet",
      "facetSize", "highlight");
  private static final Set<String> REPEATABLE = Set.of("category", "institution", "facet");

  public SearchRequest {
    categories = categories == null ? List.of() : List.copyOf(categories);
    institutions = institutions == null ? List.of() : List.copyOf(institutions);
    facets = facets == null ? null : List.copyOf(facets);
    dateField = dateField == null ? DateField.SUBMITTED : dateField;
    withdrawn = withdrawn == null ? Withdrawn.INCLUDE : withdrawn;
    cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
    license = license == null || license.isBlank() ? null : license.strip();
  }

  /** The original request: query, size and page, no filters, every facet, highlighted. */
  public SearchRequest(String q, int size, int page) {
    this(q, size, page, null, null, false, null, null, null, null, null, null, null, null, null,
        null, null, null, DEFAULT_FACET_SIZE, true);
  }

  /** The first page of {@code size} results. */
  public static SearchRequest of(String q, int size) {
    return new SearchRequest(q, size, 1);
  }

  /** A builder starting from the defaults of {@link #SearchRequest(String, int, int)}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The query text without surrounding blanks ("" for none). */
  public String text() {
    return q == null ? "" : q.strip();
  }

  /** The facet dimensions to count: the requested ones, or every schema dimension. */
  public List<String> facetDims() {
    return facets == null ? PaperSchema.FACET_DIMS : facets;
  }

  /** The sort in effect: the requested one, else relevance for text and newest first without. */
  public SortOrder effectiveSort() {
    if (sort != null) {
      return sort;
    }
    String t = text();
    return t.isEmpty() || t.equals("*") || t.equals("*:*") ? SortOrder.SUBMITTED_DESC
        : SortOrder.RELEVANCE;
  }

  /**
   * What defines the result list (not its page or decoration): a cursor made for one request is
   * refused for another, so a client cannot silently mix result lists.
   */
  String resultKey() {
    return String.join("\u0001", text(), categories.toString(), Boolean.toString(primaryOnly),
        dateField.name(), String.valueOf(from), String.valueOf(to), String.valueOf(yearFrom),
        String.valueOf(yearTo), String.valueOf(hasCode), String.valueOf(hasDataset),
        institutions.toString(), String.valueOf(license), withdrawn.name(), effectiveSort().name());
  }

  /** Throws {@link BadQueryException} naming the first thing wrong; pages hold at most maxSize. */
  public void validate(int maxSize) {
    if (size < 1 || size > maxSize) {
      throw new BadQueryException("size must be between 1 and " + maxSize + ", got " + size);
    }
    if (page < 1) {
      throw new BadQueryException("page must be 1 or more, got " + page);
    }
    if ((long) page * size > MAX_WINDOW) {
      throw new BadQueryException("page " + page + " of size " + size + " goes beyond result "
          + MAX_WINDOW + "; narrow the query or page with the cursor");
    }
    if (cursor != null && page > 1) {
      throw new BadQueryException("give either page or cursor, not both");
    }
    if (text().length() > MAX_QUERY_CHARS) {
      throw new BadQueryException("query is too long (" + text().length()
          + " characters, at most " + MAX_QUERY_CHARS + ")");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new BadQueryException("from " + from + " is after to " + to);
    }
    checkYear(yearFrom);
    checkYear(yearTo);
    if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
      throw new BadQueryException("year range " + yearFrom + "-" + yearTo + " is empty");
    }
    if (facetSize < 1 || facetSize > MAX_FACET_SIZE) {
      throw new BadQueryException("facetSize must be between 1 and " + MAX_FACET_SIZE + ", got "
          + facetSize);
    }
    if (facets != null) {
      for (String f : facets) {
        if (!PaperSchema.FACET_DIMS.contains(f)) {
          throw new BadQueryException("unknown facet '" + abbreviate(f) + "'; use one of "
              + String.join(", ", PaperSchema.FACET_DIMS));
        }
      }
    }
    for (String c : categories) {
      if (c.isBlank() || c.length() > 40) {
        throw new BadQueryException("not a category: '" + abbreviate(c) + "'");
      }
    }
  }

  private static void checkYear(Integer y) {
    if (y != null && (y < MIN_YEAR || y > MAX_YEAR)) {
      throw new BadQueryException("year " + y + " is out of range " + MIN_YEAR + "-" + MAX_YEAR);
    }
  }

  /**
   * Reads and validates raw HTTP query parameters (name → values in order). Unknown names are
   * refused, except names starting with {@code _} (cache busters); single-valued parameters
   * given twice are refused; see {@link #PARAMS} for the names.
   */
  public static SearchRequest fromParams(Map<String, List<String>> params, int maxSize) {
    Builder b = builder();
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      String name = e.getKey();
      List<String> values = e.getValue() == null ? List.of() : e.getValue();
      if (name.startsWith("_") || values.isEmpty()) {
        continue;
      }
      if (!PARAMS.contains(name)) {
        throw new BadQueryException("unknown parameter '" + abbreviate(name) + "'; use "
            + String.join(", ", PARAMS.stream().sorted().toList()));
      }
      if (values.size() > 1 && !REPEATABLE.contains(name)) {
        throw new BadQueryException(name + " given " + values.size() + " times");
      }
      String v = values.get(0) == null ? "" : values.get(0).strip();
      switch (name) {
        case "q" -> b.q(v);
        case "size" -> b.size(integer(name, v, DEFAULT_SIZE));
        case "page" -> b.page(integer(name, v, 1));
        case "cursor" -> b.cursor(v);
        case "category" -> values.stream().flatMap(SearchRequest::commaList).forEach(b::category);
        case "primaryOnly" -> b.primaryOnly(bool(name, v, false));
        case "dateField" -> b.dateField(dateField(v));
        case "from" -> b.from(date(name, v));
        case "to" -> b.to(date(name, v));
        case "year" -> year(b, v);
        case "hasCode" -> b.hasCode(v.isEmpty() ? null : bool(name, v, false));
        case "hasDataset" -> b.hasDataset(v.isEmpty() ? null : bool(name, v, false));
        case "institution" -> values.stream().filter(s -> s != null && !s.isBlank())
            .map(String::strip).forEach(b::institution);
        case "license" -> b.license(v);
        case "withdrawn" -> b.withdrawn(withdrawn(v));
        case "sort" -> b.sort(v.isEmpty() ? null : SortOrder.parse(v));
        case "facet" -> b.facets(values.stream().flatMap(SearchRequest::commaList)
            .filter(f -> !f.equals("none")).toList());
        case "facetSize" -> b.facetSize(integer(name, v, DEFAULT_FACET_SIZE));
        case "highlight" -> b.highlight(bool(name, v, true));
        default -> throw new IllegalStateException(name);
      }
    }
    SearchRequest r = b.build();
    r.validate(maxSize);
    return r;
  }

  private static java.util.stream.Stream<String> commaList(String s) {
    return s == null ? java.util.stream.Stream.empty()
        : java.util.Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty());
  }

  private static int integer(String name, String v, int def) {
    if (v.isEmpty()) {
      return def;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new BadQueryException(name + " must be an integer, got '" + abbreviate(v) + "'");
    }
  }

  private static boolean bool(String name, String v, boolean def) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "" -> def;
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new BadQueryException(name + " must be true or false, got '"
          + abbreviate(v) + "'");
    };
  }

  private static LocalDate date(String name, String v) {
    if (v.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(v); // ISO YYYY-MM-DD only: no locale guessing
    } catch (DateTimeParseException e) {
      throw new BadQueryException(name + " must be a date YYYY-MM-DD, got '" + abbreviate(v) + "'");
    }
  }

  private static DateField dateField(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "", "submitted" -> DateField.SUBMITTED;
      case "updated" -> DateField.UPDATED;
      default -> throw new BadQueryException("dateField must be submitted or updated, got '"
          + abbreviate(v) + "'");
    };
  }

  private static Withdrawn withdrawn(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "", "include", "true" -> Withdrawn.INCLUDE;
      case "exclude", "false" -> Withdrawn.EXCLUDE;
      case "only" -> Withdrawn.ONLY;
      default -> throw new BadQueryException("withdrawn must be include, exclude or only, got '"
          + abbreviate(v) + "'");
    };
  }

  private static void year(Builder b, String v) {
    if (v.isEmpty()) {
      return;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})(?:\\s*-\\s*(\\d{4}))?")
        .matcher(v);
    if (!m.matches()) {
      throw new BadQueryException("year must be YYYY or YYYY-YYYY, got '" + abbreviate(v) + "'");
    }
    int a = Integer.parseInt(m.group(1));
    b.years(a, m.group(2) == null ? a : Integer.parseInt(m.group(2)));
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /** Mutable builder; {@link #build()} does not validate (the service does, with its size cap). */
  public static final class Builder {
    private String q;
    private int size = DEFAULT_SIZE;
    private int page = 1;
    private String cursor;
    private final List<String> categories = new ArrayList<>();
    private boolean primaryOnly;
    private DateField dateField;
    private LocalDate from;
    private LocalDate to;
    private Integer yearFrom;
    private Integer yearTo;
    private Boolean hasCode;
    private Boolean hasDataset;
    private final List<String> institutions = new ArrayList<>();
    private String license;
    private Withdrawn withdrawn;
    private SortOrder sort;
    private List<String> facets;
    private int facetSize = DEFAULT_FACET_SIZE;
    private boolean highlight = true;

    private Builder() {}

    public Builder q(String v) { q = v; return this; }
    public Builder size(int v) { size = v; return this; }
    public Builder page(int v) { page = v; return this; }
    public Builder cursor(String v) { cursor = v; return this; }
    public Builder category(String v) { categories.add(v); return this; }
    public Builder primaryOnly(boolean v) { primaryOnly = v; return this; }
    public Builder dateField(DateField v) { dateField = v; return this; }
    public Builder from(LocalDate v) { from = v; return this; }
    public Builder to(LocalDate v) { to = v; return this; }
    public Builder year(int v) { return years(v, v); }
    public Builder years(Integer first, Integer last) { yearFrom = first; yearTo = last; return this; }
    public Builder hasCode(Boolean v) { hasCode = v; return this; }
    public Builder hasDataset(Boolean v) { hasDataset = v; return this; }
    public Builder institution(String v) { institutions.add(v); return this; }
    public Builder license(String v) { license = v; return this; }
    public Builder withdrawn(Withdrawn v) { withdrawn = v; return this; }
    public Builder sort(SortOrder v) { sort = v; return this; }
    /** The facet dimensions to count; an empty list for none. */
    public Builder facets(List<String> v) { facets = v; return this; }
    public Builder facetSize(int v) { facetSize = v; return this; }
    public Builder highlight(boolean v) { highlight = v; return this; }

    public SearchRequest build() {
      return new SearchRequest(q, size, page, cursor, categories, primaryOnly, dateField, from, to,
          yearFrom, yearTo, hasCode, hasDataset, institutions, license, withdrawn, sort, facets,
          facetSize, highlight);
    }
  }
}
