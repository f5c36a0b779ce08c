package org.riskaudit.formats.dominion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.ContestVote;

class ContestVotesTest {
  private final ContestVotes voteForTwo =
      new ContestVotes(
          new ContestDefinition("Council", 2, List.of("A", "B", "C", "Write-in"), 0),
          new String[] {"A", "B", "C", "Write-in", "Write-in"});
  private final ContestVotes ranked =
      new ContestVotes(
          new ContestDefinition("Mayor", 1, List.of("A", "B", "C"), 3),
          new String[] {"A", "B", "C"});

  @Test
  void moreMarksThanVoteForIsAnOvervote() {
    assertThat(voteForTwo.plurality(new int[] {0, 1, 2}, 3)).isEqualTo(ContestVote.OVERVOTE);
    assertThat(voteForTwo.plurality(new int[] {0, 2}, 2).choices()).containsExactly("A", "C");
    assertThat(voteForTwo.plurality(new int[0], 0)).isEqualTo(ContestVote.BLANK);
  }

  @Test
  void twoWriteInPositionsCountAsOneWriteInChoice() {
    assertThat(voteForTwo.plurality(new int[] {3, 4}, 2)).isEqualTo(ContestVote.of("Write-in"));
  }

  @Test
  void rankedChoicesFollowRankOrderAndDropRepeats() {
    assertThat(ranked.ranked(new int[] {2, 0, 0}, new int[] {2, 1, 3}, 3).choices())
        .containsExactly("A", "C");
  }

  @Test
  void rankingStopsAtASkippedRankOrAnOvervotedRank() {
    assertThat(ranked.ranked(new int[] {0, 1}, new int[] {1, 3}, 2).choices()).containsExactly("A");
    assertThat(ranked.ranked(new int[] {0, 1, 2}, new int[] {1, 2, 2}, 3).choices())
        .containsExactly("A");
    assertThat(ranked.ranked(new int[] {0, 1}, new int[] {1, 1}, 2))
        .isEqualTo(ContestVote.OVERVOTE);
    assertThat(ranked.ranked(new int[] {1}, new int[] {2}, 1)).isEqualTo(ContestVote.BLANK);
  }
}
