package org.riskaudit.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.assertion.Assertion;
import org.riskaudit.core.assertion.Assertions;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.card.Interpretation;
import org.riskaudit.core.contest.Contest;
import org.riskaudit.core.estimate.NoErrorSampleSize;
import org.riskaudit.core.risk.RiskMethods;
import org.riskaudit.core.risk.RiskResult;
import org.riskaudit.testing.Tallies;

class AssertionRiskTest {
  // Recall Question 1 in one county: No 6,000, Yes 4,000 on 10,000 cards, margin 0.2.
  static final Map<String, Long> NO_BEATS_YES_VOTES = Tallies.votes("Yes", 4000, "No", 6000);
  static final Assertion NO_BEATS_YES =
      Assertions.of(Contest.majority("Recall", NO_BEATS_YES_VOTES, 10_000)).get(0);

  static Cvr cvr(int i, String choice) {
    return new Cvr(
        new CardLocation("Alpine", "T1", "B" + (i / 100), i % 100 + 1),
        "",
        "",
        "",
        Map.of("Recall", ContestVote.of(choice)));
  }

  static List<SampledCard> draws(int n, long seed, double attackShare) {
    SplittableRandom r = new SplittableRandom(seed);
    List<SampledCard> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean no = r.nextDouble() < 0.6;
      Cvr c = cvr(i, no ? "No" : "Yes");
      // An attack moved some Yes votes to No in the CVRs: the paper still says Yes.
      boolean shifted = no && r.nextDouble() < attackShare;
      out.add(
          SampledCard.of(
              "c" + i,
              c,
              Interpretation.read(
                  Map.of("Recall", ContestVote.of(shifted ? "Yes" : no ? "No" : "Yes")))));
    }
    return out;
  }

  @Test
  void anErrorFreeComparisonAuditConfirmsAtTheNoErrorSize() {
    AssertionRisk risk = new AssertionRisk(NO_BEATS_YES, AuditType.COMPARISON, 0);
    RiskResult r = risk.measure(draws(200, 1, 0));
    int expected =
        NoErrorSampleSize.byRunning(RiskMethods.comparisonDefault(0.2, 0), 0.2, 0.05, 1000)
            .getAsInt();
    assertThat(r.firstDrawAtOrBelow(0.05)).isEqualTo(expected);
  }

  @Test
  void anOutcomeChangingAttackIsNotConfirmed() {
    // Half of the CVR's No votes are really Yes: on paper Yes leads 7,000 to 3,000.
    AssertionRisk risk = new AssertionRisk(NO_BEATS_YES, AuditType.COMPARISON, 0);
    RiskResult r = risk.measure(draws(2000, 2, 0.5));
    assertThat(r.firstDrawAtOrBelow(0.05)).isEqualTo(-1);
    assertThat(r.pValue()).isGreaterThan(0.5);
  }

  @Test
  void aSecondRoundContinuesTheTestRatherThanRestarting() {
    AssertionRisk risk = new AssertionRisk(NO_BEATS_YES, AuditType.COMPARISON, 0);
    List<SampledCard> all = draws(40, 3, 0);
    RiskResult round1 = risk.measure(all.subList(0, 10));
    RiskResult round2 = risk.resume(round1.state(), all.subList(10, 40));
    assertThat(round2.pValue()).isEqualTo(risk.measure(all).pValue());
  }

  @Test
  void aPhantomCardThatCannotBeFoundIsTheWorstCaseForComparisonAndPolling() {
    SampledCard missing = SampledCard.of("phantom", null, Interpretation.cardNotFound());
    assertThat(new AssertionRisk(NO_BEATS_YES, AuditType.COMPARISON, 0).value(missing))
        .isEqualTo(NO_BEATS_YES.comparison().value(0.5, 0.0));
    assertThat(
            new AssertionRisk(NO_BEATS_YES, AuditType.POLLING, NO_BEATS_YES_VOTES, 10_000)
                .value(missing))
        .isZero();
  }

  @Test
  void aPollingAuditOfTheTruePopulationConfirms() {
    AssertionRisk risk =
        new AssertionRisk(NO_BEATS_YES, AuditType.POLLING, NO_BEATS_YES_VOTES, 10_000);
    RiskResult r = risk.measure(draws(3000, 4, 0));
    assertThat(r.firstDrawAtOrBelow(0.05)).isPositive();
  }
}
