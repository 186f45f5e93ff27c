package org.paperindex.store;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.TreeMap;
import org.paperindex.model.Author;
import org.paperindex.model.Link;
import org.paperindex.model.Paper;
import org.paperindex.model.PaperVersion;
import org.paperindex.model.Source;

/**
 * Merges a newly arrived description of a paper into the stored one, so that the same paper
 * arriving from several formats, or re-sent by the server, converges to one record.
 *
 * <p>Rules: the newer record (by version number when both know it, otherwise by the latest date
 * it describes) wins the version-specific fields; an older record only fills fields that are
 * unknown. At equal recency the incoming record wins field by field, except that a more structured
 * author list (split names, affiliations) is kept over a less structured one. Versions and sources
 * are unioned, submitted is the earliest, updated and datestamp the latest, withdrawn is sticky.
 *
 * <p>The merge is idempotent ({@code merge(merge(a, b), b).equals(merge(a, b))}): an "older"
 * record only fills nulls, and a merged record is never less recent than either input, so a
 * record that lost once keeps losing, and one that won once changes nothing the second time.
 */
public final class PaperMerger {

  private PaperMerger() {}

  /** Merges {@code incoming} into {@code existing} (nullable); both must have the same id. */
  public static Paper merge(Paper existing, Paper incoming) {
    Objects.requireNonNull(incoming, "incoming");
    incoming = stampAffiliationSources(incoming);
    if (existing == null) {
      return incoming;
    }
    if (!existing.id().equals(incoming.id())) {
      throw new IllegalArgumentException(
          "cannot merge different papers: " + existing.id() + " and " + incoming.id());
    }
    int cmp = compareRecency(existing, incoming);
    boolean incomingWins = cmp <= 0; // equal recency: incoming non-null values win
    Paper win = incomingWins ? incoming : existing;
    Paper lose = incomingWins ? existing : incoming;

    Paper.Builder b = Paper.builder(existing.id());
    b.version(Math.max(existing.version(), incoming.version()));
    b.title(first(win.title(), lose.title()));
    b.abstractText(first(win.abstractText(), lose.abstractText()));
    b.authors(authors(existing, incoming, cmp));
    // categories and the primary category travel together: they describe one version
    Paper cats = !win.categories().isEmpty() ? win : lose;
    b.categories(cats.categories()).primaryCategory(cats.primaryCategory());
    b.doi(first(win.doi(), lose.doi()));
    b.journalRef(first(win.journalRef(), lose.journalRef()));
    b.comments(first(win.comments(), lose.comments()));
    b.reportNo(first(win.reportNo(), lose.reportNo()));
    b.license(first(win.license(), lose.license()));
    b.submitter(first(win.submitter(), lose.submitter()));
    b.versions(versions(existing.versions(), incoming.versions()));
    EnumSet<Source> sources = EnumSet.noneOf(Source.class);
    sources.addAll(existing.sources());
    sources.addAll(incoming.sources());
    b.sources(sources);
    b.submitted(min(existing.submitted(), incoming.submitted()));
    b.updated(max(existing.updated(), incoming.updated()));
    b.datestamp(max(existing.datestamp(), incoming.datestamp()));
    b.withdrawn(existing.withdrawn() || incoming.withdrawn());
    List<Link> links = new ArrayList<>(existing.links());
    links.addAll(incoming.links());
    b.links(links);
    Map<String, Set<Source>> affSources = new TreeMap<>();
    for (Paper p : List.of(existing, incoming)) {
      p.affiliationSources().forEach((k, v) -> affSources.merge(k, v, PaperMerger::union));
    }
    b.affiliationSources(affSources);
    // institutions are derived from affiliations when indexing; the store never keeps them
    return b.build();
  }

  /** Records, for every raw affiliation string of the paper, the channels that gave it. */
  static Paper stampAffiliationSources(Paper p) {
    if (p.sources().isEmpty() || p.authors().stream().allMatch(a -> a.affiliations().isEmpty())) {
      return p;
    }
    Map<String, Set<Source>> m = new TreeMap<>(p.affiliationSources());
    for (Author a : p.authors()) {
      for (String aff : a.affiliations()) {
        // a paper fresh from one channel has no provenance yet; one built from a stored record
        // (see withPageAuthors) already says where each string came from
        m.putIfAbsent(aff, p.sources());
      }
    }
    return m.equals(p.affiliationSources()) ? p : p.toBuilder().affiliationSources(m).build();
  }

  /**
   * The stored paper updated with the authors and affiliations a page gave (LaTeXML front matter
   * has affiliations but no other metadata): each page affiliation joins the same person, and
   * only the page's strings are credited to {@code source}.
   */
  public static Paper withPageAuthors(Paper stored, List<Author> pageAuthors, Source source) {
    Paper base = stampAffiliationSources(stored);
    Map<String, Set<Source>> m = new TreeMap<>(base.affiliationSources());
    for (Author a : pageAuthors) {
      for (String aff : a.affiliations()) {
        m.merge(aff, Set.of(source), PaperMerger::union);
      }
    }
    EnumSet<Source> sources = EnumSet.of(source);
    sources.addAll(base.sources());
    return base.toBuilder()
        .authors(withAffiliationsFrom(base.authors(), pageAuthors))
        .affiliationSources(m)
        .sources(sources)
        .build();
  }

