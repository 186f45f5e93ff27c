package org.paperindex.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperindex.model.Author;
import org.paperindex.model.Paper;
import org.paperindex.model.PaperVersion;
import org.paperindex.model.Source;

class PaperMergerTest {

  private static final Paper FULL = TestPapers.full(); // v2, OAI arXiv-like with affiliations

  /** arXivRaw view of the same paper: full version history, author string, no affiliations. */
  private static Paper raw(int version, String title) {
    Paper.Builder b = Paper.builder(FULL.id()).version(version).title(title)
        .addAuthor(Author.named("Erwin Schrödinger"))
        .addAuthor(Author.named("Paul A. M. Dirac"))
        .addAuthor(Author.named("ATLAS Collaboration"))
        .categories(List.of("quant-ph"))
        .source(Source.OAI);
    for (int v = 1; v <= version; v++) {
      b.addVersion(new PaperVersion("v" + v, Instant.parse("2021-0" + v + "-01T00:00:00Z"), null));
    }
    return b.build();
  }

  private static Paper mergeChecked(Paper a, Paper b) {
    Paper m = PaperMerger.merge(a, b);
    assertThat(PaperMerger.merge(m, b)).as("idempotent").isEqualTo(m);
    return m;
  }

  @Test
  void nothingExistingGivesIncomingWithItsAffiliationsProvenance() {
    Paper m = PaperMerger.merge(null, FULL);
    assertThat(m.toBuilder().affiliationSources(java.util.Map.of()).build()).isEqualTo(FULL);
    assertThat(m.affiliationSources()).containsEntry("University of Vienna", java.util.Set.of(Source.OAI));
  }

  @Test
  void mergingTheSameRecordIsUnchanged() {
    Paper once = PaperMerger.merge(null, FULL);
    assertThat(PaperMerger.merge(once, FULL)).isEqualTo(once);
  }

  /** Regression: found by CrashSafetyTest, where a harvest re-sent after a kill changed papers. */
  @Test
  void reSentRecordWithTwoAuthorsSharingSurnameAndInitialIsUnchanged() {
    Paper p = FULL.toBuilder()
        .authors(List.of(
            new Author("G. Y. Ga", "Ga", "G. Y.", null, List.of("Center for Theoretical Physics")),
            new Author("Ge Ga", "Ga", "Ge", null, List.of("Observatory")),
            new Author("Gu Ga", "Ga", "Gu", null, List.of())))
        .build();
    Paper once = PaperMerger.merge(null, p);
    assertThat(PaperMerger.merge(once, p)).isEqualTo(once);
    assertThat(once.authors().get(1).affiliations()).containsExactly("Observatory");
    assertThat(once.authors().get(2).affiliations()).isEmpty();
  }

  @Test
  void affiliationsFromAnotherChannelJoinTheSamePersonAndKeepTheirSource() {
    Paper api =
        FULL.toBuilder()
            .authors(List.of(
                new Author("E. Schrödinger", null, null, null,
                    List.of("Dublin Institute for Advanced Studies")),
                new Author("P. A. M. Dirac", null, null, null, List.of("University of Cambridge"))))
            .sources(List.of(Source.API))
            .build();
    Paper m = mergeChecked(PaperMerger.merge(null, FULL), api);
    assertThat(m.authors().get(0).affiliations())
        .containsExactly("University of Vienna", "Dublin Institute for Advanced Studies");
    assertThat(m.authors().get(1).affiliations()).containsExactly("University of Cambridge");
    assertThat(m.affiliationSources().get("University of Cambridge")).contains(Source.API);
    assertThat(m.affiliationSources().get("University of Vienna")).contains(Source.OAI);
  }

