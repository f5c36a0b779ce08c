package org.riskaudit.app.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskaudit.app.audit.InputImports;
import org.riskaudit.core.audit.AuditType;
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
            o.scale(), o.generatorSeed(), o.errorRate(), attack, 0, 0, 250, true, false, true);
    ElectionGenerator.Summary s = new ElectionGenerator(e, g, "Recall 2021 (demo)").write(folder);
    return new DemoElection(folder, s.cards(), new LinkedHashMap<>());
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
  }
}
