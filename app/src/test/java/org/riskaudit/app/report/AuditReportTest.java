package org.riskaudit.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.core.audit.AssertionMeasurement;
import org.riskaudit.formats.record.RecordCsv;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;

/**
 * Reports of whole audits run through the command line on a generated three-county election: a
 * comparison audit completed over two rounds, and an attacked one whose full hand count replaced
 * the reported outcome. The CSV tables must hold exactly the audit's own numbers, and the PDF must
 * open, keep its text on the page and say what happened.
 */
class AuditReportTest {
  static final String SEED = "31415926535897932384626";
  static final String Q1 = "Question 1";

  @TempDir Path dir;

  @Test
  void aCompletedTwoRoundAuditsFinalReportHoldsTheAuditsOwnNumbers() throws Exception {
    AuditRun run = AuditRun.start(dir, "Test recall", Q1, "--errors", "0.03");
    run.importAndCommit();
    run.ok("seed", SEED);
    run.ok("sample", "--size", "20");
    run.finishRound();
    assertThat(run.finishRound()).contains("The audit is complete.");
    AuditProgress p = run.progress();
    AuditProgress.ContestProgress q1 = p.contests().get(0);
    assertThat(q1.met(p.snapshot().alpha())).isTrue();

    Path out = run.report("final");

    List<RecordCsv.Row> contests = PdfChecks.csv(out, ReportCsv.CONTESTS);
    assertThat(contests).hasSize(q1.measurement().assertions().size());
    AssertionMeasurement m = q1.measurement().assertions().get(0);
    RecordCsv.Row row = contests.get(0);
    assertThat(row.get("contest")).isEqualTo(Q1);
    assertThat(row.get("outcome")).isEqualTo("met");
    assertThat(row.get("measured")).isEqualTo(Integer.toString(m.draws()));
    assertThat(Double.parseDouble(row.get("p_value"))).isEqualTo(m.pValue());
    assertThat(Double.parseDouble(row.get("diluted_margin"))).isEqualTo(m.assertion().margin());
    assertThat(row.get("reported_winners")).isEqualTo("No");

    List<RecordCsv.Row> history = PdfChecks.csv(out, ReportCsv.RISK_HISTORY);
    assertThat(history).hasSize(q1.measurement().draws() * q1.measurement().assertions().size());
    assertThat(history).extracting(r -> r.get("round")).contains("1", "2");
    assertThat(Double.parseDouble(history.get(history.size() - 1).get("p_value")))
        .isEqualTo(m.pValue());

    assertThat(discrepancies(p)).isNotEmpty();
    assertThat(PdfChecks.csv(out, ReportCsv.DISCREPANCIES))
        .extracting(r -> r.get("draw") + " " + r.get("card") + " " + r.get("kind"))
        .containsExactlyElementsOf(discrepancies(p));

    List<RecordCsv.Row> counties = PdfChecks.csv(out, ReportCsv.COUNTIES);
    assertThat(counties).hasSize(3 * 2);
    for (RecordCsv.Row c : counties) {
      assertThat(c.get("cards_recorded")).isEqualTo(c.get("cards_drawn"));
      assertThat(c.get("sign_offs")).isEqualTo(c.get("cards_drawn").equals("0") ? "0" : "2");
    }

    PdfChecks.Pdf pdf = PdfChecks.read(out.resolve(ReportService.PDF));
    assertThat(pdf.pages()).isGreaterThan(2);
    String text = PdfChecks.flat(pdf.text());
    assertThat(text)
        .contains("Final report", "Test recall", Q1, SEED)
        .contains("the audit confirms the reported outcome (No)")
        .contains(ReportText.p(q1.measurement().risk()))
        .contains("Risk over the sample: " + Q1)
        .contains("County 1", "County 2", "County 3", "Ana Diaz (DEM)");
    try (Store store = Store.open(run.db)) {
      assertThat(text)
          .contains(store.logEntries("audit").get(store.logEntries("audit").size() - 1).hash());
    }
  }

  @Test
  void aRoundReportShowsTheRiskStoredAtTheEndOfThatRound() throws Exception {
    AuditRun run = AuditRun.start(dir, "Test recall", Q1);
    run.importAndCommit();
    run.ok("seed", SEED);
    run.ok("sample", "--size", "20");
    run.finishRound();
    run.finishRound();

    Path out = run.report("round-1", "--round", "1");

    List<Rows.RiskMeasurementRow> stored;
    String roundEndHash;
    try (Store store = Store.open(run.db)) {
      stored = store.rounds().risks("audit").stream().filter(r -> r.roundNo() == 1).toList();
      roundEndHash =
          store.logEntries("audit").stream()
              .filter(e -> e.action().equals("end-round"))
              .findFirst()
              .orElseThrow()
              .hash();
    }
    assertThat(stored).hasSize(1);
    RecordCsv.Row row = PdfChecks.csv(out, ReportCsv.CONTESTS).get(0);
    assertThat(row.get("measured")).isEqualTo(Integer.toString(stored.get(0).sampleSize()));
    assertThat(Double.parseDouble(row.get("p_value"))).isEqualTo(stored.get(0).pValue());
    assertThat(row.get("outcome")).isEqualTo("not_met");
    assertThat(PdfChecks.csv(out, ReportCsv.RISK_HISTORY)).hasSize(20);
    assertThat(PdfChecks.csv(out, ReportCsv.COUNTIES))
        .extracting(r -> r.get("round"))
        .containsOnly("1");
    String text = PdfChecks.flat(PdfChecks.read(out.resolve(ReportService.PDF)).text());
    assertThat(text)
        .contains("Report of round 1", "at the end of round 1", "Risk limit not met")
        .contains("Round 1 ended", roundEndHash)
        .contains(ReportText.p(stored.get(0).pValue()));

    AuditRun.Result beyond =
        run.audit("report", "--out", dir.resolve("x").toString(), "--round", "3");
    assertThat(beyond.exit()).isEqualTo(1);
    assertThat(beyond.err()).contains("There is no round 3 to report", "has rounds 1 to 2");
  }

