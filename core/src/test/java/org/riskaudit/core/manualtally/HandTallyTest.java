package org.riskaudit.core.manualtally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.core.batch.BatchContest;

class HandTallyTest {
  static final Batch P12 =
      new Batch(
          "P-12",
          250,
          Map.of(
              "Mayor", Map.of("Alice", 130L, "Bob", 110L),
              "Council", Map.of("Cho", 200L, "Diaz", 180L, "Evans", 90L)));
  static final List<BatchContest> CONTESTS =
      List.of(BatchContest.of("Mayor"), new BatchContest("Council", 2));

  static HandTally.Entry enter(TallyLine... lines) {
    return HandTally.enter(List.of(P12), CONTESTS, List.of(lines));
  }

  @Test
  void severalSheetsOfOneBatchAreAddedUp() {
    HandTally.Entry e =
        enter(
            new TallyLine("P-12", "Mayor", "Alice", 70, "1", 2),
            new TallyLine("P-12", "Mayor", "Alice", 59, "2", 3),
            new TallyLine("P-12", "Mayor", "Bob", 111, "1", 4));
    assertThat(e.problems()).isEmpty();
    assertThat(e.counts().get("P-12").votes("Mayor", "Alice")).isEqualTo(129);
  }

  @Test
  void aNegativeCountIsRejectedWithTheRowAndTheFix() {
    HandTally.Entry e = enter(new TallyLine("P-12", "Mayor", "Alice", -3, "2", 7));
    assertThat(e.problems()).singleElement().isInstanceOf(TallyProblem.NegativeCount.class);
    assertThat(e.problems().get(0).message())
        .isEqualTo(
            "Row 7: batch 'P-12', contest 'Mayor', choice 'Alice' (sheet 2) has -3 votes; a hand"
                + " count cannot be negative. Fix: enter the number written on the tally sheet (0"
                + " or more).");
  }

  @Test
  void aChoiceWithMoreVotesThanTheBatchHasCardsIsRejectedNamingTheSheets() {
    HandTally.Entry e =
        enter(
            new TallyLine("P-12", "Mayor", "Alice", 130, "1", 2),
            new TallyLine("P-12", "Mayor", "Alice", 130, "2", 3));
    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems().get(0).message())
        .isEqualTo(
            "Batch 'P-12' has 250 ballot cards, but choice 'Alice' in contest 'Mayor' has 260 votes"
                + " over sheets 1, 2; no choice can have more votes than the batch has cards. Fix:"
                + " look for a count entered twice or mistyped.");
    assertThat(e.problems().get(1).message())
        .isEqualTo(
            "Batch 'P-12' has 250 ballot cards and contest 'Mayor' is vote for 1, but the contest"
                + " has 260 votes in all; the total cannot exceed 250 x 1 = 250. Fix: look for a"
                + " count entered twice or mistyped.");
  }

  @Test
  void aVoteForTwoContestMayTotalUpToTwiceTheCardsButNoMore() {
    HandTally.Entry ok =
        enter(
            new TallyLine("P-12", "Council", "Cho", 200, "", 1),
            new TallyLine("P-12", "Council", "Diaz", 200, "", 2),
            new TallyLine("P-12", "Council", "Evans", 100, "", 3));
    assertThat(ok.problems()).isEmpty();
    HandTally.Entry over =
        enter(
            new TallyLine("P-12", "Council", "Cho", 200, "", 1),
            new TallyLine("P-12", "Council", "Diaz", 200, "", 2),
            new TallyLine("P-12", "Council", "Evans", 101, "", 3));
    assertThat(over.problems()).singleElement().isInstanceOf(TallyProblem.TotalAboveCards.class);
    assertThat(over.problems().get(0).message()).contains("cannot exceed 250 x 2 = 500");
  }

  @Test
  void aContestNotInTheBatchIsRejectedListingTheBatchsContests() {
    HandTally.Entry e = enter(new TallyLine("P-12", "Measure Z", "Yes", 12, "3", 9));
    assertThat(e.problems()).singleElement().isInstanceOf(TallyProblem.ContestNotInBatch.class);
    assertThat(e.problems().get(0).message())
        .startsWith(
            "Row 9: batch 'P-12', contest 'Measure Z', choice 'Yes' (sheet 3): contest 'Measure Z'"
                + " is not on the ballots of batch 'P-12' (its contests: ")
        .contains("Mayor")
        .contains("Council")
        .endsWith("). Fix: check the batch and contest names on the sheet.");
  }

  @Test
  void unknownBatchesMisspelledChoicesAndRepeatedLinesAreAllReportedAtOnce() {
    HandTally.Entry e =
        enter(
            new TallyLine("P-13", "Mayor", "Alice", 1, "1", 2),
            new TallyLine("P-12", "Mayor", "Alcie", 1, "1", 3),
            new TallyLine("P-12", "Mayor", "Bob", 5, "1", 4),
            new TallyLine("P-12", "Mayor", "Bob", 5, "1", 5));
    assertThat(e.problems())
        .extracting(p -> p.getClass().getSimpleName())
        .containsExactly("UnknownBatch", "UnknownChoice", "DuplicateLine");
    assertThat(e.problems()).extracting(TallyProblem::row).containsExactly(2L, 3L, 5L);
    assertThat(e.problems().get(2).message()).contains("was already entered on row 4");
  }

  @Test
  void theComparisonReportListsEveryDifferenceAndItsSize() {
    HandTally.Entry e =
        enter(
            new TallyLine("P-12", "Mayor", "Alice", 128, "", 1),
            new TallyLine("P-12", "Mayor", "Bob", 111, "", 2));
    Batch other = new Batch("P-40", 10, Map.of("Mayor", Map.of("Alice", 5L, "Bob", 5L)));
    TallyComparison.Report r = TallyComparison.compare(List.of(P12, other), e.counts());
    assertThat(r.notCounted()).containsExactly("P-40");
    assertThat(r.differences())
        .extracting(TallyComparison.Row::choice, TallyComparison.Row::difference)
        .contains(
            org.assertj.core.groups.Tuple.tuple("Alice", -2L),
            org.assertj.core.groups.Tuple.tuple("Bob", 1L),
            org.assertj.core.groups.Tuple.tuple("Cho", -200L));
    assertThat(r.rows()).hasSize(5);
  }
}
