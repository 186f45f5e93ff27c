package org.paperindex.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Matching rules on invented registries: campuses and systems, trailing cities, addresses. */
class AffiliationRulesTest {

  private static AffiliationMatcher rules;
  private static AffiliationMatcher base;

  @BeforeAll
  static void load() throws Exception {
    rules = new AffiliationMatcher(RorRegistry.load(List.of(
        RorRegistryTest.fixture("ror-v2-rules.json"))));
    base = new AffiliationMatcher(RorRegistry.load(List.of(
        RorRegistryTest.fixture("ror-v2.json.gz"))));
  }

  private static String top(AffiliationMatcher m, String affiliation) {
    List<InstitutionMatch> r = m.match(affiliation);
    return r.isEmpty() ? null : r.get(0).rorId().replace("https://ror.org/", "");
  }

  @Test
  void campusNamedLikeItsSystemsTranslatedLabelIsKept() {
    // the system's Spanish label normalises to the campus's name; the campus must not be
    // dropped as "a unit of" the system
    assertThat(top(rules, "Department of Physics, University of Northland")).isEqualTo("0ccccccc2");
    assertThat(top(rules, "University of Northland System")).isEqualTo("0ccccccc1");
  }

  @Test
  void trailingCityMayBeLeftOut() {
    assertThat(top(rules, "Indigo Institute of Science")).isEqualTo("0ccccccc3");
    // ... but a name another record already carries is not taken over by a campus
    assertThat(top(rules, "Dept. of Chemistry, University of Eldoria")).isEqualTo("0ccccccc4");
  }

  @Test
  void branchNamedWithItsCityDoesNotTakeOverItsParentsName() {
    assertThat(top(rules, "Oceanic Research Center (ORC)")).isEqualTo("0ccccccd2");
  }

  @Test
  void exactTiesGoToTheMoreWidelyKnownRecord() {
    assertThat(top(rules, "Department of Physics, Northeast Polytechnic University"))
        .isEqualTo("0ccccccc9");
    assertThat(top(rules, "Northeast Polytechnic University, Harbin, China")).isEqualTo("0ccccccd0");
  }

  @Test
  void exactTiesWeighRegistryStandingBeforeNameCount() {
    // the Canadian record has fewer names but is a funder with relationships and external ids
    assertThat(top(rules, "Department of Biology, Westmoor University")).isEqualTo("0cccccce4");
    // evidence in the string still decides
    assertThat(top(rules, "Westmoor University, Manila, Philippines")).isEqualTo("0cccccce3");
  }

  @Test
  void aStateCodeInAnAddressIsNotAnAcronym() {
    assertThat(top(rules, "Graduate Program in Physiology, Ann Arbor, MI, USA")).isNull();
    assertThat(top(rules, "Ann Arbor, MI 48109, USA")).isNull();
    assertThat(top(rules, "Emergency Medicine Resident, Saint Joseph, MI")).isNull(); // no country
    assertThat(top(rules, "MI, Durham, NC, USA")).isEqualTo("0cccccce6");
  }

  @Test
  void aCityInAnAddressIsNotTheCitysGovernment() {
    assertThat(top(rules, "Department of Physics, Kestrel Polytechnic University, Kestrel, "
        + "Canada")).isEqualTo("0cccccce8");
    assertThat(top(rules, "Kestrel, Canada")).isEqualTo("0cccccce7");
  }

  @Test
  void aNamePrefixedWithAForeignPlaceIsANamesake() {
    // Kestrel is a Canadian city in this registry; the institute is in Bangladesh
    assertThat(top(rules, "Kestrel Coastal Polytechnic Institute")).isNull();
    assertThat(top(rules, "Coastal Polytechnic Institute")).isEqualTo("0cccccce9");
  }

  @Test
  void wordOrderOfAWholePieceMayDiffer() {
    assertThat(top(rules, "Institute of Cell Biology, Medical University of Bergstadt"))
        .isEqualTo("0ccccccd4");
  }

  @Test
  void onlyCountryOrAcronymBracketsAreOptional() {
    assertThat(top(rules, "Kadmon Widgets, Boston")).isEqualTo("0ccccccd5");
    assertThat(top(rules, "Zephyr Polytechnic Institute (Hilltop Mining University)"))
        .isEqualTo("0ccccccd6");
    assertThat(rules.match("Zephyr Polytechnic Institute")).isEmpty();
  }

  @Test
  void territoriesWrittenUnderAnotherCountryAreNotPenalised() {
    assertThat(top(rules, "Harbourview University of Science and Technology, Macau, China"))
        .isEqualTo("0ccccccd7");
  }

  @Test
  void moreAbbreviations() {
    assertThat(top(rules, "Riverside Bus. Sch., UK")).isEqualTo("0ccccccd8");
  }

  @Test
  void commaSplitNameJoinsWithThePrefixOfTheNextPiece() {
    assertThat(top(rules, "Dept. of Chemistry, University of Eldoria, Hillview 3, Hillview, USA"))
        .isEqualTo("0ccccccc6");
  }

  @Test
  void singleWordBeforeACommaDoesNotStartAJoinedName() {
    assertThat(top(rules, "Graduate School of Science, University of Quilltown"))
        .isEqualTo("0ccccccc8");
    assertThat(top(rules, "Science University of Quilltown")).isEqualTo("0ccccccc7");
  }

