package org.riskaudit.app.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.Measurements;
import org.riskaudit.app.audit.ProgressService;
import org.riskaudit.app.audit.RoundEnd;
import org.riskaudit.core.audit.AssertionMeasurement;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.audit.ContestMeasurement;
import org.riskaudit.core.audit.HandCount;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.sampling.CardId;
import org.riskaudit.formats.nist.NistJsonImporter;
import org.riskaudit.formats.record.RecordCsv;

/**
 * Recomputes every discrepancy and every p-value from the published CVRs of the sampled cards, the
 * interpretations and the draws, and each full hand count's outcome; compares them with
 * discrepancies.csv, risk.csv, rounds.csv and the contests of audit-record.json.
 */
final class RiskChecks {
  private final RecordReader record;
  private final VerifyReport report;

  RiskChecks(RecordReader record, VerifyReport report) {
    this.record = record;
    this.report = report;
  }

  /** Equal up to floating-point noise across platforms (relative 1e-9). */
  static boolean close(double a, double b) {
    return Math.abs(a - b) <= 1e-12 + 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  }

  void check(AuditSnapshot s) throws IOException {
    Map<String, List<String>> streams = ProgressService.streams(s.draws());
    Measurements.CardFacts facts =
        new Measurements.CardFacts(
            sampledCvrs(),
            s.pools(),
            s.countyTypes(),
            ProgressService.mvrs(s.interpretations().values()));
    List<AuditProgress.ContestProgress> progress = new ArrayList<>();
    Map<String, double[]> pValues = new HashMap<>();
    Map<String, String> discrepancies = new TreeMap<>();
    for (AuditedContest c : s.contests()) {
      List<String> stream = streams.getOrDefault(c.name(), List.of());
      ContestMeasurement m = Measurements.measure(c, stream, facts);
      progress.add(new AuditProgress.ContestProgress(m, stream.size(), c.spec().isTargeted()));
      for (AssertionMeasurement a : m.assertions()) {
        String key = c.name() + "\u0000" + a.assertion().assorter().describe();
        pValues.put(key, a.pValues());
        for (AssertionMeasurement.CardDiscrepancy d : a.discrepancies()) {
          discrepancies.put(
              key + "\u0000" + d.draw(),
              d.cardId() + " " + d.discrepancy().votes() + " " + d.discrepancy().overstatement());
        }
      }
    }
    riskTable(pValues, streams);
    discrepancyTable(discrepancies);
    roundsTable(pValues);
    contests(s, new AuditProgress(s, progress, Map.of()));
  }

  private Map<String, Cvr> sampledCvrs() throws IOException {
    Map<String, Cvr> out = new HashMap<>();
    Path dir = record.dir.resolve(RecordFiles.SAMPLED_CVRS);
    if (!Files.isDirectory(dir)) {
      return out;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path f : files) {
      String county = f.getFileName().toString().replaceFirst("\\.json$", "");
      new NistJsonImporter()
          .withCounty(county)
          .read(List.of(f), c -> out.put(CardId.of(c.location()), c));
    }
    return out;
  }

  private void riskTable(Map<String, double[]> pValues, Map<String, List<String>> streams)
      throws IOException {
    Map<String, Integer> seen = new HashMap<>();
    int ok = 0;
    for (RecordCsv.Row r : record.table(RecordFiles.RISK)) {
      String key = r.get("contest") + "\u0000" + r.get("assertion");
      double[] p = pValues.get(key);
      int draw = Integer.parseInt(r.get("draw"));
      seen.merge(key, 1, Integer::sum);
      String item = RecordFiles.RISK + " line " + r.line();
      if (p == null || draw < 1 || draw > p.length) {
        report.mismatch(
            item, "no such draw is measured for " + r.get("contest") + " / " + r.get("assertion"));
        continue;
      }
      String card = streams.get(r.get("contest")).get(draw - 1);
      double stated = Double.parseDouble(r.get("p_value"));
      if (!card.equals(r.get("card")) || !close(stated, p[draw - 1])) {
        report.mismatch(
            item,
            r.get("contest")
                + " / "
                + r.get("assertion")
                + " draw "
                + draw
                + " (card "
                + r.get("card")
                + "): p-value "
                + r.get("p_value")
                + ", recomputed "
                + p[draw - 1]
                + " (card "
                + card
                + ")");
      } else {
        ok++;
      }
    }
    pValues.forEach(
        (key, p) -> {
          if (p.length != seen.getOrDefault(key, 0)) {
            report.mismatch(
                RecordFiles.RISK + " " + key.replace('\u0000', '/'),
                seen.getOrDefault(key, 0) + " rows; " + p.length + " draws are measured");
          }
        });
    report.ok(RecordFiles.RISK, ok + " p-value(s) recomputed");
  }

