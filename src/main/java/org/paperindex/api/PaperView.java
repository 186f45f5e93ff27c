package org.paperindex.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.paperindex.model.Author;
import org.paperindex.model.Institution;
import org.paperindex.model.Link;
import org.paperindex.model.Paper;
import org.paperindex.model.PaperVersion;
import org.paperindex.model.Source;

/**
 * The paper detail document, exactly as the API ({@code GET /api/papers/{id}}) and the CLI
 * ({@code show}) print it. Field names are the public contract; see the README.
 */
@JsonPropertyOrder({
  "id", "version", "title", "abstract", "authors", "categories", "primaryCategory", "submitted",
  "updated", "year", "doi", "journalRef", "comments", "reportNo", "license", "openAccess",
  "withdrawn", "versions", "institutions", "codeLinks", "datasetLinks", "otherLinks", "urls",
  "source", "type", "sources"
})
public record PaperView(
    String id,
    String version,
    String title,
    @JsonProperty("abstract") String abstractText,
    List<AuthorView> authors,
    List<String> categories,
    String primaryCategory,
    LocalDate submitted,
    LocalDate updated,
    Integer year,
    String doi,
    String journalRef,
    String comments,
    String reportNo,
    String license,
    boolean openAccess,
    boolean withdrawn,
    List<VersionView> versions,
    List<InstitutionView> institutions,
    List<LinkView> codeLinks,
    List<LinkView> datasetLinks,
    List<LinkView> otherLinks,
    Urls urls,
    String source,
    String type,
    List<String> sources) {

  /** One author: display name, raw affiliation strings, and the institutions they resolved to. */
  public record AuthorView(String name, List<String> affiliations, List<AuthorInstitution> institutions) {}

  /** An author's institution, in short. */
  public record AuthorInstitution(String name, String rorId, String country) {}

  /** A resolved institution of the paper with its best score and where it came from. */
  public record InstitutionView(
      String name, String rorId, String country, String countryCode, double score,
      List<String> sources, List<String> affiliations) {}

  /** A code, dataset or other link with its provenance. */
  public record LinkView(String url, String host, String kind, boolean official, String source) {}

  /** One version with its submission time. */
  public record VersionView(String version, Instant date, String size) {}

  /** Links to arXiv's pages for this paper (the newest version). */
  public record Urls(String abs, String pdf, String html) {}

  public static PaperView of(Paper p) {
    String id = p.id().value();
    return new PaperView(
        id,
        p.version() > 0 ? "v" + p.version() : null,
        p.title(),
        p.abstractText(),
        p.authors().stream().map(a -> author(a, p.institutions())).toList(),
        p.categories(),
        p.primaryCategory(),
        p.submitted(),
        p.updated(),
        p.year() > 0 ? p.year() : null,
        p.doi(),
        p.journalRef(),
        p.comments(),
        p.reportNo(),
        p.license(),
        isOpenLicense(p.license()),
        p.withdrawn(),
        p.versions().stream().map(PaperView::version).toList(),
        p.institutions().stream().map(PaperView::institution).toList(),
        links(p, Link.CODE),
        links(p, Link.DATASET),
        p.links().stream()
            .filter(l -> !l.kind().equals(Link.CODE) && !l.kind().equals(Link.DATASET))
            .map(PaperView::link)
            .toList(),
        new Urls(
            "https://arxiv.org/abs/" + id,
            "https://arxiv.org/pdf/" + id,
            "https://arxiv.org/html/" + id),
        "arXiv",
        "preprint",
        p.sources().stream().map(s -> s.label()).sorted().toList());
  }

  /**
   * Every arXiv paper is free to read; {@code openAccess} says more: the paper carries an open
   * licence (Creative Commons or public-domain dedication) that allows reuse.
   */
  static boolean isOpenLicense(String license) {
    if (license == null) {
      return false;
    }
    String l = license.toLowerCase(Locale.ROOT);
    return l.contains("creativecommons.org/") || l.contains("publicdomain");
  }

  private static AuthorView author(Author a, List<Institution> institutions) {
    List<AuthorInstitution> mine =
        institutions.stream()
            .filter(i -> i.affiliations().stream().anyMatch(a.affiliations()::contains))
            .map(i -> new AuthorInstitution(i.name(), i.rorId(), i.country()))
            .toList();
    return new AuthorView(a.name(), a.affiliations(), mine);
  }

  private static InstitutionView institution(Institution i) {
    return new InstitutionView(
        i.name(), i.rorId(), i.country(), i.countryCode(), Math.round(i.score() * 1000) / 1000.0,
        i.sources().stream().map(Source::label).sorted().toList(), i.affiliations());
  }

  private static List<LinkView> links(Paper p, String kind) {
    return p.links().stream().filter(l -> l.kind().equals(kind)).map(PaperView::link).toList();
  }

  private static LinkView link(Link l) {
    return new LinkView(l.url(), l.host(), l.kind(), l.official(), l.source().label());
  }

  private static VersionView version(PaperVersion v) {
    return new VersionView(v.version(), v.date(), v.size());
  }
}
