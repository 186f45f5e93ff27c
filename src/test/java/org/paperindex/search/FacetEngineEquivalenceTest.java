package org.paperindex.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperindex.config.AppConfig.IndexConfig;
import org.paperindex.index.PaperIndex;
import org.paperindex.index.PaperSchema;
import org.paperindex.index.PaperSearcher;
import org.paperindex.model.Author;
import org.paperindex.model.Institution;
import org.paperindex.model.Link;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;
import org.paperindex.store.TestPapers;
import org.paperindex.search.SearchService.FacetEngine;

/**
 * The service's own facet counting ({@link FacetCounter} over uninverted columns) must give what
 * Lucene's drill-sideways gives, for every combination of query, facet filters (one, several, on
 * the dimension being counted or not), dimensions and sizes, over an index of several segments
 * with updated and deleted papers, with papers whose institutions overflow the packed rows, and
 * after a refresh adds segments and labels.
 */
class FacetEngineEquivalenceTest {
  @TempDir Path dir;

  private static final String[] WORDS = {"graph", "spin", "lattice", "neural", "quantum", "flow"};
  private static final String[] CATS = {"cs.LG", "cs.AI", "hep-th", "math.CO", "quant-ph", "stat.ML"};
  private static final String[] INSTS = {"Uppsala University", "Universität Wien", "MIT",
      "École Polytechnique", "Universidade de São Paulo"};