  private void discrepancyTable(Map<String, String> recomputed) throws IOException {
    Map<String, String> stated = new TreeMap<>();
    Map<String, Long> lines = new HashMap<>();
    for (RecordCsv.Row r : record.table(RecordFiles.DISCREPANCIES)) {
      String key = r.get("contest") + "\u0000" + r.get("assertion") + "\u0000" + r.get("draw");
      stated.put(
          key,
          r.get("card") + " " + r.get("votes") + " " + Double.parseDouble(r.get("overstatement")));
      lines.put(key, r.line());
    }
    java.util.Set<String> keys = new java.util.TreeSet<>(stated.keySet());
    keys.addAll(recomputed.keySet());
    int ok = 0;
    for (String k : keys) {
      String a = recomputed.get(k);
      String b = stated.get(k);
      if (a == null || !a.equals(b)) {
        report.mismatch(
            RecordFiles.DISCREPANCIES + (lines.containsKey(k) ? " line " + lines.get(k) : ""),
            k.replace('\u0000', '/')
                + ": the record states "
                + (b == null ? "none" : b)
                + ", recomputed "
                + (a == null ? "none" : a));
      } else {
        ok++;
      }
    }
    report.ok(RecordFiles.DISCREPANCIES, ok + " discrepancy(ies) recomputed");
  }

  private void roundsTable(Map<String, double[]> pValues) throws IOException {
    int ok = 0;
    for (RecordCsv.Row r : record.table(RecordFiles.ROUNDS)) {
      double[] p = pValues.get(r.get("contest") + "\u0000" + r.get("assertion"));
      int draws = Integer.parseInt(r.get("draws"));
      double expected =
          draws == 0 ? 1.0 : p == null || draws > p.length ? Double.NaN : p[draws - 1];
      if (!close(Double.parseDouble(r.get("p_value")), expected)) {
        report.mismatch(
            RecordFiles.ROUNDS + " line " + r.line(),
            "round "
                + r.get("round")
                + " "
                + r.get("contest")
                + " / "
                + r.get("assertion")
                + " after "
                + draws
                + " draws: p-value "
                + r.get("p_value")
                + ", recomputed "
                + expected);
      } else {
        ok++;
      }
    }
    report.ok(RecordFiles.ROUNDS, ok + " round-end risk(s) recomputed");
  }

  private void contests(AuditSnapshot s, AuditProgress p) {
    Map<String, JsonNode> stated = new TreeMap<>();
    for (JsonNode c : record.index.path("contests")) {
      stated.put(c.path("name").asText(), c);
    }
    for (AuditProgress.ContestProgress c : p.contests()) {
      JsonNode j = stated.get(c.name());
      boolean same =
          close(j.path("risk").asDouble(), c.measurement().risk())
              && j.path("met").asBoolean() == c.met(s.alpha())
              && j.path("measured").asInt() == c.measurement().draws();
      report.check(
          same,
          "contest '" + c.name() + "' risk",
          "recomputed risk "
              + c.measurement().risk()
              + " after "
              + c.measurement().draws()
              + " draws (met: "
              + c.met(s.alpha())
              + "); the record states "
              + j.path("risk").asText()
              + " after "
              + j.path("measured").asText()
              + " (met: "
              + j.path("met").asText()
              + ")");
    }
    if (s.handTallies().isEmpty()) {
      return;
    }
    for (HandCount h : RoundEnd.handCounts(s, p)) {
      JsonNode hc = stated.get(h.contest()).path("handCount");
      List<String> winners = new ArrayList<>();
      hc.path("winners").forEach(x -> winners.add(x.asText()));
      boolean same =
          hc.path("complete").asBoolean() == h.complete()
              && winners.equals(h.winners())
              && hc.path("confirmsReportedOutcome").asBoolean() == h.confirmsReportedOutcome();
      report.check(
          same,
          "contest '" + h.contest() + "' full hand count",
          "recomputed "
              + h.votes()
              + " -> winners "
              + h.winners()
              + " (confirms the reported"
              + " outcome: "
              + h.confirmsReportedOutcome()
              + "); the record states "
              + hc);
    }
  }
}
