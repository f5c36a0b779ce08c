package org.riskaudit.app.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.ProgressService;
import org.riskaudit.core.audit.AssertionMeasurement;
import org.riskaudit.core.discrepancy.Discrepancy;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.formats.record.RecordCsv;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;

/** The record's CSV tables (docs/audit-record.md lists every column). */
final class RecordTables {
  private final Store store;
  private final AuditSnapshot s;
  private final AuditProgress p;

  RecordTables(Store store, AuditSnapshot s, AuditProgress p) {
    this.store = store;
    this.s = s;
    this.p = p;
  }

  void write(Path out, String reconciliation) throws IOException {
    inputs(out);
    Files.writeString(
        out.resolve(RecordFiles.RECONCILIATION), reconciliation, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    for (Rows.TallyRow t : s.tallies()) {
      rows.add(List.of(t.source(), t.county(), t.contest(), t.choice(), Long.toString(t.votes())));
    }
    RecordCsv.write(
        out.resolve(RecordFiles.TALLIES),
        List.of("source", "county", "contest", "choice", "votes"),
        rows);
    rows = new ArrayList<>();
    for (Rows.DrawRow d : s.draws()) {
      rows.add(
          List.of(
              Integer.toString(d.roundNo()),
              d.contest(),
              Integer.toString(d.drawNo()),
              d.cardId(),
              d.ticket(),
              Integer.toString(d.generation())));
    }
    RecordCsv.write(
        out.resolve(RecordFiles.DRAWS),
        List.of("round", "contest", "draw", "card", "ticket", "generation"),
        rows);
    rows = new ArrayList<>();
    for (Rows.InterpretationRow i : store.rounds().interpretations(s.auditId())) {
      rows.add(
          List.of(
              Integer.toString(i.roundNo()),
              i.cardId(),
              Integer.toString(i.revision()),
              i.status(),
              i.votes(),
              i.recordedBy(),
              i.recordedAt().toString()));
    }
    RecordCsv.write(
        out.resolve(RecordFiles.INTERPRETATIONS),
        List.of("round", "card", "revision", "status", "votes", "recorded_by", "recorded_at"),
        rows);
    measurements(out);
    rows = new ArrayList<>();
    for (Rows.RiskMeasurementRow r : store.rounds().risks(s.auditId())) {
      rows.add(
          List.of(
              Integer.toString(r.roundNo()),
              r.contest(),
              r.assertion(),
              Integer.toString(r.sampleSize()),
              Double.toString(r.pValue())));
    }
    RecordCsv.write(
        out.resolve(RecordFiles.ROUNDS),
        List.of("round", "contest", "assertion", "draws", "p_value"),
        rows);
    rows = new ArrayList<>();
    for (Rows.SignOffRow o : s.signOffs()) {
      rows.add(
          List.of(Integer.toString(o.roundNo()), o.county(), o.person(), o.signedAt().toString()));
    }
    RecordCsv.write(
        out.resolve(RecordFiles.SIGN_OFFS),
        List.of("round", "county", "person", "signed_at"),
        rows);
    rows = new ArrayList<>();
    for (Rows.HandTallyRow h : s.handTallies()) {
      rows.add(
          List.of(
              h.county(),
              h.tabulator(),
              h.batch(),
              h.contest(),
              h.choice(),
              Integer.toString(h.sheet()),
              Long.toString(h.votes()),
              h.recordedBy(),
              h.recordedAt().toString()));
    }
    RecordCsv.write(
        out.resolve(RecordFiles.HAND_TALLIES),
        List.of(
            "county",
            "tabulator",
            "batch",
            "contest",
            "choice",
            "sheet",
            "votes",
            "recorded_by",
            "recorded_at"),
        rows);
  }

  private void inputs(Path out) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (ManifestBatch b : s.manifest().batches()) {
      rows.add(List.of(b.county(), b.container(), b.tabulator(), b.batch(), "" + b.cards()));
    }
    RecordCsv.write(
        out.resolve(RecordFiles.MANIFEST),
        List.of("county", "container", "tabulator", "batch", "cards"),
        rows);
    List<List<String>> results = new ArrayList<>();
    s.reported()
        .byCounty()
        .forEach(
            (county, contests) ->
                contests.forEach(
                    (contest, choices) ->
                        choices.forEach(
                            (choice, n) -> results.add(List.of(county, contest, choice, "" + n)))));
    RecordCsv.write(
        out.resolve(RecordFiles.RESULTS), List.of("county", "contest", "choice", "votes"), results);
    rows = new ArrayList<>();
    for (Rows.BatchResultRow r : s.batchResults()) {
      rows.add(
          List.of(r.county(), r.tabulator(), r.batch(), r.contest(), r.choice(), "" + r.votes()));
    }
    RecordCsv.write(
        out.resolve(RecordFiles.BATCH_TOTALS),
        List.of("county", "tabulator", "batch", "contest", "choice", "votes"),
        rows);
    rows = new ArrayList<>();
    for (Rows.InputFileRow f : s.inputFiles()) {
      rows.add(
          List.of(
              f.county(),
              f.kind(),
              f.name(),
              f.sha256(),
              "" + f.sizeBytes(),
              f.importedAt().toString(),
              "" + f.logSeq()));
    }
    RecordCsv.write(
        out.resolve(RecordFiles.INPUT_FILES),
        List.of("county", "kind", "name", "sha256", "size_bytes", "imported_at", "log_seq"),
        rows);
  }

  /** discrepancies.csv and risk.csv: every compared card and the p-value after every draw. */
  private void measurements(Path out) throws IOException {
    Map<String, List<String>> streams = ProgressService.streams(s.draws());
    List<List<String>> disc = new ArrayList<>();
    List<List<String>> risk = new ArrayList<>();
    for (AuditProgress.ContestProgress c : p.contests()) {
      List<String> stream = streams.getOrDefault(c.name(), List.of());
      for (AssertionMeasurement m : c.measurement().assertions()) {
        String a = m.assertion().assorter().describe();
        for (AssertionMeasurement.CardDiscrepancy d : m.discrepancies()) {
          Discrepancy x = d.discrepancy();
          disc.add(
              List.of(
                  c.name(),
                  a,
                  Integer.toString(d.draw()),
                  d.cardId(),
                  Double.toString(x.overstatement()),
                  Integer.toString(x.votes()),
                  x.label(),
                  Double.toString(x.comparisonValue())));
        }
        double[] pv = m.pValues();
        for (int i = 0; i < pv.length; i++) {
          risk.add(
              List.of(c.name(), a, Integer.toString(i + 1), stream.get(i), Double.toString(pv[i])));
        }
      }
    }
    RecordCsv.write(
        out.resolve(RecordFiles.DISCREPANCIES),
        List.of(
            "contest",
            "assertion",
            "draw",
            "card",
            "overstatement",
            "votes",
            "kind",
            "comparison_value"),
        disc);
    RecordCsv.write(
        out.resolve(RecordFiles.RISK),
        List.of("contest", "assertion", "draw", "card", "p_value"),
        risk);
  }
}
