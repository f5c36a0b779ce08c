package org.riskaudit.formats.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.batch.BatchContest;
import org.riskaudit.core.manualtally.HandTally;
import org.riskaudit.core.manualtally.TallyLine;
import org.riskaudit.formats.ImportProblem;

class TallyParsersTest {
  static final String RESULTS =
      """
      County,Precinct,Ballots,Contest,Candidate,Votes
      Alpine,P-12,250,Mayor,Alice,130
      Alpine,P-12,250,Mayor,Bob,110
      Alpine,P-13,"1,020",Mayor,Alice,600
      Alpine,P-13,"1,020",Mayor,Bob,400
      """;

  @Test
  void precinctResultsBecomeBatchesNamedByCountyAndPrecinct() {
    PrecinctResultsParser.Result r =
        PrecinctResultsParser.parse("results.csv", new StringReader(RESULTS));
    assertThat(r.problems()).isEmpty();
    assertThat(r.batches()).extracting(b -> b.id()).containsExactly("Alpine/P-12", "Alpine/P-13");
    assertThat(r.batches().get(1).cards()).isEqualTo(1020);
    assertThat(r.batches().get(1).votes("Mayor", "Alice")).isEqualTo(600);
  }

  @Test
  void resultRowsThatDisagreeOrRepeatAreReportedWithTheirLines() {
    String bad =
        """
        precinct,cards,contest,choice,votes
        P-1,100,Mayor,A,60
        P-1,90,Mayor,B,30
        P-1,100,Mayor,A,61
        P-2,100,Mayor,A,many
        P-3,100,Mayor,A,101
        """;
    PrecinctResultsParser.Result r = PrecinctResultsParser.parse("r.csv", new StringReader(bad));
    assertThat(r.problems()).extracting(ImportProblem::line).containsExactly(3L, 4L, 5L, 6L);
    assertThat(r.problems().get(0).what())
        .isEqualTo("batch 'P-1' has 90 cards here but 100 on line 2");
    assertThat(r.problems().get(1).what())
        .isEqualTo("batch 'P-1', Mayor, A appears twice (60 and 61 votes)");
    assertThat(r.problems().get(2).what()).isEqualTo("votes 'many' is not a whole number");
    assertThat(r.hasErrors()).isTrue();
  }

  @Test
  void handTallyRowsKeepTheirSheetAndLineAndANegativeCountIsLeftForTheCheck() {
    String csv =
        """
        precinct,contest,choice,votes,sheet
        P-12,Mayor,Alice,70,1
        P-12,Mayor,Alice,59,2

        P-12,Mayor,Bob,-3,1
        """;
    HandTallyParser.Result r = HandTallyParser.parse("tally.csv", new StringReader(csv));
    assertThat(r.problems()).isEmpty();
    assertThat(r.lines())
        .containsExactly(
            new TallyLine("P-12", "Mayor", "Alice", 70, "1", 2),
            new TallyLine("P-12", "Mayor", "Alice", 59, "2", 3),
            new TallyLine("P-12", "Mayor", "Bob", -3, "1", 5));
    PrecinctResultsParser.Result machine =
        PrecinctResultsParser.parse(
            "m.csv",
            new StringReader(
                "precinct,cards,contest,choice,votes\nP-12,250,Mayor,Alice,130\nP-12,250,Mayor,Bob,110\n"));
    HandTally.Entry e =
        HandTally.enter(machine.batches(), List.of(BatchContest.of("Mayor")), r.lines());
    assertThat(e.problems()).singleElement().extracting(p -> p.row()).isEqualTo(5L);
  }

  @Test
  void aHandTallyWithoutAVotesColumnIsRejectedWithTheSynonyms() {
    HandTallyParser.Result r =
        HandTallyParser.parse("t.csv", new StringReader("batch,contest,choice,tally\nB1,M,A,3\n"));
    assertThat(r.lines()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .extracting(ImportProblem::describe)
        .isEqualTo(
            "t.csv:1 [votes] error: the header row [batch, contest, choice, tally] has no votes column"
                + " Fix: Name one column votes or count or hand count or machine count.");
  }
}
