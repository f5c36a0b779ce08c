package org.riskaudit.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.core.tally.Tabulator;
import org.riskaudit.formats.manifest.ManifestParser;
import org.riskaudit.store.Rows.AuditRow;
import org.riskaudit.store.Store;

/** The scale benchmark's stages do what their rows say, on a small election (no timing here). */
class ScaleStagesTest {
  @TempDir Path dir;

  @Test
  void aSmallElectionGoesThroughEveryStoreStageWithTheGeneratedTotals() throws Exception {
    ScaleElection e = ScaleElection.generate(20_000, dir.resolve("election"), null);
    assertThat(e.jsonCounties()).hasSize(47);
    assertThat(e.csvCounties()).hasSize(11);
    assertThat(Files.exists(dir.resolve("election/dominion-csv/County 1.csv"))).isFalse();
    assertThat(Files.exists(dir.resolve("election/dominion-json/County 5"))).isFalse();
    assertThat(ImportStages.bareRead(e, 2)).isPositive();

    ImportStages.verify(ImportStages.readAll(e, null), e, "the import");
    try (Store s = Store.open(dir.resolve("a.db").toString())) {
      s.audits().insertAudit(audit());
      Tabulator t = ImportStages.importInto(s, "scale", e, new Progress());
      ImportStages.verify(t, e, "the import into SQLite");
      ImportStages.verify(StoreStages.tabulate(s, "scale", new Progress()), e, "stored cards");
      assertThat(StoreStages.bareSelect(s, "scale")).isEqualTo(e.summary().cvrs());
      assertThat(StoreStages.dumpRows(s, "scale", dir.resolve("rows.tsv")))
          .isEqualTo(e.summary().cvrs());
    }
    try (Store plain = Store.open(dir.resolve("b.db").toString())) {
      assertThat(StoreStages.plainInsert(plain, dir.resolve("rows.tsv")))
          .isEqualTo(e.summary().cvrs());
      // the baseline stores the rows alone (no vote dictionary): read back, not decoded
      assertThat(StoreStages.bareSelect(plain, "scale")).isEqualTo(e.summary().cvrs());
    }
  }

  @Test
  void ticketKeysAreTheSameWhateverTheNumberOfThreads() throws Exception {
    ScaleElection e = ScaleElection.generate(5_000, dir.resolve("election"), null);
    BallotManifest m = ManifestParser.withHeader("County").parse(e.manifest()).manifest();
    for (int parts = 1; parts <= 5; parts++) {
      List<List<ManifestBatch>> split = TicketStages.split(m, parts);
      assertThat(split.stream().mapToLong(p -> p.size()).sum()).isEqualTo(m.batches().size());
    }
    assertThat(TicketStages.ticketKeys(m, 3)).isEqualTo(TicketStages.ticketKeys(m, 1));
    assertThat(TicketStages.bareSha256(m, 2)).isEqualTo(TicketStages.bareSha256(m, 1));
    TicketStages.DrawResult d = TicketStages.draw(m, 50, dir.resolve("list.csv"));
    assertThat(d.draws()).isEqualTo(50);
    assertThat(Files.readAllLines(dir.resolve("list.csv"))).hasSize(d.cardsToPull() + 1);
  }

  private static AuditRow audit() {
    return new AuditRow(
        "scale",
        "test",
        org.riskaudit.core.audit.AuditStage.DEFINED,
        new java.math.BigDecimal("0.05"),
        null,
        "",
        java.time.Instant.now());
  }
}