  @Test
  void postcodesGiveTheCountry() {
    assertThat(top(base, "Springfield Institute of Technology, Springfield, MA 01109"))
        .isEqualTo("0aaaaaa02");
    assertThat(top(base, "Springfield Institute of Technology, MB R3T 2N2"))
        .isEqualTo("0aaaaaa03");
    assertThat(top(base, "Springfield Institute of Technology, Ontario")).isEqualTo("0aaaaaa03");
    assertThat(top(base, "University of Testington, Parks Road, OX1 3PU")).isEqualTo("0aaaaaa01");
    assertThat(AffiliationMatcher.DEFAULT_THRESHOLD).isBetween(0.7, 0.9);
  }

  @Test
  void aNameAcrossACommaDoesNotHideTheNextPieceWhenThatIsANameItself() {
    // "Westvale Hospital, Amberfield University" is also the hospital's full name; the
    // university written on its own is the organisation the hospital belongs to
    assertThat(top(rules, "Department of Surgery, Westvale Hospital, Amberfield University"))
        .isEqualTo("0ccccccf1");
    assertThat(top(rules, "Westvale Hospital of Amberfield University")).isEqualTo("0ccccccf2");
  }

  @Test
  void aNameAcrossACommaDoesNotStartAfterANameWord() {
    assertThat(top(rules, "Kadmon University of Science & Technology, Marlow, UK"))
        .isNotEqualTo("0ccccccf3");
    assertThat(top(rules, "University of Science and Technology of Marlow, UK"))
        .isEqualTo("0ccccccf3");
  }

  @Test
  void aBranchNamedLikeItsParentIsNotConfirmedByThatSameName() {
    assertThat(top(rules, "Cell Biology Unit, Coral Molecular Laboratory")).isEqualTo("0ccccccf4");
    assertThat(top(rules, "Coral Molecular Laboratory, Grenville, France")).isEqualTo("0ccccccf5");
  }

  @Test
  void aCityThatIsAlsoAWordOfTheNameDoesNotSeparateSameNamedRecords() {
    assertThat(top(rules, "Newbridge Fibrosis Group, Biosciences Institute, Newbridge University"))
        .isEqualTo("0ccccccf6");
    assertThat(top(rules, "Newbridge University, Newbridge, Australia")).isEqualTo("0ccccccf7");
  }

  @Test
  void wordOverlapNeedsADistinctiveSharedWord() {
    assertThat(rules.match("Universidade Federal")).isEmpty();
    assertThat(top(rules, "Universidade Federal do Vale Azul")).isEqualTo("0ccccccf8");
  }

  @Test
  void wordOverlapRejectsASwappedFieldWord() {
    assertThat(top(rules, "University of Management and Technology Lahmor"))
        .isNotEqualTo("0ccccccf9");
    assertThat(top(rules, "Lahmor University of Management Sciences")).isEqualTo("0ccccccf9");
  }

  @Test
  void universityOfItsCityNamesTheOnlyUniversityThere() {
    assertThat(top(rules, "Department of Pediatrics, University of Marbeck")).isEqualTo("0cccccce1");
  }

  @Test
  void aSchoolNamedByTheCoreOfAUniversityNameIsThatUniversity() {
    assertThat(top(rules, "Department of Genetics, Harwell Medical School, Boston, USA"))
        .isEqualTo("0cccccce2");
    assertThat(top(rules, "Harwell School of Public Health")).isEqualTo("0cccccce2");
    assertThat(rules.match("Harwell Pilgrim Health Care")).isEmpty();
  }

  @Test
  void aSystemNamedAloneGoesToTheCampusItsAddressNamesOrToNobody() {
    // "University of Valdoria" is the alias of a university system with two campuses
    assertThat(top(rules, "Department of Physics, University of Valdoria, Pinecrest, USA"))
        .isEqualTo("0cccccca2");
    assertThat(rules.match("Department of Physics, University of Valdoria")).isEmpty();
    // another organisation named beside the system is the answer
    assertThat(top(rules, "Valdoria Institute of Oceanography, University of Valdoria"))
        .isEqualTo("0cccccca4");
    // the system written out is the system
    assertThat(top(rules, "University of Valdoria System")).isEqualTo("0cccccca1");
  }

  @Test
  void anAcronymInsideALongerPieceYieldsToAnotherConfidentAnswer() {
    assertThat(rules.match("Valdoria Institute of Oceanography, NEPU Robotics Lab, Boston, USA"))
        .extracting(InstitutionMatch::rorId).containsExactly("https://ror.org/0cccccca4");
    // alone it still answers
    assertThat(top(rules, "NEPU Robotics Lab, Boston, USA")).isEqualTo("0ccccccc9");
  }

  @Test
  void aCampusNamedAtItsCityMayLeaveTheCityOut() {
    assertThat(top(rules, "Department of Surgery, University of Valdoria Medical Branch"))
        .isEqualTo("0cccccca5");
    // a branch whose name merely ends with its city does not lose it
    assertThat(top(rules, "Oceanic Research Center")).isEqualTo("0ccccccd2");
  }

  @Test
  void aParentsAcronymNextToItsUnitQualifiesTheUnit() {
    // "NASA Goddard Institute for Space Studies": the unit, not the agency
    assertThat(top(rules, "ZSA Quillon Institute for Orbital Studies, New York, NY, USA"))
        .isEqualTo("0cccccca8");
    // the agency alone is still the agency
    assertThat(top(rules, "Orbital Branch, ZSA, Lakeview, USA")).isEqualTo("0cccccca7");
  }
}
