package org.riskaudit.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report can be written at every stage and says what is not there yet; names in any script reach
 * the CSV tables unchanged and the PDF with the characters its fonts cannot show replaced.
 */
class ReportStagesTest {
  static final String ELECTION = "Élection partielle — 市長 ✓";
  static final String CONTEST = "Mesure Ω 1 — Łódź";

  @TempDir Path dir;

  @Test
  void everyStageHasAReportThatSaysWhatIsNotThereYet() throws Exception {
    AuditRun run = AuditRun.start(dir, ELECTION, CONTEST);

    Path defined = run.report("defined");
    assertThat(text(defined)).contains("Interim report", "The inputs are not committed yet");
    assertThat(PdfChecks.csv(defined, ReportCsv.CONTESTS)).isEmpty();
    assertThat(PdfChecks.csv(defined, ReportCsv.RISK_HISTORY)).isEmpty();

    run.importAndCommit();
    Path committed = run.report("committed");
    assertThat(text(committed)).contains("The public seed has not been set yet");
    var contest = PdfChecks.csv(committed, ReportCsv.CONTESTS);
    assertThat(contest).hasSize(1);
    assertThat(contest.get(0).get("contest")).isEqualTo(CONTEST);
    assertThat(contest.get(0).get("outcome")).isEqualTo("no_draws");
    assertThat(PdfChecks.csv(committed, ReportCsv.COUNTIES))
        .extracting(r -> r.get("round"))
        .containsExactly("0", "0", "0");

    run.ok("seed", AuditReportTest.SEED);
    assertThat(text(run.report("seeded"))).contains("the first round has not been drawn yet");

    run.ok("sample", "--size", "10");
    Path drawn = run.report("drawn");
    assertThat(text(drawn))
        .contains("Round 1 is in progress", "Risk chart: no draw is measured yet")
        .contains("No card has been compared yet");
    assertThat(PdfChecks.csv(drawn, ReportCsv.RISK_HISTORY)).isEmpty();

    run.recordRound();
    Path recorded = run.report("recorded");
    assertThat(PdfChecks.csv(recorded, ReportCsv.RISK_HISTORY)).hasSize(10);
    assertThat(PdfChecks.csv(recorded, ReportCsv.COUNTIES))
        .allSatisfy(
            r -> {
              assertThat(r.get("cards_recorded")).isEqualTo(r.get("cards_drawn"));
              assertThat(r.get("sign_offs")).isEqualTo("0");
            });
    assertThat(text(recorded))
        .contains("Round 1 is in progress", "Risk over the sample")
        .contains(PdfText.clean(CONTEST), "Mesure ? 1 — ?ódz", "Élection partielle — ?? ?");
  }

  @Test
  void aRoundReportBeforeAnyRoundIsRefusedWithTheReason() {
    AuditRun run = AuditRun.start(dir, ELECTION, CONTEST);
    AuditRun.Result r = run.audit("report", "--out", dir.resolve("r").toString(), "--round", "1");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("There is no round 1 to report", "has not drawn a round yet")
        .contains("Leave out --round");
  }

  private static String text(Path folder) throws Exception {
    return PdfChecks.flat(PdfChecks.read(folder.resolve(ReportService.PDF)).text());
  }
}
