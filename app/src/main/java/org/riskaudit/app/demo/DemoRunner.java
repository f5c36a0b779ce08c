package org.riskaudit.app.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.riskaudit.app.audit.AuditDefinition;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.AuditSetup;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.ProgressService;
import org.riskaudit.app.audit.RecordingService;
import org.riskaudit.app.audit.RetrievalService;
import org.riskaudit.app.audit.RoundEnd;
import org.riskaudit.app.audit.RoundOutcome;
import org.riskaudit.app.audit.RoundService;
import org.riskaudit.app.record.RecordExporter;
import org.riskaudit.app.record.RecordVerifier;
import org.riskaudit.app.record.VerifyReport;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.ContestSpec;
import org.riskaudit.core.audit.HandCount;
import org.riskaudit.core.audit.RiskLimitPolicy;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.contest.ContestRule;
import org.riskaudit.core.estimate.SimulationSettings;
import org.riskaudit.formats.audit.RecordedCard;
import org.riskaudit.store.Store;

/**
 * The statewide demonstration (issue 7): generates the 2021 recall's Question 1 as ballot cards in
 * 58 counties' vendor formats, then runs a whole risk-limiting audit through the same services as
 * the command line and the web application, with simulated audit boards reading the generated
 * paper, and verifies the exported record.
 */
public final class DemoRunner {
  static final String ACTOR = "demo";

  private final PrintWriter log;

  public DemoRunner(PrintWriter log) {
    this.log = log;
  }

  public DemoResult run(DemoOptions o) throws IOException {
    Files.createDirectories(o.out());
    DemoElection election = DemoElection.generate(o, log);
    Path db = o.out().resolve("riskaudit.db");
    Files.deleteIfExists(db);
    Files.deleteIfExists(Path.of(db + "-wal"));
    Files.deleteIfExists(Path.of(db + "-shm"));
    try (Store store = Store.open(db.toString())) {
      String id = "recall-2021";
      define(store, id, election);
      step("importing manifests, results, batch totals and CVR exports");
      election.importInto(store, id, ACTOR);
      log.println("  " + DemoElection.formatSummary());
      step("reconciling CVRs, manifests and reported results, and committing the inputs");
      new org.riskaudit.app.audit.InputCheck(store, id)
          .commit(ACTOR, o.errorRate() > 0 ? "simulated scanner errors in the demo" : null);
      step("public seed ceremony: " + o.seed());
      RoundService rounds = new RoundService(store, id);
      rounds.seed(o.seed(), "Secretary of State");
      var plan = rounds.draw(0, ACTOR);
      log.printf("  round 1: %s%n", plan.drawsAdded());
      List<HandCount> counts = List.of();
      int round = 1;
      while (true) {
        boards(store, id, election);
        RoundOutcome r = new RoundEnd(store, id).next(0, false, ACTOR);
        if (r.stage() == AuditStage.COMPLETE) {
          counts = r.handCounts();
          break;
        }
        if (r.stage() == AuditStage.FULL_HAND_COUNT) {
          step("full hand count of " + r.handCountContests() + " (risk limit not met)");
          handCount(store, id, election, r.handCountContests());
          counts = new RoundEnd(store, id).next(0, false, ACTOR).handCounts();
          break;
        }
        round++;
        log.printf("  round %d: %s%n", round, r.plan().drawsAdded());
      }
      AuditProgress p = new ProgressService(store).progress(id);
      step("writing the final report (PDF and CSV)");
      org.riskaudit.app.report.ReportService reports =
          new org.riskaudit.app.report.ReportService(store);
      reports.write(reports.build(id, 0), o.out().resolve("report"));
      Path record = o.out().resolve("audit-record");
      deleteRecursively(record);
      step("exporting the audit record and verifying it");
      new RecordExporter(store, id).export(record, false);
      VerifyReport v = new RecordVerifier().verify(record, null);
      Map<String, Integer> cards = new TreeMap<>();
      p.counties().forEach((county, c) -> cards.put(county, c.cards()));
      log.flush();
      return new DemoResult(
          p, counts, cards, round, record, v.passed(), v.mismatches().size(), election.cards());
    }
  }

  private void define(Store store, String id, DemoElection election) {
    AuditSetup.define(
        store,
        new AuditDefinition(
            id,
            "California gubernatorial recall, 14 September 2021 (demo)",
            new java.math.BigDecimal("0.05"),
            RiskLimitPolicy.CALIFORNIA,
            List.of(
                ContestSpec.targeted(
                    RecallTotals.CONTEST,
                    ContestRule.MAJORITY,
                    org.riskaudit.core.audit.AuditType.COMPARISON)),
            election.countyTypes(),
            SimulationSettings.DEFAULT_TRIALS,
            SimulationSettings.DEFAULT_SEED,
            0.5),
        "Secretary of State");
  }

  /** Simulated audit boards read every card of the round from the paper, and sign off. */
  private void boards(Store store, String id, DemoElection election) throws IOException {
    AuditSnapshot s = AuditLoader.load(store, id);
    Set<String> ids = new LinkedHashSet<>();
    for (RetrievalRow r : RetrievalService.currentRound(s, 1)) {
      ids.add(r.cardId());
    }
    Map<String, Cvr> paper = election.paper().cards(ids);
    Set<String> contests = new TreeSet<>(List.of(RecallTotals.CONTEST));
    List<RecordedCard> cards = new ArrayList<>();
    for (String card : ids) {
      cards.add(new RecordedCard(card, SimulatedBoard.read(paper.get(card), contests), 0, "", 0));
    }
    RecordingService.Result r = new RecordingService(store, id).record(cards, "audit board 1");
    if (!r.refused().isEmpty()) {
      throw new IllegalStateException("the simulated boards' entries were refused: " + r.refused());
    }
    Map<String, AuditProgress.CountyProgress> counties =
        new ProgressService(store).progress(id).counties();
    for (Map.Entry<String, AuditProgress.CountyProgress> e : counties.entrySet()) {
      if (e.getValue().roundCards() > 0) {
        new RoundService(store, id).signOff(e.getKey(), "Board member A (DEM)", ACTOR);
        new RoundService(store, id).signOff(e.getKey(), "Board member B (REP)", ACTOR);
      }
    }
    log.printf("  %,d cards recorded by the county audit boards%n", cards.size());
  }

  private void handCount(Store store, String id, DemoElection election, List<String> contests)
      throws IOException {
    for (String contest : contests) {
      Map<String, Map<String, Long>> tallies = election.paper().batchTallies(contest);
      new RecordingService(store, id)
          .recordHandCount(
              SimulatedBoard.handCountRows(contest, tallies, List.of("Yes", "No")),
              "hand count teams",
              "demo hand count of " + tallies.size() + " batches");
    }
  }

  private void step(String what) {
    log.println("- " + what);
    log.flush();
  }

  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }

  /** For the summary: cards per county in descending order. */
  static Map<String, Integer> byCards(Map<String, Integer> cards) {
    Map<String, Integer> out = new LinkedHashMap<>();
    cards.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
