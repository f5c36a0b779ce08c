package org.riskaudit.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SamplingCommandsTest {

  @Test
  void sampleJsonGivesTheDrawsInOrder() throws Exception {
    CliRunner r =
        CliRunner.run("sample", "--seed", "1", "--population", "1000", "--count", "3", "--json");
    assertThat(r.exit()).isZero();
    JsonNode o = new ObjectMapper().readTree(r.out());
    assertThat(o.get("draws").toString()).isEqualTo("[97,89,163]");
  }

  @Test
  void sampleWithoutReplacementAndSkipContinuesTheSample() {
    CliRunner r =
        CliRunner.run(
            "sample",
            "--seed",
            "3546311556112163624615351222",
            "--population",
            "876",
            "--count",
            "2",
            "--skip",
            "5",
            "--without-replacement");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("     6  448").contains("     7  272");
  }

  @Test
  void aMissingArgumentGivesAOneLineMessageAndANonZeroExit() {
    CliRunner r = CliRunner.run("sample", "--seed", "1", "--count", "3");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("--population");
  }

  @Test
  void tooManyDrawsWithoutReplacementIsRefused() {
    CliRunner r =
        CliRunner.run(
            "sample", "--seed", "1", "--population", "3", "--count", "4", "--without-replacement");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("exceeds --population 3");
  }

  @Test
  void ticketsReproduceTheReferenceSample() throws Exception {
    CliRunner r =
        CliRunner.run(
            "tickets",
            "--seed",
            "314159",
            "--id",
            "A#2",
            "--id",
            "B#7",
            "--id",
            "C#1",
            "--id",
            "D#4",
            "--with-replacement",
            "--count",
            "8",
            "--json");
    assertThat(r.exit()).isZero();
    JsonNode draws = new ObjectMapper().readTree(r.out()).get("draws");
    StringBuilder ids = new StringBuilder();
    draws.forEach(d -> ids.append(d.get("id").asText()).append(' '));
    assertThat(ids.toString().trim()).isEqualTo("D#4 C#1 C#1 B#7 A#2 C#1 D#4 B#7");
  }

  @Test
  void ticketsWithoutIdsIsRefused() {
    CliRunner r = CliRunner.run("tickets", "--seed", "1");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("--id");
  }
}