  @Test
  void differentIdsAreRefused() {
    assertThatThrownBy(() -> PaperMerger.merge(FULL, TestPapers.simple("2101.00009", "t", "a", "cs.IR", 2021)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different papers");
  }

  @Test
  void newerVersionWinsVersionSpecificFields() {
    Paper v3 = raw(3, "A new title").toBuilder().comments("v3 comment").license("lic3").build();
    Paper m = mergeChecked(FULL, v3);
    assertThat(m.version()).isEqualTo(3);
    assertThat(m.title()).isEqualTo("A new title");
    assertThat(m.comments()).isEqualTo("v3 comment");
    assertThat(m.license()).isEqualTo("lic3");
    assertThat(m.categories()).containsExactly("quant-ph");
    assertThat(m.authors()).extracting(a -> a.name())
        .containsExactlyElementsOf(v3.authors().stream().map(a -> a.name()).toList());
    // the same person keeps the affiliation an earlier version gave
    assertThat(m.authors().get(0).affiliations()).containsExactly("University of Vienna");
    // fields the newer record does not know are kept
    assertThat(m.doi()).isEqualTo(FULL.doi());
    assertThat(m.abstractText()).isEqualTo(FULL.abstractText());
  }

  @Test
  void olderVersionNeverOverwritesButFillsNulls() {
    Paper v3 = raw(3, "Newest title");
    Paper v1 = raw(1, "Old title").toBuilder().doi("10.1/old").comments("old comment").build();
    Paper m = mergeChecked(v3, v1);
    assertThat(m.title()).isEqualTo("Newest title");
    assertThat(m.version()).isEqualTo(3);
    assertThat(m.doi()).isEqualTo("10.1/old"); // was null
    assertThat(m.comments()).isEqualTo("old comment");
  }

  @Test
  void equalVersionIncomingNonNullWins() {
    Paper jr = FULL.toBuilder().journalRef("Nature 1 (2022)").doi(null).build();
    Paper m = mergeChecked(FULL, jr);
    assertThat(m.journalRef()).isEqualTo("Nature 1 (2022)");
    assertThat(m.doi()).isEqualTo(FULL.doi()); // null does not erase
  }

  @Test
  void structuredAuthorsSurviveAnAuthorStringOfTheSameVersion() {
    Paper sameVersionRaw = raw(2, FULL.title());
    Paper m = mergeChecked(FULL, sameVersionRaw);
    assertThat(m.authors()).isEqualTo(FULL.authors());
    // and the other way round: structured authors replace the string at equal version
    Paper m2 = mergeChecked(sameVersionRaw, FULL);
    assertThat(m2.authors()).isEqualTo(FULL.authors());
  }

  @Test
  void unknownVersionComparesByDate() {
    // OAI arXiv format: no version number, but created/updated dates
    Paper rawV2 = raw(2, "Raw title"); // latest version dated 2021-02-01
    Paper oaiLater = FULL.toBuilder().version(0).versions(List.of()).title("Later title")
        .updated(LocalDate.of(2021, 4, 1)).build();
    assertThat(mergeChecked(rawV2, oaiLater).title()).isEqualTo("Later title");
    Paper oaiEarlier = oaiLater.toBuilder().title("Earlier title").updated(LocalDate.of(2021, 1, 15)).build();
    Paper m = mergeChecked(rawV2, oaiEarlier);
    assertThat(m.title()).isEqualTo("Raw title");
    assertThat(m.version()).isEqualTo(2);
  }

  @Test
  void versionsAndSourcesAreUnioned() {
    Paper snapshot = FULL.toBuilder().sources(List.of()).build();
    Paper.Builder sb = Paper.builder(FULL.id()).title(FULL.title())
        .addVersion(new PaperVersion("v1", null, "999kb"))
        .addVersion(new PaperVersion("v3", Instant.parse("2022-01-01T00:00:00Z"), null))
        .source(Source.SNAPSHOT);
    Paper m = mergeChecked(snapshot, sb.build());
    assertThat(m.versions()).extracting(PaperVersion::version).containsExactly("v1", "v2", "v3");
    assertThat(m.versions().get(0).size()).isEqualTo("100kb"); // known value kept
    assertThat(m.versions().get(0).date()).isEqualTo(Instant.parse("2021-01-01T10:00:00Z"));
    assertThat(m.sources()).containsExactlyInAnyOrder(Source.OAI, Source.SNAPSHOT);
    assertThat(m.version()).isEqualTo(3);
  }

  @Test
  void submittedIsEarliestUpdatedLatestDatestampLatest() {
    Paper other = FULL.toBuilder().submitted(LocalDate.of(2020, 12, 31)).updated(LocalDate.of(2021, 2, 1))
        .datestamp(LocalDate.of(2023, 1, 1)).build();
    Paper m = mergeChecked(FULL, other);
    assertThat(m.submitted()).isEqualTo(LocalDate.of(2020, 12, 31));
    assertThat(m.updated()).isEqualTo(LocalDate.of(2021, 3, 5));
    assertThat(m.datestamp()).isEqualTo(LocalDate.of(2023, 1, 1));
  }

  @Test
  void deletedStubKeepsMetadataAndSetsWithdrawn() {
    Paper stub = TestPapers.stub(FULL.id().value());
    Paper m = mergeChecked(FULL, stub);
    assertThat(m.withdrawn()).isTrue();
    assertThat(m.toBuilder().withdrawn(false).build()).isEqualTo(FULL);
  }

  @Test
  void stubWithoutExistingIsStoredAsStub() {
    Paper stub = TestPapers.stub("hep-th/9901001");
    Paper m = PaperMerger.merge(null, stub);
    assertThat(m.isStub()).isTrue();
    assertThat(m.withdrawn()).isTrue();
  }

  @Test
  void withdrawnIsSticky() {
    Paper withdrawn = PaperMerger.merge(TestPapers.stub(FULL.id().value()), FULL);
    assertThat(withdrawn.withdrawn()).isTrue();
    assertThat(withdrawn.title()).isEqualTo(FULL.title());
    Paper newer = raw(5, "Even newer");
    Paper m = mergeChecked(withdrawn, newer);
    assertThat(m.withdrawn()).isTrue();
    assertThat(m.title()).isEqualTo("Even newer");
  }

  @Test
  void categoriesAndPrimaryTravelTogether() {
    Paper v3 = raw(3, "t").toBuilder().categories(List.of("hep-th", "math.AG")).primaryCategory(null).build();
    Paper m = mergeChecked(FULL, v3);
    assertThat(m.primaryCategory()).isEqualTo("hep-th");
    assertThat(m.categories()).containsExactly("hep-th", "math.AG");
    Paper noCats = raw(4, "t4").toBuilder().categories(List.of()).primaryCategory(null).build();
    assertThat(mergeChecked(m, noCats).categories()).containsExactly("hep-th", "math.AG");
  }

  @Test
  void orderOfArrivalDoesNotMatterForCleanData() {
    Paper rawSame = raw(2, FULL.title()).toBuilder().comments(FULL.comments())
        .versions(FULL.versions()).build();
    Paper ab = PaperMerger.merge(FULL, rawSame);
    Paper ba = PaperMerger.merge(rawSame, FULL);
    assertThat(ab.authors()).isEqualTo(ba.authors());
    assertThat(ab.versions()).isEqualTo(ba.versions());
    assertThat(ab.title()).isEqualTo(ba.title());
  }
}
