package org.riskaudit.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.store.Store;

/** Imports are all or nothing: an export with errors stores nothing, a county is not doubled. */
class ImportRefusalsTest {
  @TempDir Path dir;

  AuditDriver defined() {
    Path e =
        AuditDriver.generate(
            dir,
            "e",
            "--cards",
            "2000",
            "--counties",
            "2",
            "--batch-size",
            "100",
            "--seed",
            "6",
            "--format",
            "csv");
    AuditDriver d = new AuditDriver(dir.resolve("a.db").toString(), dir, e);
    d.ok("init", "--election", "E", "--target", "Question 1", "--trials", "100");
    return d;
  }

  long cards(AuditDriver d) {
    try (Store s = Store.open(d.db)) {
      return s.cards().count("audit");
    }
  }

  @Test
  void anExportWithAnErrorIsRefusedWholeWithEveryProblemListed() throws Exception {
    AuditDriver d = defined();
    Path good = d.election.resolve("dominion-csv").resolve("County 1.csv");
    List<String> lines = Files.readAllLines(good);
    String[] cells = lines.get(10).split(",", -1);
    cells[3] = "abc"; // a RecordId (the card's position in its batch) that is no number
    lines.set(10, String.join(",", cells));
    Path bad = dir.resolve("County 1.csv");
    Files.write(bad, lines);
    AuditDriver.Run r = d.audit("import", "--cvrs", bad.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("The CVR export has errors; nothing was imported");
    assertThat(cards(d)).isZero();
    d.ok("import", "--cvrs", good.toString());
    assertThat(cards(d)).isEqualTo(1000);
  }

  @Test
  void aCountysCvrsAreNotImportedTwiceUnlessReplaced() {
    AuditDriver d = defined();
    Path county1 = d.election.resolve("dominion-csv").resolve("County 1.csv");
    d.ok("import", "--cvrs", county1.toString());
    AuditDriver.Run again = d.audit("import", "--cvrs", county1.toString());
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err())
        .contains(
            "County 'County 1' already has 1000 CVRs in this audit; to import its CVRs"
                + " again, add --replace.");
    assertThat(cards(d)).isEqualTo(1000);
    d.ok("import", "--cvrs", county1.toString(), "--replace");
    assertThat(cards(d)).isEqualTo(1000);
  }
}
