package org.riskaudit.app.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.ContestSpec;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.core.tally.ReportedResults;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;

/** Reads an {@link AuditSnapshot} from the store. */
public final class AuditLoader {
  private AuditLoader() {}

  /** The id of the only audit in the store, or the one asked for; refuses with what exists. */
  public static String resolve(Store store, String auditId) {
    List<Rows.AuditRow> all = store.audits().audits();
    if (auditId != null) {
      if (all.stream().noneMatch(a -> a.auditId().equals(auditId))) {
        throw new AuditFailure.NotFound(
            "No audit '"
                + auditId
                + "' in "
                + store.location()
                + (all.isEmpty()
                    ? "; create one with 'riskaudit audit init'."
                    : "; it holds " + all.stream().map(Rows.AuditRow::auditId).toList() + "."));
      }
      return auditId;
    }
    if (all.size() == 1) {
      return all.get(0).auditId();
    }
    throw new AuditFailure.NotFound(
        all.isEmpty()
            ? "No audit in "
                + store.location()
                + "; create one with 'riskaudit audit init' (or give --db)."
            : store.location()
                + " holds several audits "
                + all.stream().map(Rows.AuditRow::auditId).toList()
                + "; choose one with --audit.");
  }

  public static AuditSnapshot load(Store store, String auditId) {
    Rows.AuditRow audit =
        store
            .audits()
            .audit(auditId)
            .orElseThrow(() -> new AuditFailure.NotFound("No audit '" + auditId + "'."));
    Map<String, AuditType> types = new TreeMap<>();
    store.audits().counties(auditId).forEach(c -> types.put(c.county(), c.auditType()));
    List<ContestSpec> specs = new ArrayList<>();
    for (Rows.ContestRow c : store.audits().contests(auditId)) {
      specs.add(
          new ContestSpec(
              c.contest(),
              c.rule(),
              c.winners(),
              Double.parseDouble(c.share()),
              c.role(),
              c.auditType()));
    }
    List<ManifestBatch> batches = new ArrayList<>();
    for (Rows.ManifestBatchRow b : store.audits().manifest(auditId)) {
      batches.add(
          new ManifestBatch(b.county(), b.container(), b.tabulator(), b.batch(), b.cards()));
    }
    Map<String, Map<String, Map<String, Long>>> reported = new LinkedHashMap<>();
    for (Rows.ReportedResultRow r : store.audits().reportedResults(auditId)) {
      reported
          .computeIfAbsent(r.county(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.contest(), k -> new LinkedHashMap<>())
          .put(r.choice(), r.votes());
    }
    Map<String, Rows.InterpretationRow> latest = new TreeMap<>();
    store.rounds().latestInterpretations(auditId).forEach(i -> latest.put(i.cardId(), i));
    return new AuditSnapshot(
        audit,
        AuditConfig.fromJson(audit.settings()),
        store.state(auditId),
        types,
        specs,
        new BallotManifest(batches),
        new ReportedResults(reported),
        store.inputs().batchResults(auditId),
        store.inputs().tallies(auditId),
        store.audits().inputFiles(auditId),
        store.rounds().rounds(auditId),
        store.rounds().draws(auditId),
        latest,
        store.rounds().signOffs(auditId),
        store.handTallies().tallies(auditId));
  }
}
