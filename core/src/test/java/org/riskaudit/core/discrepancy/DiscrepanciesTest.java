package org.riskaudit.core.discrepancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.assertion.Assertion;
import org.riskaudit.core.assertion.Assertions;
import org.riskaudit.core.assorter.OneAuditPool;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.card.Interpretation;
import org.riskaudit.core.contest.Contest;
import org.riskaudit.testing.Tallies;

class DiscrepanciesTest {
  // Margin 0.2: A 60, B 40 on 100 cards.
  static final Assertion A_BEATS_B =
      Assertions.of(Contest.plurality("M", 1, Tallies.votes("A", 60, "B", 40), 100)).get(0);

  static Cvr cvr(ContestVote v) {
    return new Cvr(
        new CardLocation("C", "1", "B1", 1), "", "", "", v == null ? Map.of() : Map.of("M", v));
  }

  static Interpretation paper(ContestVote v) {
    return Interpretation.read(v == null ? Map.of() : Map.of("M", v));
  }

  @Test
  void theFiveClassicValuesAtMarginPointTwo() {
    ContestVote a = ContestVote.of("A");
    ContestVote b = ContestVote.of("B");
    ContestVote blank = ContestVote.BLANK;
    assertThat(Discrepancies.of(A_BEATS_B, cvr(a), paper(b)).comparisonValue())
        .isCloseTo(0, within(1e-12));
    assertThat(Discrepancies.of(A_BEATS_B, cvr(a), paper(blank)).comparisonValue())
        .isCloseTo(0.2778, within(5e-5));
    assertThat(Discrepancies.of(A_BEATS_B, cvr(a), paper(a)).comparisonValue())
        .isCloseTo(0.5556, within(5e-5));
    assertThat(Discrepancies.of(A_BEATS_B, cvr(blank), paper(a)).comparisonValue())
        .isCloseTo(0.8333, within(5e-5));
    assertThat(Discrepancies.of(A_BEATS_B, cvr(b), paper(a)).comparisonValue())
        .isCloseTo(1.1111, within(5e-5));
    assertThat(Discrepancies.of(A_BEATS_B, cvr(a), paper(b)).label())
        .isEqualTo("two-vote overstatement");
    assertThat(Discrepancies.of(A_BEATS_B, cvr(b), paper(a)).votes()).isEqualTo(-2);
  }

  @Test
  void notFoundBallotCountsAsAVoteForTheLoser() {
    Discrepancy d =
        Discrepancies.of(A_BEATS_B, cvr(ContestVote.of("A")), Interpretation.cardNotFound());
    assertThat(d.votes()).isEqualTo(2);
    assertThat(d.comparisonValue()).isZero();
  }

  @Test
  void noConsensusOnTheContestCountsAsAVoteForTheLoser() {
    Interpretation mvr = new Interpretation(false, Map.of(), Set.of("M"));
    assertThat(Discrepancies.of(A_BEATS_B, cvr(ContestVote.BLANK), mvr).votes()).isEqualTo(1);
    assertThat(Discrepancies.of(A_BEATS_B, cvr(ContestVote.of("A")), mvr).votes()).isEqualTo(2);
    // A CVR that already showed the loser loses nothing more.
    assertThat(Discrepancies.of(A_BEATS_B, cvr(ContestVote.of("B")), mvr).votes()).isZero();
  }

  @Test
  void phantomCvrCountsOneHalfSoAFoundWinnerVoteIsAnUnderstatement() {
    Discrepancy d = Discrepancies.of(A_BEATS_B, (Cvr) null, paper(ContestVote.of("A")));
    assertThat(d.overstatement()).isEqualTo(-0.5);
    assertThat(d.votes()).isEqualTo(-1);
    Discrepancy missing = Discrepancies.of(A_BEATS_B, (Cvr) null, Interpretation.cardNotFound());
    assertThat(missing.votes()).isEqualTo(1);
  }

  @Test
  void overvoteOnPaperIsNoValidVote() {
    Discrepancy d =
        Discrepancies.of(A_BEATS_B, cvr(ContestVote.of("A")), paper(ContestVote.OVERVOTE));
    assertThat(d.label()).isEqualTo("one-vote overstatement");
  }

  @Test
  void oneAuditPoolGivesEachCardThePoolMeanAsItsCvrValue() {
    OneAuditPool pool = OneAuditPool.fromSubtotals("Alpine", 100, 60, 40);
    assertThat(pool.meanAssorterValue()).isCloseTo(0.6, within(1e-12));
    Discrepancy d =
        Discrepancies.of(A_BEATS_B, pool.meanAssorterValue(), paper(ContestVote.of("A")));
    assertThat(d.overstatement()).isCloseTo(-0.4, within(1e-12));
    assertThat(OneAuditPool.populationMean(60, 100, java.util.List.of(pool)))
        .isCloseTo(0.6, within(1e-12));
  }

  @Property(tries = 200)
  void anMvrIdenticalToTheCvrIsNeverADiscrepancy(@ForAll @IntRange(min = 0, max = 3) int which) {
    ContestVote v =
        switch (which) {
          case 0 -> ContestVote.of("A");
          case 1 -> ContestVote.of("B");
          case 2 -> ContestVote.BLANK;
          default -> ContestVote.OVERVOTE;
        };
    Discrepancy d = Discrepancies.of(A_BEATS_B, cvr(v), paper(v));
    assertThat(d.overstatement()).isZero();
    assertThat(d.comparisonValue()).isCloseTo(A_BEATS_B.comparison().noError(), within(1e-12));
  }

  @Property(tries = 200)
  void comparisonMeanExceedsOneHalfExactlyWhenTheAssertionIsTrue(
      @ForAll @IntRange(min = 0, max = 40) int flipped) {
    // 100 cards whose CVRs say A 60, B 40; on paper `flipped` of the A votes are really B.
    double sum = 0;
    for (int i = 0; i < 100; i++) {
      boolean cvrA = i < 60;
      boolean paperA = cvrA && i >= flipped;
      sum +=
          Discrepancies.of(
                  A_BEATS_B,
                  cvr(ContestVote.of(cvrA ? "A" : "B")),
                  paper(ContestVote.of(paperA ? "A" : "B")))
              .comparisonValue();
    }
    boolean assertionTrue = (60 - flipped) > (40 + flipped);
    assertThat(sum / 100 > 0.5 + 1e-12).isEqualTo(assertionTrue);
  }
}
