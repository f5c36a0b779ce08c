package org.riskaudit.core.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;

class TabulatorTest {
  private static int position = 1;

  private static Cvr card(Map<String, ContestVote> votes) {
    return new Cvr(new CardLocation("C", "1", "B1", position++), "", "", "", votes);
  }

  @Test
  void overvotesCountForNoChoiceAndBlanksAreCountedSeparately() {
    Tabulator t =
        Tabulator.forContests(
            List.of(new ContestDefinition("Mayor", 1, List.of("A", "B", "C"), 0)));
    t.accept(card(Map.of("Mayor", ContestVote.of("A"))));
    t.accept(card(Map.of("Mayor", ContestVote.of("A"))));
    t.accept(card(Map.of("Mayor", ContestVote.OVERVOTE)));
    t.accept(card(Map.of("Mayor", ContestVote.BLANK)));
    t.accept(card(Map.of()));
    ContestTally mayor = t.tally("Mayor");
    assertThat(mayor.votes())
        .containsExactly(Map.entry("A", 2L), Map.entry("B", 0L), Map.entry("C", 0L));
    assertThat(mayor.cards()).isEqualTo(4);
    assertThat(mayor.overvotes()).isEqualTo(1);
    assertThat(mayor.blanks()).isEqualTo(1);
    assertThat(t.cards()).isEqualTo(5);
  }

  @Test
  void voteForTwoCountsBothChoicesAndRankedCountsFirstPreferencesOnly() {
    Tabulator t =
        Tabulator.forContests(
            List.of(
                new ContestDefinition("Council", 2, List.of("A", "B", "C"), 0),
                new ContestDefinition("RCV", 1, List.of("X", "Y"), 2)));
    t.accept(card(Map.of("Council", ContestVote.of("A", "C"), "RCV", ContestVote.of("Y", "X"))));
    assertThat(t.tally("Council").votes()).containsEntry("A", 1L).containsEntry("C", 1L);
    assertThat(t.tally("RCV").votes()).containsEntry("Y", 1L).containsEntry("X", 0L);
  }

  @Test
  void mergedTabulatorsAddUp() {
    Tabulator a = new Tabulator();
    Tabulator b = new Tabulator();
    a.accept(card(Map.of("Q", ContestVote.of("Yes"))));
    b.accept(card(Map.of("Q", ContestVote.of("Yes"))));
    b.accept(card(Map.of("Q", ContestVote.of("No"))));
    a.merge(b);
    assertThat(a.tally("Q").votesFor("Yes")).isEqualTo(2);
    assertThat(a.tally("Q").votesFor("No")).isEqualTo(1);
    assertThat(a.cards()).isEqualTo(3);
  }
}