  @Test
  void anAttackedAuditsReportSaysTheFullHandCountReplacedTheReportedOutcome() throws Exception {
    AuditRun run =
        AuditRun.start(
            dir, "Test recall", Q1, "--attack", "County 1=0.25,County 2=0.25,County 3=0.25");
    run.importAndCommit();
    run.ok("seed", SEED);
    run.ok("sample");
    assertThat(run.finishRound()).contains("Full hand count of [Question 1]");
    Path during = run.report("during-hand-count");
    assertThat(PdfChecks.csv(during, ReportCsv.CONTESTS).get(0).get("outcome"))
        .isEqualTo("hand_count_in_progress");
    run.recordHandCount(Q1, List.of("Yes", "No"));
    assertThat(run.ok("next-round").out()).contains("REPLACES the reported outcome [Yes]");
    AuditProgress p = run.progress();

    Path out = run.report("final");

    RecordCsv.Row row = PdfChecks.csv(out, ReportCsv.CONTESTS).get(0);
    assertThat(row.get("outcome")).isEqualTo("hand_count_replaced");
    assertThat(row.get("reported_winners")).isEqualTo("Yes");
    assertThat(row.get("hand_count_winners")).isEqualTo("No");
    assertThat(row.get("hand_count_missing_batches")).isEqualTo("0");
    List<String> expected = discrepancies(p);
    assertThat(expected).isNotEmpty();
    assertThat(PdfChecks.csv(out, ReportCsv.DISCREPANCIES))
        .extracting(r -> r.get("draw") + " " + r.get("card") + " " + r.get("kind"))
        .containsExactlyElementsOf(expected);
    assertThat(Long.parseLong(row.get("two_vote_over")) + Long.parseLong(row.get("one_vote_over")))
        .isPositive();

    PdfChecks.Pdf pdf = PdfChecks.read(out.resolve(ReportService.PDF));
    String text = PdfChecks.flat(pdf.text());
    assertThat(text)
        .contains("Final report", Q1)
        .contains("The full hand count replaced the reported outcome (Yes) with its own (No)")
        .contains("Hand count", "two-vote overstatement")
        .doesNotContain("confirms the reported outcome");
  }

  @Test
  void aPollingAuditsReportCountsDrawsForTheWinnerAndTheLoserInsteadOfDiscrepancies()
      throws Exception {
    AuditRun run = AuditRun.startAudit(dir, "polling", "Test recall", Q1);
    run.importAndCommit(false);
    run.ok("seed", SEED);
    run.ok("sample", "--size", "30");
    run.recordRound();
    AssertionMeasurement m = run.progress().contests().get(0).measurement().assertions().get(0);

    Path out = run.report("polling");

    RecordCsv.Row row = PdfChecks.csv(out, ReportCsv.CONTESTS).get(0);
    assertThat(row.get("type")).isEqualTo("polling");
    assertThat(row.get("winner_draws")).isEqualTo(Integer.toString(m.ones()));
    assertThat(row.get("loser_draws")).isEqualTo(Integer.toString(m.zeros()));
    assertThat(m.ones() + m.zeros()).isPositive();
    assertThat(row.get("discrepancies")).isEmpty();
    assertThat(PdfChecks.csv(out, ReportCsv.DISCREPANCIES)).isEmpty();
    assertThat(PdfChecks.csv(out, ReportCsv.RISK_HISTORY)).hasSize(30);
    assertThat(PdfChecks.flat(PdfChecks.read(out.resolve(ReportService.PDF)).text()))
        .contains("Winner draws", "Loser draws", "polling", ReportText.p(m.pValue()))
        .doesNotContain("CVR tabulation");
  }

  private static List<String> discrepancies(AuditProgress p) {
    List<String> out = new ArrayList<>();
    for (AuditProgress.ContestProgress c : p.contests()) {
      for (AssertionMeasurement m : c.measurement().assertions()) {
        for (AssertionMeasurement.CardDiscrepancy d : m.discrepancies()) {
          out.add(d.draw() + " " + d.cardId() + " " + d.discrepancy().label());
        }
      }
    }
    return out;
  }
}
