package org.riskaudit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Interpretation;

class InterpretationTextTest {

  @Test
  void aReadCardWithAnOvervoteABlankAndNoConsensusHasAReadableForm() {
    Interpretation i =
        new Interpretation(
            false,
            Map.of(
                "Recall",
                ContestVote.of("No"),
                "Mayor",
                ContestVote.OVERVOTE,
                "Council",
                ContestVote.BLANK),
            Set.of("Governor"));
    assertThat(InterpretationText.status(i)).isEqualTo("read");
    assertThat(InterpretationText.votes(i)).isEqualTo("Council=;Mayor=!;Recall=No;Governor=?");
    assertThat(InterpretationText.decode("read", InterpretationText.votes(i))).isEqualTo(i);
  }

  @Test
  void aCardNotFoundHasNoVotes() {
    Interpretation i = Interpretation.cardNotFound();
    assertThat(InterpretationText.status(i)).isEqualTo("not-found");
    assertThat(InterpretationText.votes(i)).isEmpty();
    assertThat(InterpretationText.decode("not-found", "")).isEqualTo(i);
  }

  @Test
  void anUnknownStatusOrMalformedTextIsRejectedNamingIt() {
    assertThatThrownBy(() -> InterpretationText.decode("lost", ""))
        .hasMessageContaining("must be 'read' or 'not-found', got 'lost'");
    assertThatThrownBy(() -> InterpretationText.decode("read", "Recall"))
        .hasMessageContaining("part without 'contest=': 'Recall'");
  }

  @Property(tries = 300)
  void anyInterpretationSurvivesTheRoundTrip(
      @ForAll @NotBlank String contest,
      @ForAll @Size(max = 3) List<@NotBlank String> choices,
      @ForAll boolean overvote,
      @ForAll @NotBlank String disputed) {
    List<String> distinct = choices.stream().distinct().toList();
    Map<String, ContestVote> contests =
        Map.of(contest, overvote ? ContestVote.OVERVOTE : new ContestVote(distinct, false));
    Set<String> noConsensus = disputed.equals(contest) ? Set.of() : Set.of(disputed);
    Interpretation i = new Interpretation(false, contests, noConsensus);
    assertThat(InterpretationText.decode(InterpretationText.status(i), InterpretationText.votes(i)))
        .isEqualTo(i);
  }
}
