package org.paperindex.search;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.paperindex.config.AppConfig.IndexConfig;
import org.paperindex.index.PaperIndex;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;
import org.paperindex.store.TestPapers;

/** A small hand-made corpus (~35 papers) covering every search feature, and an index over it. */
final class SearchCorpus {
  private SearchCorpus() {}

  static final int GRAPH_PAPERS = 20;

  static Paper paper(String id, String title, String abs, List<Author> authors, String primary,
      List<String> cross, LocalDate submitted, LocalDate updated) {
    List<String> cats = new ArrayList<>();
    cats.add(primary);
    cats.addAll(cross);
    return Paper.builder(TestPapers.id(id)).version(updated == null ? 1 : 2).title(title)
        .abstractText(abs).authors(authors).primaryCategory(primary).categories(cats)
        .submitted(submitted).updated(updated).build();
  }

  static List<Paper> papers() {
    List<Paper> ps = new ArrayList<>();
    ps.add(TestPapers.full()); // 2101.00001 Schrödinger, quant-ph + cs.IR, 2021
    ps.add(TestPapers.simple("hep-th/9901001", "Strings on branes", "Edward Witten", "hep-th", 1999));
    ps.add(paper("1901.00001", "Deep belief networks for speech recognition",
        "We train deep belief networks layer by layer and apply them to acoustic modelling.",
        List.of(Author.split("Hinton", "Geoffrey E.", null, List.of()), Author.named("Yann LeCun")),
        "cs.LG", List.of("stat.ML"), LocalDate.of(2019, 1, 10), LocalDate.of(2019, 5, 1)));
    ps.add(paper("1902.00002", "Dropout: a simple way to prevent overfitting",
        "Dropout randomly drops units of a neural network during training.",
        List.of(Author.named("Nitish Srivastava"), Author.named("Geoffrey Hinton")),
        "cs.LG", List.of(), LocalDate.of(2019, 2, 3), null));
    ps.add(paper("1903.00003", "Hinton diagrams for matrix visualisation",
        "Squares whose size shows the magnitude of a weight.",
        List.of(Author.named("Gary Hinton")), "cs.HC", List.of(), LocalDate.of(2019, 3, 3), null));
    ps.add(paper("2005.00003", "Schr\\\"odinger operators with $\\mathbb{Z}_2$ symmetry",
        "Spectral theory of magnetic operators. We prove that $a. b = c$ holds for every field. "
            + "A second sentence follows here. A third sentence closes the abstract.",
        List.of(Author.named("Barry Simon")), "math-ph", List.of("quant-ph"),
        LocalDate.of(2020, 5, 5), null));
    ps.add(paper("2006.00004", "<script>alert(\"x\")</script> attacks on neural ranking",
        "Adversarial <b>inputs</b> & other tricks against neural rankers.",
        List.of(Author.named("Mallory Evil")), "cs.IR", List.of("cs.CR"),
        LocalDate.of(2020, 6, 6), null));
    ps.add(paper("2101.00010", "Neural information retrieval at scale",
        "Dense retrieval with learned representations over billions of passages.",
        List.of(Author.named("Ada Lovelace")), "cs.IR", List.of("cs.CL"),
        LocalDate.of(2021, 1, 10), LocalDate.of(2021, 8, 1)));
    ps.add(paper("2101.00011", "Information on neural retrieval of memories",
        "How the brain retrieves memories: a neural account of information storage.",
        List.of(Author.named("Charles Babbage")), "q-bio.NC", List.of("cs.IR"),
        LocalDate.of(2021, 1, 11), null));
    ps.add(paper("2103.00012", "Transformer language models for code generation",
        "Large transformer language models trained on source code generate programs.",
        List.of(Author.named("Grace Hopper")), "cs.CL", List.of("cs.SE"),
        LocalDate.of(2021, 3, 12), null));
    ps.add(paper("2103.00013", "Scaling transformer language models",
        "We study how transformer language models improve with parameters and data.",
        List.of(Author.named("Alan Turing")), "cs.CL", List.of("cs.LG"),
        LocalDate.of(2021, 3, 13), null));
    ps.add(paper("1905.00014", "On the continuity of gaseous and liquid states",
        "An equation of state for real gases.",
        List.of(Author.named("Johannes D. van der Waals")), "physics.chem-ph", List.of(),
        LocalDate.of(2019, 5, 14), null));
    ps.add(Paper.builder(TestPapers.id("2102.00001")).version(2).title("A withdrawn result on graphs")
        .abstractText("This paper has been withdrawn by the author.").addAuthor(Author.named("Wendy Withdraw"))
        .categories(List.of("math.CO")).submitted(LocalDate.of(2021, 2, 1)).withdrawn(true).build());
    ps.add(TestPapers.stub("2301.00001"));
    for (int i = 0; i < GRAPH_PAPERS; i++) {
      // 2022: 12 papers, 2023: 8 papers; every third one cross-listed to cs.DM
      int year = i < 12 ? 2022 : 2023;
      ps.add(paper(String.format("%02d07.%05d", year % 100, 100 + i), "Graph colouring paper " + i,
          "Chromatic numbers of sparse graphs, part " + i + ".", List.of(Author.named("Pat Pager")),
          "math.CO", i % 3 == 0 ? List.of("cs.DM") : List.of(),
          LocalDate.of(year, 7, 1 + (i % 12)), null));
    }
    return ps;
  }

  static PaperIndex open(Path dir) {
    PaperIndex index = PaperIndex.open(dir,
        new IndexConfig(16, Duration.ofSeconds(1), Duration.ofSeconds(30)));
    papers().forEach(index::upsert);
    index.refresh();
    return index;
  }
}
