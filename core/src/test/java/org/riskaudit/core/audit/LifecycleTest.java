package org.riskaudit.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.audit.AuditCommand.CommitInputs;
import org.riskaudit.core.audit.AuditCommand.Complete;
import org.riskaudit.core.audit.AuditCommand.EndRound;
import org.riskaudit.core.audit.AuditCommand.ImportInput;
import org.riskaudit.core.audit.AuditCommand.RecordInterpretation;
import org.riskaudit.core.audit.AuditCommand.SetSeed;
import org.riskaudit.core.audit.AuditCommand.SignOff;
import org.riskaudit.core.audit.AuditCommand.StartFullHandCount;
import org.riskaudit.core.audit.AuditCommand.StartRound;

class LifecycleTest {
  static final Seed SEED = new Seed("12345678901234567890");

  static AuditState seeded() {
    AuditState s = Lifecycle.apply(AuditState.defined(), new ImportInput("m.csv")).orThrow();
    s = Lifecycle.apply(s, new CommitInputs()).orThrow();
    return Lifecycle.apply(s, new SetSeed(SEED)).orThrow();
  }

  static AuditState inRound() {
    return Lifecycle.apply(seeded(), new StartRound(Set.of("A/1/1/1", "A/1/1/2"))).orThrow();
  }

  static String refusal(AuditState s, AuditCommand c) {
    Outcome o = Lifecycle.apply(s, c);
    assertThat(o).isInstanceOf(Outcome.Refused.class);
    return ((Outcome.Refused) o).message();
  }

  @Test
  void drawingBeforeTheSeedIsRefusedNamingTheSeedCommand() {
    AuditState committed = Lifecycle.apply(AuditState.defined(), new CommitInputs()).orThrow();
    assertThat(refusal(committed, new StartRound(Set.of("x"))))
        .isEqualTo(
            "Cannot draw a sample: the seed has not been set. Run 'riskaudit audit seed' after"
                + " committing the inputs.");
  }

  @Test
  void seedingBeforeCommittingTheInputsIsRefused() {
    assertThat(refusal(AuditState.defined(), new SetSeed(SEED)))
        .contains("inputs are not committed");
  }

  @Test
  void theSeedCannotBeChangedOnceSet() {
    assertThat(refusal(seeded(), new SetSeed(new Seed("99999999999999999999"))))
        .contains("Cannot change the seed");
    assertThat(refusal(inRound(), new SetSeed(SEED))).contains("Cannot change the seed");
  }

  @Test
  void importingAfterTheSeedIsRefused() {
    assertThat(refusal(seeded(), new ImportInput("late.csv")))
        .contains("'late.csv'")
        .contains("the seed has been set");
  }

  @Test
  void recordingACardThatWasNotDrawnIsRefused() {
    assertThat(refusal(inRound(), new RecordInterpretation("B/1/1/9", 1)))
        .contains("'B/1/1/9' was not drawn");
  }

  @Test
  void recordingTwiceWithoutAnExplicitRevisionIsRefused() {
    AuditState s = Lifecycle.apply(inRound(), new RecordInterpretation("A/1/1/1", 1)).orThrow();
    assertThat(refusal(s, new RecordInterpretation("A/1/1/1", 1)))
        .contains("already has revision 1")
        .contains("explicit revision 2");
    AuditState revised = Lifecycle.apply(s, new RecordInterpretation("A/1/1/1", 2)).orThrow();
    assertThat(revised.latestRevision()).containsEntry("A/1/1/1", 2);
  }

  @Test
  void aRoundEndsOnlyAfterTwoDifferentPeopleSignOff() {
    AuditState s = Lifecycle.apply(inRound(), new SignOff("alice")).orThrow();
    s = Lifecycle.apply(s, new SignOff("alice")).orThrow();
    assertThat(refusal(s, new EndRound())).contains("1 of 2");
    s = Lifecycle.apply(s, new SignOff("bob")).orThrow();
    assertThat(Lifecycle.apply(s, new EndRound()).orThrow().stage())
        .isEqualTo(AuditStage.ROUND_ENDED);
  }

  @Test
  void escalationKeepsEarlierDrawsAndCanEndInAFullHandCount() {
    AuditState s = Lifecycle.apply(inRound(), new SignOff("a")).orThrow();
    s = Lifecycle.apply(s, new SignOff("b")).orThrow();
    s = Lifecycle.apply(s, new EndRound()).orThrow();
    s = Lifecycle.apply(s, new StartRound(Set.of("A/1/1/3"))).orThrow();
    assertThat(s.round()).isEqualTo(2);
    assertThat(s.drawnCards()).containsExactlyInAnyOrder("A/1/1/1", "A/1/1/2", "A/1/1/3");
    assertThat(s.signedOff()).isEmpty();
    s = Lifecycle.apply(s, new SignOff("a")).orThrow();
    s = Lifecycle.apply(s, new SignOff("b")).orThrow();
    s = Lifecycle.apply(s, new EndRound()).orThrow();
    s = Lifecycle.apply(s, new StartFullHandCount()).orThrow();
    assertThat(s.stage()).isEqualTo(AuditStage.FULL_HAND_COUNT);
    assertThat(Lifecycle.apply(s, new Complete()).orThrow().stage()).isEqualTo(AuditStage.COMPLETE);
  }

  @Test
  void completingDuringARoundIsRefused() {
    assertThat(refusal(inRound(), new Complete())).contains("end the current round first");
  }

  @Test
  void everyCommandHasExactlyOneRowInTheTransitionTable() {
    assertThat(Lifecycle.TRANSITIONS)
        .extracting(Lifecycle.Transition::command)
        .doesNotHaveDuplicates();
  }

  @Test
  void seedsNeedTwentyDecimalDigits() {
    assertThatThrownBy(() -> new Seed("1234567890123456789"))
        .hasMessageContaining("at least 20 decimal digits, got 19");
    assertThatThrownBy(() -> new Seed("1234567890123456789x"))
        .hasMessageContaining("'x' at position 20");
    assertThat(new Seed("01234567890123456789012").digits()).hasSize(23);
  }

  @Test
  void californiaRefusesARiskLimitAboveFivePercent() {
    assertThatThrownBy(() -> RiskLimitPolicy.CALIFORNIA.check(new BigDecimal("0.1")))
        .hasMessageContaining("Risk limit 0.1 is not allowed: California")
        .hasMessageContaining("at most 0.05");
    assertThat(RiskLimitPolicy.CALIFORNIA.check(new BigDecimal("0.05")))
        .isEqualByComparingTo("0.05");
  }
}