  @Test
  void columns_count_exactly_what_lucene_drill_sideways_counts() {
    Random rnd = new Random(7);
    PaperIndex index = PaperIndex.open(dir.resolve("index"),
        new IndexConfig(16, Duration.ofHours(1), Duration.ofHours(1)));
    SearchService columns = new SearchService(index, 100, SearchService.SUGGEST_MAX_AGE, false,
        FacetEngine.COLUMNS, 0);
    SearchService lucene = new SearchService(index, 100, SearchService.SUGGEST_MAX_AGE, false,
        FacetEngine.LUCENE, 0);
    SearchService cachedColumns = new SearchService(index, 100);
    try {
      int compared = 0;
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 150; i++) {
          // ids repeat across rounds: later rounds update papers (a delete in an older segment)
          index.upsert(paper(rnd, rnd.nextInt(400)));
          if (i % 50 == 49) {
            index.commit(0); // several segments
          }
        }
        index.refresh();
        for (int q = 0; q < 150; q++) {
          SearchRequest r = request(rnd);
          SearchResponse expected = lucene.search(r);
          assertThat(columns.search(r)).as("request %s", r).isEqualTo(expected);
          assertThat(cachedColumns.search(r)).as("request %s", r).isEqualTo(expected);
          compared++;
        }
      }
      assertThat(compared).isEqualTo(450);
      // the random requests did exercise counts: a category-filtered browse has sideways counts
      SearchRequest browse = SearchRequest.builder().category("cs.LG").build();
      SearchResponse r = columns.search(browse);
      assertThat(r.total()).isPositive();
      assertThat(r.facets().get("category")).hasSizeGreaterThan(1);
      assertThat(r).isEqualTo(lucene.search(browse));
      // and some institution lists did overflow into the side table
      int inst = PaperSchema.FACET_DIMS.indexOf(PaperSchema.FACET_INSTITUTION);
      boolean overflowed = index.withSearcher(s -> s.getIndexReader().leaves().stream().anyMatch(
          leaf -> ((PaperSearcher) s).facetColumns(leaf).overflowBit(inst) >= 0));
      assertThat(overflowed).isTrue();
    } finally {
      columns.close();
      lucene.close();
      cachedColumns.close();
      index.close();
    }
  }

  static SearchRequest request(Random rnd) {
    SearchRequest.Builder b = SearchRequest.builder();
    int words = rnd.nextInt(3);
    StringBuilder q = new StringBuilder();
    for (int w = 0; w < words; w++) {
      q.append(w > 0 ? (rnd.nextInt(3) == 0 ? " OR " : " ") : "").append(pick(rnd, WORDS));
    }
    b.q(q.toString());
    if (rnd.nextInt(3) == 0) {
      b.category(pick(rnd, CATS));
      if (rnd.nextBoolean()) {
        b.category(pick(rnd, CATS).toLowerCase()); // case-insensitive, OR-ed
      }
      b.primaryOnly(rnd.nextInt(4) == 0);
    }
    if (rnd.nextInt(3) == 0) {
      int from = 2010 + rnd.nextInt(12);
      b.years(from, from + rnd.nextInt(5));
    }
    if (rnd.nextInt(4) == 0) {
      b.hasCode(rnd.nextBoolean());
    }
    if (rnd.nextInt(5) == 0) {
      b.hasDataset(rnd.nextBoolean());
    }
    if (rnd.nextInt(4) == 0) {
      b.institution(institution(rnd));
      if (rnd.nextInt(3) == 0) {
        b.institution(institution(rnd)); // OR-ed, like categories
      }
    }
    if (rnd.nextInt(3) == 0) {
      List<String> dims = new ArrayList<>();
      for (String d : PaperSchema.FACET_DIMS) {
        if (rnd.nextBoolean()) {
          dims.add(d);
        }
      }
      b.facets(dims);
    }
    b.facetSize(1 + rnd.nextInt(8));
    b.size(1 + rnd.nextInt(20));
    b.highlight(false);
    if (rnd.nextBoolean()) {
      b.sort(SortOrder.values()[rnd.nextInt(SortOrder.values().length)]);
    }
    return b.build();
  }

  /**
   * Adds {@code count} random papers with ids below {@code ids} (so later ones update earlier
   * ones: deletions) to an index opened in {@code dir}, committing every {@code commitEvery}
   * papers (several segments), and refreshes it.
   */
  static PaperIndex randomIndex(Path dir, Random rnd, int count, int ids, int commitEvery) {
    PaperIndex index = PaperIndex.open(dir, new IndexConfig(16, Duration.ofHours(1),
        Duration.ofHours(1)));
    for (int i = 0; i < count; i++) {
      index.upsert(paper(rnd, rnd.nextInt(ids)));
      if (i % commitEvery == commitEvery - 1) {
        index.commit(0);
      }
    }
    index.refresh();
    return index;
  }

  static Paper paper(Random rnd, int n) {
    String id = String.format("2401.%05d", n);
    List<String> cats = new ArrayList<>();
    String primary = pick(rnd, CATS);
    for (int c = rnd.nextInt(3); c > 0; c--) {
      cats.add(pick(rnd, CATS));
    }
    StringBuilder title = new StringBuilder("On");
    for (int w = 1 + rnd.nextInt(3); w > 0; w--) {
      title.append(' ').append(pick(rnd, WORDS));
    }
    StringBuilder abs = new StringBuilder("We study");
    for (int w = 2 + rnd.nextInt(6); w > 0; w--) {
      abs.append(' ').append(pick(rnd, WORDS));
    }
    List<Institution> insts = new ArrayList<>();
    // now and then a long list from thousands of names: more than a packed row holds (overflow)
    for (int k = rnd.nextInt(10) == 0 ? 5 + rnd.nextInt(6) : rnd.nextInt(3); k > 0; k--) {
      String name = institution(rnd);
      insts.add(new Institution("https://ror.org/0" + Math.abs(name.hashCode() % 100000), name,
          "SE", "Sweden", 0.9, Set.of(Source.OAI), List.of(name)));
    }
    List<Link> links = new ArrayList<>();
    if (rnd.nextInt(3) == 0) {
      links.add(new Link("https://github.com/x/" + n, "github.com", Link.CODE, true, Source.OAI));
    }
    if (rnd.nextInt(4) == 0) {
      links.add(new Link("https://zenodo.org/records/" + n, "zenodo.org", Link.DATASET, true,
          Source.OAI));
    }
    LocalDate submitted = LocalDate.of(2008 + rnd.nextInt(18), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
    return Paper.builder(TestPapers.id(id)).version(1).title(title.toString())
        .abstractText(abs.toString()).authors(List.of(Author.named("Ada Lovelace")))
        .primaryCategory(primary).categories(cats).submitted(submitted)
        .institutions(insts).links(links).build();
  }

  private static String institution(Random rnd) {
    return rnd.nextBoolean() ? pick(rnd, INSTS) : "Institute " + rnd.nextInt(3000);
  }

  private static String pick(Random rnd, String[] a) {
    return a[rnd.nextInt(a.length)];
  }
}
