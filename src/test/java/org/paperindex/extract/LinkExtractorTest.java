package org.paperindex.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.paperindex.extract.ExtractedLink.Kind;
import org.paperindex.model.ArxivId;
import org.paperindex.model.Paper;
import org.paperindex.model.Source;

class LinkExtractorTest {

  private final LinkExtractor x = new LinkExtractor();

  private List<ExtractedLink> links(String text) {
    return x.extract(text, Source.API);
  }

  private ExtractedLink only(String text) {
    List<ExtractedLink> l = links(text);
    assertThat(l).as(text).hasSize(1);
    return l.get(0);
  }

  private String url(String text) {
    return only(text).url();
  }

  @Test
  void wrappedUrlIsRejoined() {
    assertThat(url("Our code is available at https://github.com/foo/\nbar-baz and on PyPI."))
        .isEqualTo("https://github.com/foo/bar-baz");
    assertThat(url("Code: https://\nanonymous.4open.science/r/demo-1234."))
        .isEqualTo("https://anonymous.4open.science/r/demo-1234");
    assertThat(url("The data are released at https://zenodo.org/records/\n123456. We hope"))
        .isEqualTo("https://zenodo.org/records/123456");
  }

  @Test
  void nextWordOfTheSentenceIsNotGlued() {
    assertThat(url("Our demo is at https://demo.example.org/\nand it runs in a browser."))
        .isEqualTo("https://demo.example.org");
    assertThat(url("Code is available at https://github.com/foo/bar\nwith examples."))
        .isEqualTo("https://github.com/foo/bar");
    assertThat(url("Code: https://github.com/foo/\nand more."))
        .isEqualTo("https://github.com/foo");
  }

  @Test
  void sentenceFinalPunctuationIsStripped() {
    assertThat(url("Code is available at https://github.com/a/b.")).isEqualTo("https://github.com/a/b");
    assertThat(url("Code is at https://github.com/a/b, with docs")).isEqualTo("https://github.com/a/b");
    assertThat(url("Code: \"https://github.com/a/b\"; thanks")).isEqualTo("https://github.com/a/b");
  }

  @Test
  void balancedParenthesesStayUnbalancedGo() {
    assertThat(url("see https://en.wikipedia.org/wiki/Graph_(discrete_mathematics) for terms"))
        .isEqualTo("https://en.wikipedia.org/wiki/Graph_(discrete_mathematics)");
    assertThat(url("Our code (https://github.com/a/b) is free.")).isEqualTo("https://github.com/a/b");
    assertThat(url("(see https://en.wikipedia.org/wiki/Graph_(discrete_mathematics)).")
    ).isEqualTo("https://en.wikipedia.org/wiki/Graph_(discrete_mathematics)");
  }

  @Test
  void texUrlAndHref() {
    assertThat(url("Code is available at \\url{https://github.com/a/b_c}.")).isEqualTo("https://github.com/a/b_c");
    assertThat(url("Code is available at \\url{https://github.com/a/b\\_c}.")).isEqualTo("https://github.com/a/b_c");
    assertThat(url("Our code: \\href{https://github.com/a/b}{https://github.com/a/b}."))
        .isEqualTo("https://github.com/a/b");
    assertThat(url("Our \\href{https://github.com/a/b}{code} is public.")).isEqualTo("https://github.com/a/b");
  }

  @Test
  void schemelessUrl() {
    ExtractedLink l = only("Our code is at github.com/user/repo.");
    assertThat(l.url()).isEqualTo("https://github.com/user/repo");
    assertThat(l.kind()).isEqualTo(Kind.CODE);
    assertThat(url("Visit www.example.org/tool for details")).isEqualTo("https://example.org/tool");
  }

