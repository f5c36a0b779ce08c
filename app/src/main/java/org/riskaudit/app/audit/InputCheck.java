package org.riskaudit.app.audit;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.riskaudit.core.audit.AuditCommand;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.audit.ContestSpec;
import org.riskaudit.core.audit.Outcome;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.core.reconcile.Finding;
import org.riskaudit.core.reconcile.Finding.Kind;
import org.riskaudit.core.reconcile.Reconciler;
import org.riskaudit.core.reconcile.Reconciliation;
import org.riskaudit.core.tally.ContestTally;
import org.riskaudit.core.tally.ReportedResults;
import org.riskaudit.store.InputDao;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;

/**
 * Reconciles the stored inputs with each other (workflow brief, step 2) and commits them: CVRs
 * against manifests and reported results (California Elections Code 15366(a)(1)), batch totals
 * against manifests and results, every county's inputs against its audit type, every contest's CVR
 * winners against its reported winners. The commit freezes the inputs with the tallies the
 * assertions' margins come from and the reconciliation report.
 */
public final class InputCheck {
  /** Findings that make the audit invalid: the commit is refused until they are fixed. */
  static final Set<Kind> BLOCKING =
      EnumSet.of(
          Kind.DUPLICATE_CARD,
          Kind.UNPLACED_CVR,
          Kind.VOTES_EXCEED_BALLOTS,
          Kind.MISSING_INPUT,
          Kind.CONTEST_NOT_REPORTED,
          Kind.WINNERS_DIFFER,
          Kind.BATCH_TOTALS);

  private final Store store;
  private final String auditId;

  public InputCheck(Store store, String auditId) {
    this.store = store;
    this.auditId = auditId;
  }

  public InputCheckReport check() {
    AuditSnapshot s = AuditLoader.load(store, auditId);
    List<Finding> extra = new ArrayList<>();
    Set<String> manifestCounties = new TreeSet<>();
    s.manifest().batches().forEach(b -> manifestCounties.add(b.county()));
    Set<String> comparisonCounties = new TreeSet<>();
    s.countyTypes()
        .forEach(
            (county, type) -> {
              if (!manifestCounties.contains(county)) {
                extra.add(missing(county, "no ballot manifest"));
              }
              if (!s.reported().byCounty().containsKey(county)) {
                extra.add(missing(county, "no reported results"));
              }
              if (type == AuditType.COMPARISON) {
                comparisonCounties.add(county);
              }
            });
    Map<String, Long> cvrCounts = store.cards().countByCounty(auditId);
    Set<String> comparisonContests = new TreeSet<>();
    s.specs().stream()
        .filter(c -> c.type() == AuditType.COMPARISON)
        .forEach(c -> comparisonContests.add(c.name()));
    Set<String> cvrCounties = new TreeSet<>();
    for (String county : comparisonCounties) {
      boolean needsCvrs =
          comparisonContests.stream().anyMatch(c -> s.countiesOf(c).contains(county));
      if (needsCvrs) {
        cvrCounties.add(county);
      }
      if (needsCvrs && !cvrCounts.containsKey(county)) {
        extra.add(
            missing(
                county,
                "no CVRs; import its CVR export, or give the county the type oneaudit (batch"
                    + " totals) or polling in 'riskaudit audit init'"));
      }
    }
    // Only counties whose CVRs a comparison contest uses are reconciled card by card; a county
    // audited by polling needs no CVRs at all.
    CvrReconciliation cr = reconcileCvrs(s, cvrCounties);
    Reconciliation rec = cr.report();
    Map<String, List<ContestTally>> cvrTallies = cr.tallies();
    List<Rows.TallyRow> tallies = new ArrayList<>();
    cvrTallies.forEach(
        (county, list) -> {
          for (ContestTally t : list) {
            t.votes()
                .forEach(
                    (choice, n) ->
                        tallies.add(
                            new Rows.TallyRow(auditId, "cvr", county, t.contest(), choice, n)));
          }
        });
    tallies.addAll(new PoolChecks(s, auditId).check(extra));
    AuditSnapshot committed = withTallies(s, tallies);
    for (ContestSpec spec : s.specs()) {
      if (committed.countiesOf(spec.name()).isEmpty()) {
        extra.add(
            new Finding(
                Kind.CONTEST_NOT_REPORTED,
                false,
                spec.name(),
                "no county reports this contest; check its name against the reported results"));
        continue;
      }
      try {
        AuditedContest c = committed.contest(spec);
        c.assertions();
        extra.add(
            new Finding(
                Kind.WINNERS_DIFFER,
                true,
                spec.name(),
                "reported winner(s) " + c.reported().winners() + " confirmed by the tallies"));
      } catch (IllegalArgumentException | IllegalStateException e) {
        extra.add(new Finding(Kind.WINNERS_DIFFER, false, spec.name(), e.getMessage()));
      }
    }
    List<Finding> all = new ArrayList<>(rec.findings());
    all.addAll(extra);
    List<Finding> blocking = new ArrayList<>();
    List<Finding> toAccept = new ArrayList<>();
    for (Finding f : all) {
      if (!f.ok()) {
        (BLOCKING.contains(f.kind()) ? blocking : toAccept).add(f);
      }
    }
    return new InputCheckReport(rec, all, blocking, toAccept, tallies);
  }

