package org.riskaudit.core.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardModelTest {

  @Test
  void positionInBatchMustBeOneBasedAndTheMessageNamesTheBatch() {
    assertThatThrownBy(() -> new CardLocation("Alpine", "1", "B7", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1")
        .hasMessageContaining("'B7'");
  }

  @Test
  void overvotedContestCarriesNoValidChoice() {
    assertThatThrownBy(() -> new ContestVote(List.of("Yes"), true))
        .hasMessageContaining("overvoted contest has no valid choices");
    assertThat(ContestVote.OVERVOTE.votesFor("Yes")).isFalse();
    assertThat(ContestVote.OVERVOTE.isBlank()).isFalse();
    assertThat(ContestVote.BLANK.isBlank()).isTrue();
  }

  @Test
  void contestIsOnTheCardExactlyWhenTheCvrHasAnEntryForIt() {
    Cvr cvr =
        new Cvr(
            new CardLocation("Alpine", "1", "B7", 3),
            null,
            null,
            null,
            Map.of("Recall", ContestVote.of("No")));
    assertThat(cvr.hasContest("Recall")).isTrue();
    assertThat(cvr.vote("Recall").votesFor("No")).isTrue();
    assertThat(cvr.hasContest("Governor")).isFalse();
    assertThat(cvr.vote("Governor")).isNull();
    assertThat(cvr.imprintedId()).isEmpty();
  }

  @Test
  void contestDefinitionRejectsZeroVoteFor() {
    assertThatThrownBy(() -> new ContestDefinition("Mayor", 0, List.of("A"), 0))
        .hasMessageContaining("'Mayor'")
        .hasMessageContaining("at least 1 vote");
  }
}
