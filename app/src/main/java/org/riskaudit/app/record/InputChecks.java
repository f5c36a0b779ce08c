package org.riskaudit.app.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.core.assertion.Assertion;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.tally.ContestTally;
import org.riskaudit.core.tally.Tabulator;
import org.riskaudit.formats.nist.NistJsonImporter;
import org.riskaudit.store.Rows;

/**
 * Recomputes what the margins rest on: the pool tallies from the batch totals and reported results,
 * the CVR tallies from the published CVRs (when all are published), and each contest's counties,
 * cards, reported winners and assertion margins.
 */
final class InputChecks {
  private final RecordReader record;
  private final VerifyReport report;

  InputChecks(RecordReader record, VerifyReport report) {
    this.record = record;
    this.report = report;
  }

  void check(AuditSnapshot s) throws IOException {
    Map<String, Long> stated = new TreeMap<>();
    for (Rows.TallyRow t : s.tallies()) {
      stated.put(key(t.source(), t.county(), t.contest(), t.choice()), t.votes());
    }
    Map<String, Long> pools = new TreeMap<>();
    for (Rows.BatchResultRow r : s.batchResults()) {
      if (s.countyType(r.county()) == AuditType.ONEAUDIT) {
        pools.merge(key("pool", r.county(), r.contest(), r.choice()), r.votes(), Long::sum);
      }
    }
    s.countyTypes()
        .forEach(
            (county, type) -> {
              if (type == AuditType.POLLING && s.reported().byCounty().containsKey(county)) {
                s.reported()
                    .byCounty()
                    .get(county)
                    .forEach(
                        (contest, votes) ->
                            votes.forEach(
                                (choice, n) -> pools.put(key("pool", county, contest, choice), n)));
              }
            });
    compare("pool", pools, stated);
    Path all = record.dir.resolve(RecordFiles.ALL_CVRS);
    if (Files.isDirectory(all)) {
      compare("cvr", cvrTallies(all), stated);
    } else {
      report.ok(
          RecordFiles.TALLIES,
          "CVR tallies taken as published (the full CVRs are not in this record; their exports"
              + " are identified by the hashes in "
              + RecordFiles.INPUT_FILES
              + ")");
    }
    contests(s);
  }

  private void compare(String source, Map<String, Long> recomputed, Map<String, Long> stated) {
    Map<String, Long> statedOfSource = new TreeMap<>();
    stated.forEach(
        (k, v) -> {
          if (k.startsWith(source + "/")) {
            statedOfSource.put(k, v);
          }
        });
    Map<String, Long> nonZero = new TreeMap<>();
    recomputed.forEach((k, v) -> nonZero.put(k, v));
    List<String> diffs = new ArrayList<>();
    java.util.Set<String> keys = new java.util.TreeSet<>(nonZero.keySet());
    keys.addAll(statedOfSource.keySet());
    for (String k : keys) {
      long a = nonZero.getOrDefault(k, 0L);
      long b = statedOfSource.getOrDefault(k, 0L);
      if (a != b) {
        diffs.add(k + ": recomputed " + a + ", " + RecordFiles.TALLIES + " states " + b);
      }
    }
    if (diffs.isEmpty()) {
      report.ok(RecordFiles.TALLIES, source + " tallies recomputed (" + keys.size() + " rows)");
    } else {
      diffs.forEach(d -> report.mismatch(RecordFiles.TALLIES + " " + source, d));
    }
  }

  private Map<String, Long> cvrTallies(Path all) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(all)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    Map<String, Long> out = new TreeMap<>();
    for (Path f : files) {
      String county = f.getFileName().toString().replaceFirst("\\.json$", "");
      Tabulator t = new Tabulator();
      new NistJsonImporter().withCounty(county).read(List.of(f), t);
      for (ContestTally ct : t.tallies()) {
        ct.votes().forEach((choice, n) -> out.put(key("cvr", county, ct.contest(), choice), n));
      }
    }
    return out;
  }

  private void contests(AuditSnapshot s) {
    Map<String, JsonNode> stated = new TreeMap<>();
    for (JsonNode c : record.index.path("contests")) {
      stated.put(c.path("name").asText(), c);
    }
    for (org.riskaudit.core.audit.ContestSpec spec : s.specs()) {
      String item = "contest '" + spec.name() + "'";
      AuditedContest c;
      try {
        c =
            s.contests().stream()
                .filter(x -> x.name().equals(spec.name()))
                .findFirst()
                .orElseThrow();
        c.assertions();
      } catch (RuntimeException e) {
        report.mismatch(item + " assertions", "cannot be recomputed: " + e.getMessage());
        continue;
      }
      JsonNode j = stated.get(c.name());
      List<String> counties = new ArrayList<>();
      j.path("counties").forEach(x -> counties.add(x.asText()));
      report.check(
          counties.equals(new ArrayList<>(new java.util.TreeSet<>(c.counties())))
              && j.path("cards").asLong() == c.cards(),
          item + " population",
          c.counties().size()
              + " counties, "
              + c.cards()
              + " cards in their manifests; the"
              + " record states "
              + counties
              + ", "
              + j.path("cards").asLong());
      List<String> winners = new ArrayList<>();
      j.path("reportedWinners").forEach(x -> winners.add(x.asText()));
      report.check(
          winners.equals(c.reported().winners()),
          item + " reported winners",
          "recomputed " + c.reported().winners() + ", the record states " + winners);
      List<Assertion> assertions = c.assertions();
      JsonNode ja = j.path("assertions");
      for (int i = 0; i < assertions.size(); i++) {
        Assertion a = assertions.get(i);
        JsonNode x = ja.path(i);
        boolean same =
            x.path("assertion").asText().equals(a.assorter().describe())
                && RiskChecks.close(x.path("margin").asDouble(), a.margin());
        report.check(
            same,
            item + " assertion " + a.assorter().describe(),
            "diluted margin recomputed "
                + a.margin()
                + ", the record states "
                + x.path("margin").asText());
      }
    }
  }

  static String key(String source, String county, String contest, String choice) {
    return source + "/" + county + "/" + contest + "/" + choice;
  }
}