  private static Set<Source> union(Set<Source> a, Set<Source> b) {
    EnumSet<Source> u = EnumSet.noneOf(Source.class);
    u.addAll(a);
    u.addAll(b);
    return u;
  }

  /**
   * Negative when {@code a} is older than {@code b}. Version numbers decide when both are known;
   * otherwise the latest date each describes (OAI {@code arXiv} has dates but no version number);
   * a stub without either is older than everything.
   */
  static int compareRecency(Paper a, Paper b) {
    if (a.version() > 0 && b.version() > 0 && a.version() != b.version()) {
      return Integer.compare(a.version(), b.version());
    }
    LocalDate da = latestDate(a);
    LocalDate db = latestDate(b);
    if (da == null || db == null) {
      return da == null ? (db == null ? 0 : -1) : 1;
    }
    return da.compareTo(db);
  }

  static LocalDate latestDate(Paper p) {
    LocalDate d = max(p.submitted(), p.updated());
    for (PaperVersion v : p.versions()) {
      if (v.date() != null) {
        d = max(d, v.date().atOffset(ZoneOffset.UTC).toLocalDate());
      }
    }
    return d;
  }

  private static List<Author> authors(Paper existing, Paper incoming, int cmp) {
    List<Author> e = existing.authors();
    List<Author> i = incoming.authors();
    if (e.isEmpty() || i.isEmpty()) {
      return e.isEmpty() ? i : e;
    }
    List<Author> kept;
    if (cmp > 0) {
      kept = e; // incoming describes an older version
    } else if (cmp == 0 && structure(e) > structure(i)) {
      // same version, so the same people: keep split names and affiliations (e.g. OAI arXiv
      // over arXivRaw's author string)
      kept = e;
    } else {
      kept = i;
    }
    return withAffiliationsFrom(kept, kept == e ? i : e);
  }

  /**
   * Affiliations arrive from several channels (OAI arXiv format, Atom API, LaTeXML pages), each
   * for some authors: the kept list gains the other list's affiliations of the same person.
   */
  static List<Author> withAffiliationsFrom(List<Author> kept, List<Author> other) {
    // authors sharing a person key ("G. Y. Ga" and "Ge Ga") pair up by their order among that
    // key, one to one: matching every one of them to the first made a re-sent record (merged
    // with itself) gain the first one's affiliations, so upserts were not idempotent
    Map<String, List<Author>> byKey = new java.util.HashMap<>();
    boolean anyAffiliation = false;
    for (Author a : other) {
      byKey.computeIfAbsent(personKey(a), k -> new ArrayList<>()).add(a);
      anyAffiliation |= !a.affiliations().isEmpty();
    }
    if (!anyAffiliation) {
      return kept;
    }
    Map<String, Integer> seen = new java.util.HashMap<>();
    List<Author> out = new ArrayList<>(kept.size());
    for (Author a : kept) {
      String key = personKey(a);
      int nth = seen.merge(key, 1, Integer::sum) - 1;
      List<Author> same = byKey.get(key);
      Author o = same == null || nth >= same.size() ? null : same.get(nth);
      if (o == null || a.affiliations().containsAll(o.affiliations())) {
        out.add(a);
      } else {
        List<String> affs = new ArrayList<>(a.affiliations());
        for (String aff : o.affiliations()) {
          if (!affs.contains(aff)) {
            affs.add(aff);
          }
        }
        out.add(new Author(a.name(), a.keyname(), a.forenames(), a.suffix(), affs));
      }
    }
    return out;
  }

  /** Surname plus first initial, accents and case folded: "Balázs, C." and "C. Bal\\'azs" meet. */
  static String personKey(Author a) {
    String name = a.name().strip();
    String surname;
    String first;
    if (a.keyname() != null) {
      surname = a.keyname();
      first = a.forenames() == null ? "" : a.forenames();
    } else {
      int sp = name.lastIndexOf(' ');
      surname = sp < 0 ? name : name.substring(sp + 1);
      first = sp < 0 ? "" : name;
    }
    String folded = java.text.Normalizer.normalize(surname, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
    char initial = first.isEmpty() ? '_' : Character.toLowerCase(first.charAt(0));
    return folded + "|" + initial;
  }

  /** How much structure an author list carries: split names and affiliations count. */
  static int structure(List<Author> authors) {
    int s = 0;
    for (Author a : authors) {
      if (a.keyname() != null) {
        s++;
      }
      if (!a.affiliations().isEmpty()) {
        s++;
      }
    }
    return s;
  }

  private static List<PaperVersion> versions(List<PaperVersion> e, List<PaperVersion> i) {
    TreeMap<Integer, PaperVersion> byNumber = new TreeMap<>();
    for (PaperVersion v : e) {
      byNumber.put(v.number(), v);
    }
    for (PaperVersion v : i) {
      // a version's date and size never change: keep what is known, fill what is missing
      byNumber.merge(v.number(), v, (old, add) -> new PaperVersion(old.version(),
          old.date() != null ? old.date() : add.date(), old.size() != null ? old.size() : add.size()));
    }
    return new ArrayList<>(byNumber.values());
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
