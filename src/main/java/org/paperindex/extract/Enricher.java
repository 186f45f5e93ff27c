package org.paperindex.extract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.paperindex.model.Author;
import org.paperindex.model.Institution;
import org.paperindex.model.Link;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;

/**
 * Derives what the detail page and the index show from a stored paper: TeX accents and macros in
 * title, abstract, comments and author names turned into Unicode (math kept as written); code and
 * dataset links found in the abstract and comments added to the links found on pages; every raw
 * affiliation resolved to a ROR institution when a registry is loaded. Deterministic and cheap,
 * so a re-index with a newer registry or extractor recomputes everything from the record store.
 */
public final class Enricher implements UnaryOperator<Paper> {

  private final LinkExtractor links = new LinkExtractor();
  private final Supplier<Optional<AffiliationMatcher>> matcher;

  /**
   * @param matcher supplies the affiliation matcher (empty: no ROR dump configured, raw
   *     affiliations only); called on every paper, so it should memoise (loading the registry
   *     takes seconds, and read-only commands never need it)
   */
  public Enricher(Supplier<Optional<AffiliationMatcher>> matcher) {
    this.matcher = matcher;
  }

  /** An enricher without institution resolution. */
  public static Enricher withoutInstitutions() {
    return new Enricher(Optional::empty);
  }

  @Override
  public Paper apply(Paper p) {
    if (p.isStub()) {
      return p;
    }
    Paper.Builder b = p.toBuilder();
    b.title(TexToUnicode.convert(p.title()));
    b.abstractText(TexToUnicode.convert(p.abstractText()));
    b.comments(TexToUnicode.convert(p.comments()));
    List<Author> authors = new ArrayList<>(p.authors().size());
    for (Author a : p.authors()) {
      authors.add(
          new Author(
              TexToUnicode.convert(a.name()),
              TexToUnicode.convert(a.keyname()),
              TexToUnicode.convert(a.forenames()),
              a.suffix(),
              a.affiliations()));
    }
    b.authors(authors);
    List<Link> all = new ArrayList<>(p.links());
    Source textSource = textSource(p);
    // links are found in the raw text, where the TeX url and href macros are still intact
    links.extract(p.abstractText(), textSource, false).forEach(l -> all.add(toLink(l)));
    links.extract(p.comments(), textSource, true).forEach(l -> all.add(toLink(l)));
    b.links(all);
    b.institutions(resolve(p));
    return b.build();
  }

  private List<Institution> resolve(Paper p) {
    AffiliationMatcher matcher = this.matcher.get().orElse(null);
    if (matcher == null) {
      return List.of();
    }
    Map<String, Institution> byRor = new LinkedHashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Author a : p.authors()) {
      for (String aff : a.affiliations()) {
        if (!seen.add(aff)) {
          continue;
        }
        List<InstitutionMatch> m = matcher.match(aff);
        if (m.isEmpty()) {
          continue;
        }
        InstitutionMatch top = m.get(0);
        Set<Source> sources = p.affiliationSources().getOrDefault(aff, p.sources());
        byRor.merge(
            top.rorId(),
            new Institution(top.rorId(), top.name(), top.countryCode(), top.countryName(),
                Math.min(1.0, top.score()), sources, List.of(aff)),
            Enricher::combine);
      }
    }
    return new ArrayList<>(byRor.values());
  }

  private static Institution combine(Institution a, Institution b) {
    EnumSet<Source> sources = EnumSet.noneOf(Source.class);
    sources.addAll(a.sources());
    sources.addAll(b.sources());
    List<String> affs = new ArrayList<>(a.affiliations());
    affs.addAll(b.affiliations());
    return new Institution(a.rorId(), a.name(), a.countryCode(), a.country(),
        Math.max(a.score(), b.score()), sources, affs);
  }

  /** The channel the abstract/comments text came from: the first of the paper's text sources. */
  private static Source textSource(Paper p) {
    for (Source s : List.of(Source.OAI, Source.API, Source.SNAPSHOT, Source.RSS, Source.ABS)) {
      if (p.sources().contains(s)) {
        return s;
      }
    }
    return Source.OAI;
  }

  private static Link toLink(ExtractedLink l) {
    return new Link(l.url(), l.host(), l.kind().label(), l.official(), l.source());
  }
}
