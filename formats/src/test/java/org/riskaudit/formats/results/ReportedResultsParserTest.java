package org.riskaudit.formats.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.testing.SharedData;

class ReportedResultsParserTest {

  @Test
  void theRecallCountyFileSumsToTheCertifiedStateTotals() throws Exception {
    Path f = SharedData.require("ca-recall-2021/recall_q1_by_county.csv");
    ReportedResultsParser.Result r = ReportedResultsParser.parse(f, "Recall Question 1");
    assertThat(r.problems()).isEmpty();
    assertThat(r.results().byCounty()).hasSize(58);
    assertThat(r.results().statewide("Recall Question 1"))
        .containsEntry("yes", 4_894_473L)
        .containsEntry("no", 7_944_092L)
        .hasSize(2);
  }

  @Test
  void theLongFormReadsCountyContestChoiceVotes() throws Exception {
    ReportedResultsParser.Result r =
        ReportedResultsParser.parse(
            "r.csv",
            new StringReader(
                "county,contest,choice,votes\nAlpine,Q1,Yes,225\nAlpine,Q1,No,\"1,354\"\n"),
            null);
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.results().county("Alpine", "Q1")).containsEntry("No", 1354L);
  }

  @Test
  void badRowsAreReportedWithLineAndColumn() throws Exception {
    ReportedResultsParser.Result r =
        ReportedResultsParser.parse(
            "r.csv",
            new StringReader(
                "county,contest,choice,votes\nA,Q,Yes,x\nA,Q,No,-4\nA,Q,Yes,3\nA,Q,Yes,5\n"),
            null);
    assertThat(r.problems())
        .extracting(ImportProblem::describe)
        .anySatisfy(
            d -> assertThat(d).startsWith("r.csv:2 [votes]").contains("'x' is not a whole number"))
        .anySatisfy(d -> assertThat(d).startsWith("r.csv:3").contains("negative"))
        .anySatisfy(d -> assertThat(d).startsWith("r.csv:5").contains("appears twice"));
  }

  @Test
  void aWideFileWithoutAContestNameIsRefused() throws Exception {
    ReportedResultsParser.Result r =
        ReportedResultsParser.parse("r.csv", new StringReader("county,yes,no\nA,1,2\n"), null);
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.problems().get(0).fix()).contains("give the contest name");
  }
}