  @Test
  void normalisation() {
    assertThat(url("Code: https://github.com/a/b.git")).isEqualTo("https://github.com/a/b");
    assertThat(url("Code: https://github.com/a/b/tree/main/x")).isEqualTo("https://github.com/a/b");
    assertThat(url("Code: https://github.com/a/b/blob/master/README.md#usage")).isEqualTo("https://github.com/a/b");
    assertThat(url("Code: https://github.com/a/b/")).isEqualTo("https://github.com/a/b");
    assertThat(url("Code: http://GitHub.com/a/b")).isEqualTo("https://github.com/a/b");
    assertThat(url("Code: https://www.github.com/a/b")).isEqualTo("https://github.com/a/b");
    assertThat(url("Code: https://gitlab.com/grp/sub/proj/-/tree/dev")).isEqualTo("https://gitlab.com/grp/sub/proj");
    assertThat(url("Site: https://example.org/page/?utm_source=x&id=3#top")).isEqualTo("https://example.org/page?id=3");
  }

  @Test
  void zenodoDoiAndRecord() {
    ExtractedLink doi = only("Data are available at doi:10.5281/zenodo.1234567.");
    assertThat(doi.url()).isEqualTo("https://doi.org/10.5281/zenodo.1234567");
    assertThat(doi.kind()).isEqualTo(Kind.DATASET);
    assertThat(doi.official()).isTrue();
    assertThat(only("Data: https://doi.org/10.5281/zenodo.99").kind()).isEqualTo(Kind.DATASET);
    assertThat(url("Data: https://zenodo.org/record/42")).isEqualTo("https://zenodo.org/records/42");
    assertThat(only("Figures at 10.6084/m9.figshare.777.").kind()).isEqualTo(Kind.DATASET);
  }

  @Test
  void dataCentreDoisAreDatasets() {
    ExtractedLink aas = only("The catalog is available via \\dataset[DOI: 10.12149/1234]"
        + "{https://doi.org/10.12149/1234}.");
    assertThat(aas.url()).isEqualTo("https://doi.org/10.12149/1234");
    assertThat(aas.kind()).isEqualTo(Kind.DATASET);
    assertThat(only("Cubes: https://doi.org/10.11570/21.0007").kind()).isEqualTo(Kind.DATASET);
    assertThat(url("The scans are released at doi:10.57967/hf/1234.")).isEqualTo("https://doi.org/10.57967/hf/1234");
  }

  @Test
  void repositoryCopyOfThePaperItselfIsNotADataset() {
    assertThat(only("12 pages. Previously published on Zenodo: doi:10.5281/zenodo.111").kind())
        .isEqualTo(Kind.OTHER);
    assertThat(only("Talk at a workshop. Also available on Zenodo: DOI 10.5281/zenodo.222").kind())
        .isEqualTo(Kind.OTHER);
    assertThat(only("Earlier version archived at https://zenodo.org/records/333").kind())
        .isEqualTo(Kind.OTHER);
    assertThat(only("The canonical preprint-of-record is at Zenodo (doi:10.5281/zenodo.444).").kind())
        .isEqualTo(Kind.OTHER);
    // the same words about data or code keep the data set
    assertThat(only("Data and code also available on Zenodo: doi:10.5281/zenodo.555").kind())
        .isEqualTo(Kind.DATASET);
    assertThat(only("The previous version of the catalogue is at doi:10.5281/zenodo.666").kind())
        .isEqualTo(Kind.DATASET);
    // a paper-itself cue before an earlier link does not carry over
    List<ExtractedLink> two = links("Preprint copy: https://example.org/p.pdf and data at "
        + "doi:10.5281/zenodo.777.");
    assertThat(two).extracting(ExtractedLink::kind).contains(Kind.DATASET);
  }

  @Test
  void publisherAndArxivLinksAreIgnored() {
    assertThat(links("Published in Ann. Math. https://doi.org/10.1007/s00205-014-0812-3")).isEmpty();
    assertThat(links("Extends https://arxiv.org/abs/2101.00001 and arXiv.org/pdf/2101.00002.")).isEmpty();
    assertThat(links("DOI https://doi.org/10.48550/arXiv.2404.14902")).isEmpty();
  }

