package org.riskaudit.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.HandCount;

/** The statewide demo, at a small scale, honest and attacked (it needs no ../shared folder). */
class DemoTest {
  @TempDir Path dir;

  DemoResult run(boolean attack) throws Exception {
    StringWriter log = new StringWriter();
    return new DemoRunner(new PrintWriter(log))
        .run(new DemoOptions(0.002, 0, attack, dir, DemoOptions.DEFAULT_SEED, 2021));
  }

  @Test
  void theHonestRecallIsConfirmedInOneRoundAndItsRecordVerifies() throws Exception {
    DemoResult r = run(false);
    assertThat(r.progress().snapshot().state().stage()).isEqualTo(AuditStage.COMPLETE);
    assertThat(r.handCounts()).isEmpty();
    assertThat(r.rounds()).isEqualTo(1);
    assertThat(r.progress().contests().get(0).measurement().risk()).isLessThanOrEqualTo(0.05);
    assertThat(r.progress().contests().get(0).measurement().contest().reported().winners())
        .containsExactly("No");
    assertThat(r.verified()).isTrue();
  }

  @Test
  void countiesComeInEachVendorsFormatAndTheBatchTotalsCountiesAreAuditedAsPools()
      throws Exception {
    DemoResult r = run(false);
    var s = r.progress().snapshot();
    assertThat(s.countyType("Alpine")).isEqualTo(AuditType.ONEAUDIT);
    assertThat(s.countyType("Sierra")).isEqualTo(AuditType.ONEAUDIT);
    assertThat(s.countyType("Kern")).isEqualTo(AuditType.COMPARISON);
    assertThat(s.pools().keySet())
        .isNotEmpty()
        .allMatch(id -> id.startsWith("Alpine/") || id.startsWith("Sierra/"));
    List<String> inputs =
        Files.readAllLines(r.record().resolve("inputs/input-files.csv")).stream()
            .map(l -> String.join(",", List.of(l.split(",")).subList(0, 3)))
            .toList();
    assertThat(inputs)
        .contains(
            "Kern,cvr,cvr.csv",
            "Kern,cvr,ballots.csv",
            "Los Angeles,cvr,Los Angeles.json",
            "Humboldt,cvr,Humboldt.csv",
            "(all),cvr,dominion-csv/Fresno.csv",
            "Alpine,batch-totals,Alpine.csv",
            "Sierra,batch-totals,Sierra.csv");
    assertThat(inputs).anyMatch(l -> l.startsWith("(all),cvr,dominion-json/San Diego/CvrExport_"));
  }

  @Test
  void theAttackEndsInAFullHandCountThatReversesTheFalseOutcome() throws Exception {
    DemoResult r = run(true);
    assertThat(r.progress().contests().get(0).measurement().contest().reported().winners())
        .containsExactly("Yes");
    assertThat(r.handCounts()).hasSize(1);
    HandCount h = r.handCounts().get(0);
    assertThat(h.confirmsReportedOutcome()).isFalse();
    assertThat(h.winners()).containsExactly("No");
    assertThat(r.verified()).isTrue();
  }
}
