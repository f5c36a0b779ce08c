package org.riskaudit.formats.nist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.tally.Tabulator;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.testing.SharedData;

/** The NIST CDF XML examples read exactly as their JSON forms are. */
class NistXmlImporterTest {

  @Test
  void theRankedTestDeckInXmlTalliesLikeItsJsonForm() throws Exception {
    Path xml =
        SharedData.require("nist-cvr-cdf/hiltonroscoe/rcv_test_deck/Multi-winner_NIST_CVR_3.xml");
    Path json =
        SharedData.require("nist-cvr-cdf/hiltonroscoe/rcv_test_deck/Multi-winner_NIST_CVR_3.json");
    List<Cvr> fromXml = new ArrayList<>();
    List<Cvr> fromJson = new ArrayList<>();
    CvrImportResult x = new NistXmlImporter().withCounty("C").read(List.of(xml), fromXml::add);
    new NistJsonImporter().withCounty("C").read(List.of(json), fromJson::add);
    assertThat(x.hasErrors()).as(x.problems().toString()).isFalse();
    assertThat(fromXml).hasSize(30);
    assertThat(fromXml)
        .extracting(Cvr::contests)
        .isEqualTo(fromJson.stream().map(Cvr::contests).toList());
  }

  @Test
  void theSpecificationsFullExampleReadsEveryCvr() throws Exception {
    Path xml = SharedData.require("nist-cvr-cdf/usnistgov/example_1.xml");
    List<Cvr> cards = new ArrayList<>();
    CvrImportResult r = new NistXmlImporter().withCounty("C").read(List.of(xml), cards::add);
    assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
    assertThat(r.cards()).isEqualTo(6); // README: "full example from the specification, 6 CVRs"
    Tabulator t = new Tabulator();
    cards.forEach(t);
    assertThat(t.tallies()).isNotEmpty();
  }

  @Test
  void anXmlSelectionIsNamedAfterItsCandidateLikeInJson() throws Exception {
    // In XML CandidateIds is one IDREFS element, not an array: the selection _C1CS1 is candidate
    // _C1CN1 (which has no Name, so its id names it), never the selection's own id.
    Path xml = SharedData.require("nist-cvr-cdf/usnistgov/example_1.xml");
    CvrImportResult r = new NistXmlImporter().withCounty("C").read(List.of(xml), c -> {});
    assertThat(r.contests()).isNotEmpty();
    assertThat(r.contests().get(0).choices()).containsExactly("_C1CN1", "_C1CN2", "_C1CN3");
  }

  @Test
  void aTruncatedXmlIsAPreciseError(@TempDir Path dir) throws Exception {
    String text = Files.readString(SharedData.require("nist-cvr-cdf/usnistgov/example_1.xml"));
    Path cut = Files.writeString(dir.resolve("cut.xml"), text.substring(0, text.length() / 2));
    CvrImportResult r = new NistXmlImporter().read(List.of(cut), c -> {});
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.problems().get(0).describe())
        .startsWith("cut.xml")
        .contains("not a readable NIST CDF XML");
  }
}
