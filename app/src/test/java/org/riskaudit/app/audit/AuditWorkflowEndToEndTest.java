package org.riskaudit.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.core.assertion.Assertion;
import org.riskaudit.core.assertion.Assertions;
import org.riskaudit.core.audit.AuditSettings;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.audit.ContestEstimate;
import org.riskaudit.core.audit.ContestSpec;
import org.riskaudit.core.audit.RoundSizes;
import org.riskaudit.core.contest.Contest;
import org.riskaudit.core.contest.ContestRule;
import org.riskaudit.core.estimate.NoErrorSampleSize;
import org.riskaudit.core.risk.RiskMethods;

/**
 * A complete comparison audit and a complete polling audit through the command line, on a generated
 * three-county election, without errors and with an outcome-changing attack; the exported record
 * then verifies. Runs on every database (subclasses).
 */
abstract class AuditWorkflowEndToEndTest {
  static final String SEED = "31415926535897932384626";
  static final String Q1 = "Question 1";

  @TempDir Path dir;

  /** A fresh database location. */
  abstract String database(Path dir);

  AuditDriver start(String type, String... generate) {
    List<String> g =
        new java.util.ArrayList<>(
            List.of("--cards", "6000", "--counties", "3", "--batch-size", "100", "--seed", "5"));
    g.addAll(List.of(generate));
    Path election = AuditDriver.generate(dir, "election", g.toArray(String[]::new));
    AuditDriver d = new AuditDriver(database(dir), dir, election);
    d.ok(
        "init",
        "--election",
        "Test recall",
        "--target",
        Q1,
        "--rule",
        Q1 + "=majority",
        "--type",
        type,
        "--trials",
        "200");
    return d;
  }

  @Test
  void anErrorFreeComparisonAuditStopsInRoundOneAtTheNoErrorSize() throws Exception {
    AuditDriver d = start("comparison");
    d.importAndCommit(true);
    d.ok("seed", SEED);
    d.ok("sample");
    JsonNode q1 = d.status().get("contests").get(0);
    // 6,000 cards, No 3,300 and Yes 2,700: diluted margin 0.1, so the round draws the 80 %
    // quantile of simulated audits under the a-priori error rates.
    Contest reported = Contest.majority(Q1, Map.of("Yes", 2700L, "No", 3300L), 6000);
    Assertion a = Assertions.of(reported).get(0);
    ContestEstimate e =
        RoundSizes.estimate(
            new AuditedContest(
                ContestSpec.targeted(Q1, ContestRule.MAJORITY, AuditType.COMPARISON),
                java.util.Set.of("County 1", "County 2", "County 3"),
                6000,
                reported.votes(),
                reported.votes()),
            null,
            List.of(),
            6000,
            new AuditSettings(new java.math.BigDecimal("0.05"), 200, 20_260_523L, 0.5));
    assertThat(q1.get("drawn").asInt()).isEqualTo(e.p80());
    d.recordRound();
    d.signOff();
    assertThat(d.ok("next-round").out()).contains("The audit is complete.");
    JsonNode done = d.status();
    assertThat(done.get("stage").asText()).isEqualTo("COMPLETE");
    assertThat(done.get("round").asInt()).isEqualTo(1);
    int noErrorSize =
        NoErrorSampleSize.byRunning(
                RiskMethods.comparisonDefault(a.margin(), 0), a.margin(), 0.05, 10_000)
            .getAsInt();
    Path record = dir.resolve("record");
    d.ok("export", "--out", record.toString());
    assertThat(RecordAssertions.metAtDraw(record, Q1)).isEqualTo(noErrorSize);
    RecordAssertions.verifies(record);
  }

  @Test
  void anOutcomeChangingAttackEscalatesToAFullHandCountThatCorrectsTheComparisonAudit()
      throws Exception {
    // A quarter of the paper's No votes were recorded as Yes in every county: Yes is reported
    // the winner, but the paper says No.
    AuditDriver d = start("comparison", "--attack", "County 1=0.25,County 2=0.25,County 3=0.25");
    d.importAndCommit(true);
    d.ok("seed", SEED);
    d.ok("sample");
    d.recordRound();
    d.signOff();
    assertThat(d.ok("next-round").out()).contains("Full hand count of [Question 1]");
    d.recordHandCount(Q1, List.of("Yes", "No"));
    String end = d.ok("next-round").out();
    assertThat(end).contains("REPLACES the reported outcome [Yes] with [No]");
    Path record = dir.resolve("record");
    d.ok("export", "--out", record.toString());
    RecordAssertions.verifies(record);
  }

  @Test
  void anErrorFreePollingAuditConfirmsTheOutcomeWithoutAHandCount() throws Exception {
    AuditDriver d = start("polling");
    d.importAndCommit(false);
    d.ok("seed", SEED);
    d.ok("sample");
    String stage = "";
    for (int round = 0; round < 6 && !stage.equals("COMPLETE"); round++) {
      d.recordRound();
      d.signOff();
      d.ok("next-round");
      stage = d.status().get("stage").asText();
      assertThat(stage).isNotEqualTo("FULL_HAND_COUNT");
    }
    assertThat(stage).isEqualTo("COMPLETE");
    assertThat(d.status().get("contests").get(0).get("risk").asDouble()).isLessThanOrEqualTo(0.05);
    Path record = dir.resolve("record");
    d.ok("export", "--out", record.toString());
    RecordAssertions.verifies(record);
  }

  @Test
  void anOutcomeChangingAttackEscalatesToAFullHandCountThatCorrectsThePollingAudit()
      throws Exception {
    AuditDriver d = start("polling", "--attack", "County 1=0.25,County 2=0.25,County 3=0.25");
    d.importAndCommit(false);
    d.ok("seed", SEED);
    d.ok("sample");
    String stage = "";
    for (int round = 0; round < 6 && !stage.equals("FULL_HAND_COUNT"); round++) {
      d.recordRound();
      d.signOff();
      d.ok("next-round");
      stage = d.status().get("stage").asText();
      assertThat(stage).isNotEqualTo("COMPLETE");
    }
    assertThat(stage).isEqualTo("FULL_HAND_COUNT");
    d.recordHandCount(Q1, List.of("Yes", "No"));
    assertThat(d.ok("next-round").out()).contains("REPLACES the reported outcome [Yes] with [No]");
    Path record = dir.resolve("record");
    d.ok("export", "--out", record.toString());
    RecordAssertions.verifies(record);
  }
}
