package org.riskaudit.core.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskaudit.testing.Tallies;

class ContestTest {

  @Test
  void recallQuestionOneIsWonByNo() {
    Contest q1 =
        Contest.majority("Recall", Tallies.votes("Yes", 4_894_473, "No", 7_944_092), 12_892_578);
    assertThat(q1.winners()).containsExactly("No");
    assertThat(q1.losers()).containsExactly("Yes");
  }

  @Test
  void voteForTwoHasTwoWinners() {
    Contest c =
        Contest.plurality("Council", 2, Tallies.votes("A", 50, "B", 40, "C", 30, "D", 5), 100);
    assertThat(c.winners()).containsExactly("A", "B");
    assertThat(c.losers()).containsExactly("C", "D");
  }

  @Test
  void aTieAtTheWinnerBoundaryIsRejectedBecauseNoAuditCanConfirmIt() {
    Contest c = Contest.plurality("Mayor", 1, Tallies.votes("A", 50, "B", 50), 100);
    assertThatThrownBy(c::winners)
        .hasMessageContaining("tied between 'A' and 'B' at 50 votes")
        .hasMessageContaining("full hand count");
  }

  @Test
  void negativeVotesAreRejectedNamingTheChoice() {
    assertThatThrownBy(() -> Contest.plurality("Mayor", 1, Tallies.votes("A", 5, "B", -1), 10))
        .hasMessageContaining("votes for 'B' must be >= 0, got -1");
  }

  @Test
  void aTallyWithNoLosersIsRejected() {
    assertThatThrownBy(() -> Contest.plurality("Mayor", 2, Tallies.votes("A", 5, "B", 3), 10))
        .hasMessageContaining("there must be at least one winner and one loser");
    assertThatThrownBy(() -> Contest.plurality("Mayor", 1, Tallies.votes("A", 5), 10))
        .hasMessageContaining("needs at least two choices");
  }

  @Test
  void thePopulationMustHoldAllTheVotes() {
    assertThatThrownBy(() -> Contest.plurality("Mayor", 1, Tallies.votes("A", 50, "B", 40), 80))
        .hasMessageContaining("90 votes but only 80 cards");
  }

  @Test
  void supermajorityShareMustBeAFraction() {
    assertThatThrownBy(
            () -> Contest.supermajority("Bond", 1.5, Tallies.votes("Yes", 70, "No", 30), 100))
        .hasMessageContaining("must be in (0, 1)");
    Contest bond = Contest.supermajority("Bond", 2.0 / 3, Tallies.votes("Yes", 60, "No", 40), 100);
    assertThatThrownBy(bond::winners).hasMessageContaining("no choice reached the required share");
  }

  @Test
  void countyContestsAggregateIntoTheStatewideContest() {
    Contest a = Contest.majority("Recall", Tallies.votes("Yes", 108_081, "No", 465_901), 580_000);
    Contest b = Contest.majority("Recall", Tallies.votes("Yes", 225, "No", 354), 600);
    Contest state = Contest.aggregate(List.of(a, b));
    assertThat(state.votes()).containsEntry("Yes", 108_306L).containsEntry("No", 466_255L);
    assertThat(state.cards()).isEqualTo(580_600);
  }
}
