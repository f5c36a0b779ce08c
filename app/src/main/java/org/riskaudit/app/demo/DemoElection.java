package org.riskaudit.app.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskaudit.app.audit.InputImports;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.formats.generate.CountyFormat;
import org.riskaudit.formats.generate.CountyTotals;
import org.riskaudit.formats.generate.ElectionGenerator;
import org.riskaudit.formats.generate.GeneratorOptions;
import org.riskaudit.store.Store;

/**
 * The demo's generated election: the recall's county totals scaled down, written as each county's
 * vendor exports, with the paper truth beside them for the simulated audit boards.
 */
final class DemoElection {
  /** The counties whose CVRs an attack alters: the six with the most No votes. */
  static final int ATTACKED_COUNTIES = 6;

  private final Path folder;
  private final long cards;
  private final Map<String, AuditType> countyTypes;

  private DemoElection(Path folder, long cards, Map<String, AuditType> countyTypes) {
    this.folder = folder;
    this.cards = cards;
    this.countyTypes = countyTypes;
  }

  static DemoElection generate(DemoOptions o, PrintWriter log) throws IOException {
    Path folder = o.out().resolve("election");
    DemoRunner.deleteRecursively(folder);
    CountyTotals.Election e = RecallTotals.election();
    Map<String, Double> attack = o.attack() ? attack(e) : Map.of();
    long total = Math.round((RecallTotals.STATE_YES + RecallTotals.STATE_NO) * o.scale());
    log.printf(
        "- generating the 2021 recall, Question 1: about %,d cards in 58 counties (scale %s)%s%n",
        total,
        o.scale(),
        attack.isEmpty() ? "" : ", with an outcome-changing attack on " + attack.keySet());
    log.flush();
    GeneratorOptions g =
        new GeneratorOptions(
                o.scale(), o.generatorSeed(), o.errorRate(), attack, 0, 0, 250, true, false, false)
            .withCountyFormats(FORMATS);
    ElectionGenerator.Summary s = new ElectionGenerator(e, g, "Recall 2021 (demo)").write(folder);
    Map<String, AuditType> types = new LinkedHashMap<>();
    FORMATS.forEach(
        (county, f) -> {
          if (f == CountyFormat.BATCH_TOTALS) {
            types.put(county, AuditType.ONEAUDIT);
          }
        });
    return new DemoElection(folder, s.cards(), types);
  }

  /**
   * Each county's export format. Illustrative only: 40 counties in Dominion formats (JSON, and CSV
   * for eight), as in California, but which county uses which vendor here is not a claim about the
   * real counties. Alpine and Sierra report only batch totals and are audited with ONEAudit pools.
   */
  static final Map<String, CountyFormat> FORMATS = formats();

  private static Map<String, CountyFormat> formats() {
    Map<String, CountyFormat> m = new LinkedHashMap<>();
    for (String c : List.of("Los Angeles", "Orange", "Santa Cruz", "Marin", "Napa")) {
      m.put(c, CountyFormat.NIST);
    }
    for (String c : List.of("Kern", "Tulare", "Merced", "Madera", "Kings", "Butte")) {
      m.put(c, CountyFormat.ESS);
    }
    for (String c : List.of("Humboldt", "Mendocino", "Lake", "Tehama", "Glenn")) {
      m.put(c, CountyFormat.CLEARBALLOT);
    }
    m.put("Alpine", CountyFormat.BATCH_TOTALS);
    m.put("Sierra", CountyFormat.BATCH_TOTALS);
    for (String c :
        List.of(
            "Fresno",
            "Stanislaus",
            "San Luis Obispo",
            "Shasta",
            "Calaveras",
            "Tuolumne",
            "San Benito",
            "Modoc")) {
      m.put(c, CountyFormat.DOMINION_CSV);
    }
    for (org.riskaudit.formats.generate.CountyTotals c : RecallTotals.election().counties()) {
      m.putIfAbsent(c.county(), CountyFormat.DOMINION_JSON);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** One line: how many counties came in each format, naming the ONEAudit counties. */
  static String formatSummary() {
    Map<CountyFormat, List<String>> by = new java.util.EnumMap<>(CountyFormat.class);
    FORMATS.forEach((c, f) -> by.computeIfAbsent(f, k -> new java.util.ArrayList<>()).add(c));
    List<String> parts = new java.util.ArrayList<>();
    by.forEach(
        (f, counties) ->
            parts.add(
                f == CountyFormat.BATCH_TOTALS
                    ? "batch totals only, audited as ONEAudit pools: " + String.join(", ", counties)
                    : f.importFormat() + " " + counties.size()));
    return "county exports: " + String.join("; ", parts);
  }

  /**
   * Moves enough of the (true) winner's votes to the loser in the CVRs and reported results of the
   * counties with the most No votes that the reported statewide outcome is reversed, with Yes
   * reported at about 52 %.
   */
  static Map<String, Double> attack(CountyTotals.Election e) {
    List<CountyTotals> largest =
        e.counties().stream()
            .sorted((a, b) -> Long.compare(b.votes()[1], a.votes()[1]))
            .limit(ATTACKED_COUNTIES)
            .toList();
    long no = largest.stream().mapToLong(c -> c.votes()[1]).sum();
    long total = RecallTotals.STATE_YES + RecallTotals.STATE_NO;
    double flips = RecallTotals.STATE_NO - 0.48 * total; // No reported at 48 %
    double shift = Math.min(0.95, flips / no);
    Map<String, Double> out = new LinkedHashMap<>();
    largest.forEach(c -> out.put(c.county(), shift));
    return out;
  }

  Map<String, AuditType> countyTypes() {
    return countyTypes;
  }

  long cards() {
    return cards;
  }

  PaperBallots paper() {
    return PaperBallots.of(folder);
  }

  void importInto(Store store, String id, String actor) throws IOException {
    InputImports imports = new InputImports(store, id);
    imports.manifest(folder.resolve("ballot-manifest.csv"), null, actor);
    imports.results(folder.resolve("reported-results.csv"), null, actor);
    imports.cvrs(
        List.of(folder.resolve("dominion-json")), "dominion-json", null, false, actor, c -> {});
    imports.cvrs(
        List.of(folder.resolve("dominion-csv")), "dominion-csv", null, false, actor, c -> {});
    for (Map.Entry<String, CountyFormat> e : FORMATS.entrySet()) {
      String county = e.getKey();
      String file = ElectionGenerator.fileName(county);
      switch (e.getValue()) {
        case ESS -> {
          Path dir = folder.resolve("ess").resolve(file);
          imports.cvrs(
              List.of(dir.resolve("cvr.csv"), dir.resolve("ballots.csv")),
              "ess",
              county,
              false,
              actor,
              c -> {});
        }
        case CLEARBALLOT ->
            imports.cvrs(
                List.of(folder.resolve("clearballot").resolve(file + ".csv")),
                "clearballot",
                county,
                false,
                actor,
                c -> {});
        case NIST ->
            imports.cvrs(
                List.of(folder.resolve("nist").resolve(file + ".json")),
                "nist",
                county,
                false,
                actor,
                c -> {});
        case BATCH_TOTALS ->
            imports.batchTotals(folder.resolve("batch-totals").resolve(file + ".csv"), actor);
        case DOMINION, DOMINION_JSON, DOMINION_CSV -> {}
      }
    }
  }
}