  private record CvrReconciliation(
      Reconciliation report, Map<String, List<ContestTally>> tallies) {}

  private CvrReconciliation reconcileCvrs(AuditSnapshot s, Set<String> counties) {
    List<ManifestBatch> rows = new ArrayList<>();
    for (ManifestBatch b : s.manifest().batches()) {
      if (counties.contains(b.county())) {
        rows.add(b);
      }
    }
    Reconciler rec = new Reconciler(new BallotManifest(rows));
    store
        .cards()
        .forEach(
            auditId,
            c -> {
              if (counties.contains(c.location().county())) {
                rec.accept(c);
              }
            });
    Map<String, Map<String, Map<String, Long>>> reported = new LinkedHashMap<>();
    s.reported()
        .byCounty()
        .forEach(
            (county, contests) -> {
              if (counties.contains(county)) {
                reported.put(county, contests);
              }
            });
    List<ContestDefinition> defs = new ArrayList<>();
    for (Rows.ContestDefinitionRow d : store.inputs().definitions(auditId)) {
      defs.add(new ContestDefinition(d.contest(), d.voteFor(), List.of(), d.ranks()));
    }
    return new CvrReconciliation(
        rec.report(new ReportedResults(reported), defs), rec.countyTallies());
  }

  private static Finding missing(String county, String what) {
    return new Finding(Kind.MISSING_INPUT, false, county, county + " has " + what);
  }

  static AuditSnapshot withTallies(AuditSnapshot s, List<Rows.TallyRow> tallies) {
    return new AuditSnapshot(
        s.audit(),
        s.config(),
        s.state(),
        s.countyTypes(),
        s.specs(),
        s.manifest(),
        s.reported(),
        s.batchResults(),
        tallies,
        s.inputFiles(),
        s.rounds(),
        s.draws(),
        s.interpretations(),
        s.signOffs(),
        s.handTallies());
  }

  /**
   * Commits the inputs: refused while a blocking problem remains, or while problems that need an
   * official's acceptance have none ({@code acceptReason}, logged with the commit).
   */
  public InputCheckReport commit(String actor, String acceptReason) {
    InputCheckReport r = check();
    if (!r.blocking().isEmpty()) {
      throw new AuditFailure.Refused(
          "Cannot commit the inputs: "
              + r.blocking().size()
              + " problem(s) must be fixed first, for example: "
              + r.blocking().get(0).where()
              + ": "
              + r.blocking().get(0).detail()
              + ". Run 'riskaudit audit check' for the full list.");
    }
    if (!r.toAccept().isEmpty() && (acceptReason == null || acceptReason.isBlank())) {
      throw new AuditFailure.Refused(
          "Cannot commit the inputs: "
              + r.toAccept().size()
              + " finding(s) need an official's explanation, for example: "
              + r.toAccept().get(0).where()
              + ": "
              + r.toAccept().get(0).detail()
              + ". Review them with 'riskaudit audit check', then commit with --accept \"reason\".");
    }
    String report = ReconciliationJson.write(r);
    String details =
        "counties="
            + r.tallies().stream().map(Rows.TallyRow::county).distinct().count()
            + " findings-accepted="
            + r.toAccept().size()
            + (r.toAccept().isEmpty() ? "" : " reason=" + acceptReason)
            + " reconciliation-sha256="
            + ReconciliationJson.sha256(report);
    Outcome o =
        store.advance(
            auditId,
            new AuditCommand.CommitInputs(),
            actor,
            details,
            h -> {
              InputDao dao = h.attach(InputDao.class);
              dao.deleteTallies(auditId);
              r.tallies().forEach(dao::insertTally);
              dao.putDocument(
                  new Rows.DocumentRow(
                      auditId, "reconciliation.json", report, store.clock().instant()));
            });
    if (o instanceof Outcome.Refused refused) {
      throw new AuditFailure.Refused(refused.message());
    }
    return r;
  }
}
