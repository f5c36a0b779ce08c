package org.riskaudit.app.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.riskaudit.app.tally.TallyKit.ok;
import static org.riskaudit.app.tally.TallyKit.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify on tally records whose facts no longer fit together: a mismatch, never a crash. */
class TallyVerifierTest {
  @TempDir static Path dir;
  static Path record;

  @BeforeAll
  static void aCountedOnePercentTally() throws IOException {
    record = dir.resolve("t");
    ok(
        "tally",
        "select",
        record,
        "--seed",
        "20240517093512861294",
        "--results",
        OnePercentTallyCommandTest.county(dir));
    Path hand =
        TallyKit.countFrom(record, dir.resolve("sheets"), TallyKit.machine(record), "h.csv");
    ok("tally", "compare", record, "--hand", hand);
  }

  private static Path copy(String name) throws IOException {
    Path p = dir.resolve(name);
    TallyKit.copy(record, p);
    return p;
  }

  @Test
  void machineCountsAboveTheCardsAreAMismatchOfTheFacts() throws IOException {
    Path t = copy("votes-above-cards");
    TallyKit.edit(t, TallyFiles.MACHINE_COUNTS, TallyKit.cell(1, 4, "100000"));
    TallyKit.forgeHash(t, TallyFiles.MACHINE_COUNTS);
    TallyKit.Run v = run("verify", t);
    assertThat(v.exit()).isEqualTo(1);
    assertThat(v.out()).contains("MISMATCH tally facts: the record's facts are inconsistent");
  }

  @Test
  void anAlteredMachineCountIsNamedInTheComparison() throws IOException {
    Path t = copy("machine-altered");
    String counted =
        org.riskaudit.formats.record.RecordCsv.read(t.resolve(TallyFiles.COMPARISON))
            .get(0)
            .get("precinct");
    TallyKit.edit(
        t,
        TallyFiles.MACHINE_COUNTS,
        lines -> {
          for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith(counted + ",") && lines.get(i).contains(",Lee,")) {
              String[] c = lines.get(i).split(",", -1);
              c[4] = Long.toString(Long.parseLong(c[4]) - 1);
              lines.set(i, String.join(",", c));
            }
          }
          return lines;
        });
    TallyKit.forgeHash(t, TallyFiles.MACHINE_COUNTS);
    TallyKit.Run v = run("verify", t);
    assertThat(v.exit()).isEqualTo(1);
    assertThat(v.out())
        .contains("MISMATCH comparison.csv line 2: recomputed " + counted + ",Governor,Lee,");
  }

  @Test
  void anUnreadableIndexIsAMismatchNotACrash() throws IOException {
    Path t = copy("bad-index");
    Files.writeString(t.resolve(TallyFiles.INDEX), "{ not json");
    TallyKit.Run v = run("verify", t);
    assertThat(v.exit()).isEqualTo(1);
    assertThat(v.out()).contains("MISMATCH tally-record.json: cannot be read");
  }

  @Test
  void aFileAddedToTheRecordIsNamed() throws IOException {
    Path t = copy("extra-file");
    Files.writeString(t.resolve("notes.txt"), "added later");
    assertThat(run("verify", t).out())
        .contains("MISMATCH file notes.txt: is not listed in tally-record.json");
  }
}
