package org.riskaudit.formats.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.reconcile.Reconciler;
import org.riskaudit.core.reconcile.Reconciliation;
import org.riskaudit.core.tally.Tabulator;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.clearballot.ClearBallotImporter;
import org.riskaudit.formats.cvr.CvrFormats;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.ess.EssImporter;
import org.riskaudit.formats.manifest.ManifestParser;
import org.riskaudit.testing.SharedData;

/**
 * The Arlo ES&S and Clear Ballot samples (other-vendor-cvrs). Their READMEs give no tallies, so the
 * expected figures below were counted by hand from the files, row by row.
 */
class EssAndClearBallotTest {

  @Test
  void clearBallotSampleTalliesWithTheVoteForTwoOvervoteExcluded() throws Exception {
    Path f = SharedData.require("other-vendor-cvrs/clearballot/arlo_CLEARBALLOT_CVRS.csv");
    List<Cvr> cards = new ArrayList<>();
    CvrImportResult r = new ClearBallotImporter().withCounty("J1").read(List.of(f), cards::add);
    assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
    assertThat(r.cards()).isEqualTo(14);
    Tabulator t = Tabulator.forContests(r.contests());
    cards.forEach(t);
    assertThat(t.tally("Contest 1").votes())
        .containsEntry("Choice 1-1", 7L)
        .containsEntry("Choice 1-2", 3L);
    assertThat(t.tally("Contest 1").overvotes()).isEqualTo(1);
    assertThat(t.tally("Contest 1").cards()).isEqualTo(11); // rows 12-14 do not have Contest 1
    assertThat(t.tally("Contest 2").votes())
        .containsEntry("Choice 2-1", 13L)
        .containsEntry("Choice 2-2", 6L)
        .containsEntry("Choice 2-3", 7L);
    assertThat(t.tally("Contest 2").overvotes()).isEqualTo(1); // row 11 marks 3 of vote-for-2
    assertThat(r.contests())
        .filteredOn(c -> c.name().equals("Contest 2"))
        .singleElement()
        .satisfies(c -> assertThat(c.voteFor()).isEqualTo(2));
    Reconciler rec =
        new Reconciler(
            ManifestParser.withHeader("J1")
                .parse(SharedData.require("other-vendor-cvrs/clearballot/arlo_manifest.csv"))
                .manifest());
    cards.forEach(rec);
    Reconciliation report = rec.report(null, r.contests());
    assertThat(report.phantoms()).isEqualTo(1);
    assertThat(report.placedCvrs()).isEqualTo(14);
  }

  @Test
  void essSampleJoinsTheCvrsWithBothBallotsReports() throws Exception {
    Path dir = SharedData.require("other-vendor-cvrs/ess");
    List<Path> inputs =
        List.of(
            dir.resolve("arlo_ESS_CVR.csv"),
            dir.resolve("arlo_ESS_BALLOTS_1.csv"),
            dir.resolve("arlo_ESS_BALLOTS_2.csv"));
    assertThat(CvrFormats.detect(inputs)).isEqualTo("ess");
    List<Cvr> cards = new ArrayList<>();
    CvrImportResult r = new EssImporter().withCounty("J1").read(inputs, cards::add);
    assertThat(r.hasErrors()).as(r.problems().toString()).isFalse();
    assertThat(r.cards()).isEqualTo(14);
    Tabulator t = Tabulator.forContests(r.contests());
    cards.forEach(t);
    assertThat(t.tally("Contest 1").votes())
        .containsEntry("Choice 1-1", 6L)
        .containsEntry("Choice 1-2", 6L);
    assertThat(t.tally("Contest 1").overvotes()).isEqualTo(1);
    assertThat(t.tally("Contest 1").blanks()).isEqualTo(1);
    assertThat(t.tally("Contest 2").votes())
        .containsEntry("Choice 2-1", 8L)
        .containsEntry("Choice 2-2", 4L)
        .containsEntry("Choice 2-3", 2L);
    assertThat(r.problems()).anySatisfy(p -> assertThat(p.what()).contains("placement rule"));
    Reconciler rec =
        new Reconciler(
            ManifestParser.withHeader("J1").parse(dir.resolve("arlo_ess_manifest.csv")).manifest());
    cards.forEach(rec);
    Reconciliation report = rec.report(null, r.contests());
    assertThat(report.placedCvrs()).isEqualTo(14);
    assertThat(report.phantoms()).isEqualTo(1);
  }

  @Test
  void anEssCvrMissingFromTheBallotsReportsIsAPreciseError(@TempDir Path tmp) throws Exception {
    Path dir = SharedData.require("other-vendor-cvrs/ess");
    List<Cvr> cards = new ArrayList<>();
    CvrImportResult r =
        new EssImporter()
            .read(
                List.of(dir.resolve("arlo_ESS_CVR.csv"), dir.resolve("arlo_ESS_BALLOTS_1.csv")),
                cards::add);
    assertThat(r.problems())
        .filteredOn(ImportProblem::isError)
        .anySatisfy(
            p ->
                assertThat(p.describe())
                    .contains("arlo_ESS_CVR.csv:")
                    .contains("is in no Ballots report"));
  }

  @Test
  void aClearBallotMarkThatIsNotZeroOrOneIsRejected(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("cb.csv");
    Files.writeString(
        f,
        "RowNumber,BoxID,BoxPosition,BallotID,PrecinctID,BallotStyleID,PrecinctStyleName,"
            + "ScanComputerName,Status,Remade,Choice_1_1:Mayor:Vote For 1:Ann:NP\n1,B1,1,x,p,bs,ps,T1,s,r,2\n");
    CvrImportResult r = new ClearBallotImporter().read(List.of(f), c -> {});
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.isError()).isTrue();
              assertThat(p.describe())
                  .startsWith("cb.csv:2")
                  .contains("mark '2' for Mayor / Ann is not 0, 1 or empty");
            });
  }
}
