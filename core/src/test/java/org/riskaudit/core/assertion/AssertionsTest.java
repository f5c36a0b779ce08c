package org.riskaudit.core.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.assorter.SupermajorityAssorter;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.contest.Contest;
import org.riskaudit.testing.Tallies;

class AssertionsTest {

  @Test
  void recallDilutedMarginIsTheVoteMarginOverTheTrustedCardCount() {
    // Statewide Question 1: No 7,944,092, Yes 4,894,473; N = 12,892,578 ballots cast.
    Contest q1 =
        Contest.majority("Recall", Tallies.votes("Yes", 4_894_473, "No", 7_944_092), 12_892_578);
    List<Assertion> a = Assertions.of(q1);
    assertThat(a).hasSize(1);
    assertThat(a.get(0).margin()).isCloseTo((7_944_092 - 4_894_473) / 12_892_578.0, within(1e-12));
    assertThat(a.get(0).margin()).isCloseTo(0.23654, within(5e-6));
  }

  @Test
  void pluralityGivesEveryWinnerAgainstEveryLoser() {
    Contest c =
        Contest.plurality("Council", 2, Tallies.votes("A", 50, "B", 40, "C", 30, "D", 5), 150);
    List<Assertion> a = Assertions.of(c);
    assertThat(a)
        .extracting(x -> x.assorter().describe())
        .containsExactly("A beats C", "A beats D", "B beats C", "B beats D");
    assertThat(Assertions.hardest(a).assorter().describe()).isEqualTo("B beats C");
    assertThat(Assertions.hardest(a).margin()).isCloseTo(10 / 150.0, within(1e-12));
  }

  @Test
  void supermajorityHasOneAssertionWithUpperBoundOneOverTwoF() {
    Contest bond =
        Contest.supermajority("Bond", 2.0 / 3, Tallies.votes("Yes", 700, "No", 250), 1000);
    Assertion a = Assertions.of(bond).get(0);
    assertThat(a.assorter().upperBound()).isCloseTo(0.75, within(1e-12));
    // mean = (700 * 0.75 + 50 * 0.5) / 1000 = 0.55
    assertThat(a.reportedMean()).isCloseTo(0.55, within(1e-12));
    SupermajorityAssorter s = (SupermajorityAssorter) a.assorter();
    assertThat(s.assort(ContestVote.of("Yes"))).isEqualTo(0.75);
    assertThat(s.assort(ContestVote.of("No"))).isEqualTo(0.0);
    assertThat(s.assort(ContestVote.OVERVOTE)).isEqualTo(0.5);
    assertThat(s.assort(null)).isEqualTo(0.5);
  }

  @Property(tries = 300)
  void assorterMeanOverTheCardsEqualsTheReportedMean(
      @ForAll @IntRange(min = 0, max = 60) int a,
      @ForAll @IntRange(min = 0, max = 60) int b,
      @ForAll @IntRange(min = 0, max = 30) int blank,
      @ForAll @IntRange(min = 0, max = 30) int absent) {
    if (a == b) {
      return;
    }
    Contest c = Contest.plurality("C", 1, Tallies.votes("A", a, "B", b), a + b + blank + absent);
    Assertion as = Assertions.of(c).get(0);
    double sum =
        c.votes().get(c.winners().get(0)) * as.assorter().assort(ContestVote.of(c.winners().get(0)))
            + c.votes().get(c.losers().get(0))
                * as.assorter().assort(ContestVote.of(c.losers().get(0)))
            + blank * as.assorter().assort(ContestVote.BLANK)
            + absent * as.assorter().assort(null);
    assertThat(sum / c.cards()).isCloseTo(as.reportedMean(), within(1e-12));
    assertThat(as.margin() > 0).isTrue();
    // Every value is within [0, u].
    for (ContestVote v : List.of(ContestVote.of("A"), ContestVote.of("B"), ContestVote.OVERVOTE)) {
      assertThat(as.assorter().assort(v)).isBetween(0.0, as.assorter().upperBound());
    }
  }
}