  @Test
  void huggingFaceModelsDatasetsSpaces() {
    assertThat(only("Weights: https://huggingface.co/org/model-7b").kind()).isEqualTo(Kind.CODE);
    ExtractedLink ds = only("Data: https://huggingface.co/datasets/org/set/tree/main");
    assertThat(ds.kind()).isEqualTo(Kind.DATASET);
    assertThat(ds.url()).isEqualTo("https://huggingface.co/datasets/org/set");
    assertThat(only("Demo: https://huggingface.co/spaces/org/demo").kind()).isEqualTo(Kind.CODE);
    assertThat(only("See https://huggingface.co/docs/hub").kind()).isEqualTo(Kind.OTHER);
  }

  @Test
  void otherDataHosts() {
    assertThat(only("Data: https://www.kaggle.com/datasets/u/d").kind()).isEqualTo(Kind.DATASET);
    assertThat(only("Data: https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/X").kind())
        .isEqualTo(Kind.DATASET);
    assertThat(only("Data: https://osf.io/abc12/").kind()).isEqualTo(Kind.DATASET);
    assertThat(only("Data: https://data.mendeley.com/datasets/xyz/1").kind()).isEqualTo(Kind.DATASET);
    assertThat(only("Data: https://physionet.org/content/foo/1.0/").kind()).isEqualTo(Kind.DATASET);
    assertThat(only("Data: https://datadryad.org/stash/dataset/doi:10.5061/dryad.x").kind()).isEqualTo(Kind.DATASET);
    assertThat(only("Code: https://sourceforge.net/projects/tool/files/").url())
        .isEqualTo("https://sourceforge.net/projects/tool");
    assertThat(only("Code: https://gitlab.inria.fr/team/tool").kind()).isEqualTo(Kind.CODE);
  }

  @Test
  void githubUserPageAndPagesAreProjects() {
    assertThat(only("More at https://github.com/someuser.").kind()).isEqualTo(Kind.PROJECT);
    assertThat(only("Project page: https://someone.github.io/proj/").kind()).isEqualTo(Kind.PROJECT);
    ExtractedLink p = only("Our project page is https://tool.example.org/ with videos.");
    assertThat(p.kind()).isEqualTo(Kind.PROJECT);
    assertThat(p.official()).isTrue();
    assertThat(only("Videos at https://youtu.be/abc").kind()).isEqualTo(Kind.OTHER);
  }

  @Test
  void officialVersusThirdParty() {
    assertThat(only("Our code is available at https://github.com/a/b.").official()).isTrue();
    assertThat(only("We release the benchmark at https://github.com/a/b.").official()).isTrue();
    assertThat(only("The implementation can be found at https://github.com/a/b.").official()).isTrue();
    assertThat(only("We make all models publicly available (https://huggingface.co/a/b).").official()).isTrue();
    assertThat(only("We use the Foo dataset (https://zenodo.org/records/1) for training.").official()).isFalse();
    assertThat(only("Our method is based on https://github.com/other/lib.").official()).isFalse();
    assertThat(only("We compare against the baseline https://github.com/other/base.").official()).isFalse();
    assertThat(only("Images were taken from https://example.org/gallery.").official()).isFalse();
    List<ExtractedLink> two = links(
        "We use the Bar data (https://osf.io/xyz12) and our code is available at https://github.com/me/tool.");
    assertThat(two).extracting(ExtractedLink::official).containsExactly(false, true);
  }

  @Test
  void officialCuesFromTheHeldOutSlice() {
    // an adverb between "we" and the verb
    assertThat(only("To keep this survey current, we continuously curate new papers at "
        + "https://github.com/someone/awesome-list.").official()).isTrue();
    // "Resources:" and "Code availability:" labels
    assertThat(only("Results improve on four benchmarks. Resources: https://github.com/lab/tool.").official())
        .isTrue();
    assertThat(only("We test on five scans. Code availability: https://anonymous.4open.science/r/abc-12EF/.")
        .official()).isTrue();
    // the artefact named as subject right before the link
    assertThat(only("The link of code is https://github.com/lab/lens.").official()).isTrue();
    // "the code of <our method> is available" is the authors'; "code of" someone else still is not
    assertThat(only("The source code of FooNet is available at \\texttt{https://github.com/lab/foonet}.")
        .official()).isTrue();
    assertThat(only("We start from the code of the winning entry (https://github.com/other/entry).")
        .official()).isFalse();
    assertThat(only("The implementation of the previous solver (https://github.com/other/solver) is slow.")
        .official()).isFalse();
  }

