package org.riskaudit.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.core.tally.ReportedResults;
import org.riskaudit.testing.Tallies;

class ReconcilerTest {
  static final BallotManifest MANIFEST =
      new BallotManifest(
          List.of(
              new ManifestBatch("Alpine", "", "T1", "B1", 3),
              new ManifestBatch("Alpine", "", "T1", "B2", 2)));

  static Cvr cvr(String batch, int position, String... choices) {
    return new Cvr(
        new CardLocation("Alpine", "T1", batch, position),
        "",
        "",
        "",
        Map.of("Q", ContestVote.of(choices)));
  }

  static Reconciliation reconcile(List<Cvr> cvrs, long yes, long no) {
    Reconciler r = new Reconciler(MANIFEST);
    cvrs.forEach(r);
    ReportedResults reported =
        new ReportedResults(Map.of("Alpine", Map.of("Q", Tallies.votes("Yes", yes, "No", no))));
    return r.report(reported, List.of(new ContestDefinition("Q", 1, List.of("Yes", "No"), 0)));
  }

  @Test
  void aCleanCountyReconcilesWithNoProblemsAndNoPhantoms() {
    Reconciliation r =
        reconcile(
            List.of(
                cvr("B1", 1, "Yes"),
                cvr("B1", 2, "No"),
                cvr("B1", 3, "Yes"),
                cvr("B2", 1, "Yes"),
                cvr("B2", 2, "No")),
            3,
            2);
    assertThat(r.isClean()).as(r.problems().toString()).isTrue();
    assertThat(r.phantoms()).isZero();
    assertThat(r.placedCvrs()).isEqualTo(5);
  }

  @Test
  void everyKindOfProblemIsListed() {
    Reconciliation r =
        reconcile(
            List.of(
                cvr("B1", 1, "Yes"),
                cvr("B1", 1, "No"), // duplicate card
                cvr("B2", 3, "Yes"), // beyond the batch
                cvr("B9", 1, "Yes"), // no such batch
                cvr("B2", 1, "Yes", "No")), // two votes in a vote-for-1 contest
            3,
            2);
    assertThat(r.isClean()).isFalse();
    assertThat(r.problems())
        .extracting(Finding::kind)
        .contains(
            Finding.Kind.TABULATION_VS_REPORTED,
            Finding.Kind.BATCH_COUNT,
            Finding.Kind.DUPLICATE_CARD,
            Finding.Kind.UNPLACED_CVR,
            Finding.Kind.VOTES_EXCEED_BALLOTS);
    assertThat(r.phantoms()).isEqualTo(3); // B1 positions 2, 3 and B2 position 2
    Finding tab =
        r.problems().stream()
            .filter(f -> f.kind() == Finding.Kind.TABULATION_VS_REPORTED)
            .findFirst()
            .orElseThrow();
    assertThat(tab.detail()).contains("Yes: reported 3, CVRs 4 (+1)");
    assertThat(r.problems()).anySatisfy(f -> assertThat(f.detail()).contains("no batch 'B9'"));
    assertThat(r.problems())
        .anySatisfy(
            f -> assertThat(f.detail()).contains("position 3 is beyond the batch's 2 cards"));
  }
}
