package org.riskaudit.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CalcCommandsTest {
  static JsonNode json(CliRunner r) throws Exception {
    assertThat(r.exit()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void comparisonSampleSizeIsNearTheFloorAndKaplanMarkovMatchesColorado() throws Exception {
    JsonNode d =
        json(
            CliRunner.run(
                "calc",
                "sample-size",
                "--audit",
                "comparison",
                "--margin",
                "0.01",
                "--risk-limit",
                "0.05",
                "--json"));
    assertThat(d.get("floor").asInt()).isEqualTo(598);
    assertThat(d.get("size").asInt()).isBetween(598, 610);
    JsonNode km =
        json(
            CliRunner.run(
                "calc",
                "sample-size",
                "--audit",
                "comparison",
                "--margin",
                "0.01",
                "--risk-limit",
                "0.05",
                "--method",
                "kaplan-markov",
                "--json"));
    assertThat(km.get("size").asInt()).isEqualTo(622);
    assertThat(km.get("optimisticSize").asInt()).isEqualTo(622);
  }

  @Test
  void pollingSampleSizeGivesOrderedQuantilesForTheRecall() throws Exception {
    JsonNode p =
        json(
            CliRunner.run(
                "calc",
                "sample-size",
                "--audit",
                "polling",
                "--tally",
                "Yes=4894473,No=7944092",
                "--ballots",
                "12892578",
                "--risk-limit",
                "0.05",
                "--method",
                "bravo",
                "--trials",
                "300",
                "--json"));
    assertThat(p.get("winner").asText()).isEqualTo("No");
    JsonNode q = p.get("simulated");
    assertThat(q.get("median").asInt()).isPositive().isLessThanOrEqualTo(q.get("p80").asInt());
    assertThat(q.get("p80").asInt()).isLessThanOrEqualTo(q.get("p90").asInt());
    assertThat(q.get("trials").asInt()).isEqualTo(300);
  }

  @Test
  void kaplanMarkovRiskReproducesStarkTableThree() throws Exception {
    JsonNode r =
        json(
            CliRunner.run(
                "calc",
                "risk",
                "--audit",
                "comparison",
                "--method",
                "kaplan-markov",
                "--margin",
                "0.02",
                "--sample-size",
                "500",
                "--gamma",
                "1.01",
                "--o2",
                "1",
                "--json"));
    assertThat(r.get("pValue").asDouble()).isCloseTo(0.698, within(0.0005));
  }

  @Test
  void riskOverExplicitValuesGivesTheHistory() throws Exception {
    JsonNode r =
        json(
            CliRunner.run(
                "calc",
                "risk",
                "--method",
                "alpha",
                "--values",
                "1,1,0",
                "--upper-bound",
                "1",
                "--eta",
                "0.6",
                "--estimator",
                "fixed",
                "--json"));
    assertThat(r.get("pValueHistory").size()).isEqualTo(3);
    assertThat(r.get("pValueHistory").get(1).asDouble()).isCloseTo(1 / 1.44, within(1e-9));
    assertThat(r.get("withReplacement").asBoolean()).isTrue();
  }

  @Test
  void badArgumentsNameTheArgumentAndTheAllowedValues() {
    CliRunner a = CliRunner.run("calc", "sample-size", "--audit", "comparison", "--margin", "0");
    assertThat(a.exit()).isNotZero();
    assertThat(a.err()).contains("--margin must be in (0, 1], got 0.0");
    CliRunner b = CliRunner.run("calc", "sample-size", "--audit", "audit", "--margin", "0.1");
    assertThat(b.err()).contains("--audit must be comparison or polling");
    CliRunner c =
        CliRunner.run(
            "calc",
            "sample-size",
            "--audit",
            "comparison",
            "--margin",
            "0.1",
            "--risk-limit",
            "1.5");
    assertThat(c.err()).contains("risk limit must be in (0, 1)");
    CliRunner d = CliRunner.run("calc", "sample-size", "--audit", "polling", "--tally", "Yes=5");
    assertThat(d.err()).contains("at least two choices");
    CliRunner e =
        CliRunner.run("calc", "risk", "--method", "magic", "--values", "1", "--upper-bound", "1");
    assertThat(e.err()).contains("--method must be alpha, bravo, betting or kaplan-markov");
    CliRunner f =
        CliRunner.run(
            "calc",
            "risk",
            "--method",
            "alpha",
            "--values",
            "1",
            "--upper-bound",
            "0",
            "--eta",
            "0.6");
    assertThat(f.exit()).isNotZero();
    assertThat(f.err()).contains("upper bound must be a finite number > 0");
  }
}
