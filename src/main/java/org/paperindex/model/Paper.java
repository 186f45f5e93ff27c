package org.paperindex.model;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One arXiv paper as stored: the merge of every source that described it. Validates itself: an id
 * is required; a paper that is not withdrawn needs a title; categories must look like arXiv
 * categories; collections are immutable. Optional scalar fields are {@code null} when unknown.
 *
 * <p>{@code version} is the newest version the data describes ({@code 0} when unknown);
 * {@code submitted} is the date of v1, {@code updated} that of the newest version when there is
 * more than one; {@code datestamp} is the OAI-PMH last-modification date.
 *
 * <p>{@code links} are code/dataset/project links (those found on pages are stored; those in the
 * abstract and comments are derived at indexing time); {@code institutions} are derived at
 * indexing time from the raw affiliations and never stored; {@code affiliationSources} says for
 * each raw affiliation string which channels gave it.
 */
public record Paper(
    ArxivId id,
    int version,
    String title,
    String abstractText,
    List<Author> authors,
    List<String> categories,
    String primaryCategory,
    LocalDate submitted,
    LocalDate updated,
    String doi,
    String journalRef,
    String comments,
    String reportNo,
    String license,
    boolean withdrawn,
    List<PaperVersion> versions,
    Set<Source> sources,
    LocalDate datestamp,
    String submitter,
    List<Link> links,
    List<Institution> institutions,
    Map<String, Set<Source>> affiliationSources) {

  private static final Pattern CATEGORY =
      Pattern.compile("[a-z][a-z-]{1,15}(?:\\.[A-Za-z][A-Za-z-]{0,15})?");

  public Paper {
    Objects.requireNonNull(id, "id");
    title = blankToNull(title);
    abstractText = blankToNull(abstractText);
    if (title == null && !withdrawn) {
      throw new IllegalArgumentException(id + ": a paper needs a title");
    }
    authors = authors == null ? List.of() : List.copyOf(authors);
    LinkedHashSet<String> cats = new LinkedHashSet<>();
    primaryCategory = blankToNull(primaryCategory);
    if (primaryCategory != null) {
      cats.add(primaryCategory);
    }
    if (categories != null) {
      cats.addAll(categories);
    }
    for (String c : cats) {
      if (!CATEGORY.matcher(c).matches()) {
        throw new IllegalArgumentException(id + ": not an arXiv category: " + abbreviate(c));
      }
    }
    categories = List.copyOf(cats);
    if (primaryCategory == null && !categories.isEmpty()) {
      primaryCategory = categories.get(0);
    }
    TreeMap<Integer, PaperVersion> byNumber = new TreeMap<>();
    if (versions != null) {
      for (PaperVersion v : versions) {
        byNumber.merge(v.number(), v, (a, b) -> a.date() != null ? a : b);
      }
    }
    versions = List.copyOf(byNumber.values());
    if (version < 0) {
      throw new IllegalArgumentException(id + ": negative version");
    }
    if (!versions.isEmpty()) {
      version = Math.max(version, byNumber.lastKey());
      PaperVersion first = byNumber.firstEntry().getValue();
      if (submitted == null && first.number() == 1 && first.date() != null) {
        submitted = first.date().atOffset(ZoneOffset.UTC).toLocalDate();
      }
      PaperVersion last = byNumber.lastEntry().getValue();
      if (updated == null && last.number() > 1 && last.date() != null) {
        updated = last.date().atOffset(ZoneOffset.UTC).toLocalDate();
      }
    }
    doi = blankToNull(doi);
    journalRef = blankToNull(journalRef);
    comments = blankToNull(comments);
    reportNo = blankToNull(reportNo);
    license = blankToNull(license);
    submitter = blankToNull(submitter);
    sources = sources == null || sources.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sources));
    LinkedHashMap<String, Link> byUrl = new LinkedHashMap<>();
    if (links != null) {
      for (Link l : links) {
        // one entry per URL; "official" wins if any mention says so
        byUrl.merge(l.url(), l, (a, b) -> a.official() || !b.official() ? a : b);
      }
    }
    links = List.copyOf(byUrl.values());
    institutions = institutions == null ? List.of() : List.copyOf(institutions);
    TreeMap<String, Set<Source>> affs = new TreeMap<>();
    if (affiliationSources != null) {
      affiliationSources.forEach(
          (k, v) -> affs.put(k, v == null || v.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(v))));
    }
    affiliationSources = Collections.unmodifiableMap(affs);
  }

  /** A fresh builder for a paper with this id. */
  public static Builder builder(ArxivId id) {
    return new Builder(id);
  }

  /** A builder pre-filled with this paper's values. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.version = version;
    b.title = title;
    b.abstractText = abstractText;
    b.authors = new ArrayList<>(authors);
    b.categories = new ArrayList<>(categories);
    b.primaryCategory = primaryCategory;
    b.submitted = submitted;
    b.updated = updated;
    b.doi = doi;
    b.journalRef = journalRef;
    b.comments = comments;
    b.reportNo = reportNo;
    b.license = license;
    b.withdrawn = withdrawn;
    b.versions = new ArrayList<>(versions);
    b.sources = sources.isEmpty() ? EnumSet.noneOf(Source.class) : EnumSet.copyOf(sources);
    b.datestamp = datestamp;
    b.submitter = submitter;
    b.links = new ArrayList<>(links);
    b.institutions = new ArrayList<>(institutions);
    b.affiliationSources = new TreeMap<>(affiliationSources);
    return b;
  }

  /** The year of first submission, or 0 when unknown. */
  public int year() {
    return submitted != null ? submitted.getYear() : 0;
  }

  /** True for a stub that only says the paper is withdrawn/deleted (no metadata yet). */
  public boolean isStub() {
    return title == null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  /** Mutable builder used by the parsers; {@link #build()} validates. */
  public static final class Builder {
    private final ArxivId id;
    private int version;
    private String title;
    private String abstractText;
    private List<Author> authors = new ArrayList<>();
    private List<String> categories = new ArrayList<>();
    private String primaryCategory;
    private LocalDate submitted;
    private LocalDate updated;
    private String doi;
    private String journalRef;
    private String comments;
    private String reportNo;
    private String license;
    private boolean withdrawn;
    private List<PaperVersion> versions = new ArrayList<>();
    private Set<Source> sources = EnumSet.noneOf(Source.class);
    private LocalDate datestamp;
    private String submitter;
    private List<Link> links = new ArrayList<>();
    private List<Institution> institutions = new ArrayList<>();
    private Map<String, Set<Source>> affiliationSources = new TreeMap<>();

    private Builder(ArxivId id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    public Builder version(int v) { this.version = v; return this; }
    public Builder title(String v) { this.title = v; return this; }
    public Builder abstractText(String v) { this.abstractText = v; return this; }
    public Builder authors(Collection<Author> v) { this.authors = new ArrayList<>(v); return this; }
    public Builder addAuthor(Author v) { this.authors.add(v); return this; }
    public Builder categories(Collection<String> v) { this.categories = new ArrayList<>(v); return this; }
    public Builder primaryCategory(String v) { this.primaryCategory = v; return this; }
    public Builder submitted(LocalDate v) { this.submitted = v; return this; }
    public Builder updated(LocalDate v) { this.updated = v; return this; }
    public Builder doi(String v) { this.doi = v; return this; }
    public Builder journalRef(String v) { this.journalRef = v; return this; }
    public Builder comments(String v) { this.comments = v; return this; }
    public Builder reportNo(String v) { this.reportNo = v; return this; }
    public Builder license(String v) { this.license = v; return this; }
    public Builder withdrawn(boolean v) { this.withdrawn = v; return this; }
    public Builder versions(Collection<PaperVersion> v) { this.versions = new ArrayList<>(v); return this; }
    public Builder addVersion(PaperVersion v) { this.versions.add(v); return this; }
    public Builder source(Source v) { this.sources.add(v); return this; }
    public Builder sources(Collection<Source> v) { this.sources.addAll(v); return this; }
    public Builder datestamp(LocalDate v) { this.datestamp = v; return this; }
    public Builder submitter(String v) { this.submitter = v; return this; }
    public Builder links(Collection<Link> v) { this.links = new ArrayList<>(v); return this; }
    public Builder addLink(Link v) { this.links.add(v); return this; }
    public Builder institutions(Collection<Institution> v) { this.institutions = new ArrayList<>(v); return this; }
    public Builder affiliationSources(Map<String, Set<Source>> v) { this.affiliationSources = new TreeMap<>(v); return this; }

    public Paper build() {
      return new Paper(id, version, title, abstractText, authors, categories, primaryCategory,
          submitted, updated, doi, journalRef, comments, reportNo, license, withdrawn, versions,
          sources, datestamp, submitter, links, institutions, affiliationSources);
    }
  }
}
