package org.paperindex.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;
import org.paperindex.model.PaperVersion;
import org.paperindex.model.Source;

/** Small hand-written paper fixtures shared by the store, index and search tests. */
public final class TestPapers {
  private TestPapers() {}

  public static ArxivId id(String s) {
    return ArxivId.parse(s);
  }

  /** A fully populated two-version paper, as the OAI arXiv format would give it (plus versions). */
  public static Paper full() {
    return Paper.builder(id("2101.00001"))
        .version(2)
        .title("Quantum retrieval of entangled states")
        .abstractText("We study retrieving entangled states from noisy channels.")
        .addAuthor(Author.split("Schrödinger", "Erwin", null, List.of("University of Vienna")))
        .addAuthor(Author.split("Dirac", "Paul A. M.", null, List.of()))
        .addAuthor(Author.named("ATLAS Collaboration"))
        .categories(List.of("quant-ph", "cs.IR"))
        .submitted(LocalDate.of(2021, 1, 1))
        .updated(LocalDate.of(2021, 3, 5))
        .doi("10.1000/XYZ.123")
        .journalRef("Phys. Rev. X 1 (2021) 1")
        .comments("12 pages, 3 figures")
        .reportNo("REP-1")
        .license("http://creativecommons.org/licenses/by/4.0/")
        .addVersion(new PaperVersion("v1", Instant.parse("2021-01-01T10:00:00Z"), "100kb"))
        .addVersion(new PaperVersion("v2", Instant.parse("2021-03-05T11:30:00Z"), "120kb"))
        .source(Source.OAI)
        .datestamp(LocalDate.of(2021, 3, 6))
        .submitter("Erwin Schrödinger")
        .build();
  }

  /** A minimal paper. */
  public static Paper simple(String id, String title, String author, String category, int year) {
    return Paper.builder(id(id))
        .version(1)
        .title(title)
        .abstractText("Abstract of " + title)
        .addAuthor(Author.named(author))
        .categories(List.of(category))
        .submitted(LocalDate.of(year, 6, 1))
        .source(Source.OAI)
        .build();
  }

  /** A deleted-record stub as the OAI parser produces it. */
  public static Paper stub(String id) {
    return Paper.builder(id(id)).withdrawn(true).source(Source.OAI).build();
  }
}
