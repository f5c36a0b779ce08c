package org.riskaudit.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every lifecycle command refuses out-of-order use with a message saying what must happen first.
 */
class LifecycleRefusalsTest {
  static final String SEED = "27182818284590452353602";

  @TempDir Path dir;

  AuditDriver defined() {
    Path e =
        AuditDriver.generate(
            dir, "e", "--cards", "3000", "--counties", "2", "--batch-size", "100", "--seed", "2");
    AuditDriver d = new AuditDriver(dir.resolve("a.db").toString(), dir, e);
    d.ok("init", "--election", "E", "--target", "Question 1", "--trials", "100");
    return d;
  }

  @Test
  void samplingBeforeTheSeedIsRefused() {
    AuditDriver d = defined();
    d.importAndCommit(true);
    AuditDriver.Run r = d.audit("sample");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "Cannot draw a sample: the seed has not been set. Run 'riskaudit audit seed' after"
                + " committing the inputs.");
  }

  @Test
  void theSeedCannotBeSetBeforeTheCommitNorChangedAfterwards() {
    AuditDriver d = defined();
    assertThat(d.audit("seed", SEED).err()).contains("the inputs are not committed yet");
    d.importAndCommit(true);
    d.ok("seed", SEED);
    AuditDriver.Run again = d.audit("seed", "99999999999999999999");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("Cannot change the seed: it was set once and never changes.");
    assertThat(d.audit("seed", "123").err()).contains("at least 20 decimal digits");
  }

  @Test
  void importingAfterTheSeedIsRefused() {
    AuditDriver d = defined();
    d.importAndCommit(true);
    d.ok("seed", SEED);
    AuditDriver.Run r =
        d.audit("import", "--manifest", d.election.resolve("ballot-manifest.csv").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("Cannot import 'manifest ballot-manifest.csv': the seed has been set");
  }

  @Test
  void recordingACardThatWasNotDrawnIsRefused() throws Exception {
    AuditDriver d = defined();
    d.importAndCommit(true);
    d.ok("seed", SEED);
    d.ok("sample", "--size", "5");
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "card,contest,marks\nCounty 1/1/1/1,Question 1,Yes\n");
    String drawn = d.status().get("contests").get(0).get("drawn").asText();
    assertThat(drawn).isEqualTo("5");
    AuditDriver.Run r = d.audit("record", "--file", f.toString());
    // County 1/1/1/1 is not among the 5 of 3,000 cards this seed draws
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("Card 'County 1/1/1/1' was not drawn in this audit; only drawn cards can be");
  }

  @Test
  void recordingACardTwiceNeedsAnExplicitRevision() throws Exception {
    AuditDriver d = defined();
    d.importAndCommit(true);
    d.ok("seed", SEED);
    d.ok("sample", "--size", "3");
    d.recordRound();
    String card = Files.readAllLines(dir.resolve("interpretations-1.csv")).get(1).split(",")[0];
    Path f = dir.resolve("again.csv");
    Files.writeString(f, "card,contest,marks\n" + card + ",Question 1,Yes\n");
    AuditDriver.Run twice = d.audit("record", "--file", f.toString());
    assertThat(twice.exit()).isEqualTo(1);
    assertThat(twice.err())
        .contains(
            "Card '"
                + card
                + "' already has revision 1; to change it, record an explicit revision 2.");
    Files.writeString(f, "card,contest,marks,revision\n" + card + ",Question 1,Yes,2\n");
    d.ok("record", "--file", f.toString());
  }

  @Test
  void aRoundCannotEndBeforeEveryCardIsRecordedAndTwoPeopleSignedOff() throws Exception {
    AuditDriver d = defined();
    d.importAndCommit(true);
    d.ok("seed", SEED);
    d.ok("sample", "--size", "4");
    assertThat(d.audit("next-round").err()).contains("cards are not recorded yet in");
    d.recordRound();
    assertThat(d.audit("next-round").err())
        .contains("two different people must sign it off for each county with cards");
  }
}