  @Test
  void venueWordsDoNotSpeakForALaterCodeLink() {
    assertThat(x.extract("Accepted at the Workshop on Tiny Models, code available at: https://github.com/a/b",
        Source.API, true).get(0).official()).isTrue();
    assertThat(x.extract("30 pages. Code accompanying this publication available at https://github.com/a/b",
        Source.API, true).get(0).official()).isTrue();
    // the venue is still a third-party cue for a link it introduces
    assertThat(only("The extended version is published in the journal at https://github.com/journal/x.")
        .official()).isFalse();
  }

  @Test
  void shortLabelsWithColonOrDash() {
    assertThat(only("All frames are annotated. Corpus access - DOI: 10.5281/zenodo.123456").official()).isFalse();
    assertThat(only("All frames are annotated. Dataset access - DOI: 10.5281/zenodo.123456").official()).isTrue();
    assertThat(only("Both are public. (Github link - https://github.com/lab/poison.git)").official()).isTrue();
  }

  @Test
  void commentsLinksWithCodeWordsAreOfficial() {
    List<ExtractedLink> l = x.extract("12 pages, 5 figures. Code: https://github.com/a/b", Source.API, true);
    assertThat(l).singleElement().satisfies(e -> assertThat(e.official()).isTrue());
    assertThat(x.extract("Accepted at ICML 2025. https://github.com/a/b", Source.API, true).get(0).official()).isTrue();
  }

  @Test
  void eachUrlOnceWithStrongestFlag() {
    List<ExtractedLink> l = links("Following https://github.com/A/B, we built a tool. "
        + "Our code is at https://github.com/a/b/tree/main.");
    assertThat(l).singleElement().satisfies(e -> assertThat(e.official()).isTrue());
  }

  @Test
  void paperConvenienceUsesAbstractCommentsAndFirstSource() {
    Paper p = Paper.builder(ArxivId.parse("2501.00001")).title("T")
        .abstractText("Our code is at https://github.com/a/b.")
        .comments("Data: https://zenodo.org/records/5").source(Source.SNAPSHOT).source(Source.OAI)
        .submitted(LocalDate.of(2025, 1, 1)).build();
    List<ExtractedLink> l = x.extract(p);
    assertThat(l).extracting(ExtractedLink::kind).containsExactly(Kind.CODE, Kind.DATASET);
    assertThat(l).allSatisfy(e -> assertThat(e.source()).isEqualTo(Source.OAI));
    assertThat(x.extract(p, Source.ABS)).allSatisfy(e -> assertThat(e.source()).isEqualTo(Source.ABS));
  }

  @Test
  void kindJsonLabelIsLowerCase() throws Exception {
    String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Kind.DATASET);
    assertThat(json).isEqualTo("\"dataset\"");
  }

  @Test
  @Timeout(10)
  void hostileInputNeverThrowsAndIsFast() {
    int n = 1 << 20;
    for (String unit : new String[] {"\\", "{", "https://", "github.com/a/b ", "10.10.", "a",
        "https://x.org/a-\n", "(((((", "://", "www."}) {
      String s = unit.repeat(n / unit.length());
      long t0 = System.nanoTime();
      assertThatCode(() -> links(s)).doesNotThrowAnyException();
      assertThat((System.nanoTime() - t0) / 1_000_000).as(unit).isLessThan(2000);
    }
    assertThat(links(null)).isEmpty();
    assertThat(links("")).isEmpty();
  }
}
