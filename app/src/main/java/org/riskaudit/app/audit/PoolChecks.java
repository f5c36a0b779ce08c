package org.riskaudit.app.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.ContestSpec;
import org.riskaudit.core.audit.HandCount;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.core.reconcile.Finding;
import org.riskaudit.core.reconcile.Finding.Kind;
import org.riskaudit.store.Rows;

/**
 * Checks the inputs of counties audited through ONEAudit pools and gives their pool tallies: a
 * oneaudit county's batch totals must name batches of its manifest, cover every batch, fit in the
 * batch's cards and add up to its reported results; a polling county's pool is its reported
 * results.
 */
final class PoolChecks {
  private final AuditSnapshot s;
  private final String auditId;

  PoolChecks(AuditSnapshot s, String auditId) {
    this.s = s;
    this.auditId = auditId;
  }

  /** Adds findings to {@code out}; returns the 'pool' tallies per county, contest and choice. */
  List<Rows.TallyRow> check(List<Finding> out) {
    Map<String, ManifestBatch> batches = new TreeMap<>();
    for (ManifestBatch b : s.manifest().batches()) {
      batches.put(HandCount.batchId(b), b);
    }
    Map<String, Map<String, Map<String, Long>>> sums = new TreeMap<>();
    Map<String, Map<String, Long>> perBatchContest = new TreeMap<>();
    Set<String> withTotals = new HashSet<>();
    for (Rows.BatchResultRow r : s.batchResults()) {
      if (s.countyType(r.county()) != AuditType.ONEAUDIT) {
        continue;
      }
      String id = AuditSnapshot.batchId(r.county(), r.tabulator(), r.batch());
      if (!batches.containsKey(id)) {
        out.add(
            new Finding(
                Kind.BATCH_TOTALS,
                false,
                id,
                "batch totals name a batch that is not in the " + r.county() + " manifest"));
        continue;
      }
      withTotals.add(id);
      perBatchContest
          .computeIfAbsent(id, k -> new TreeMap<>())
          .merge(r.contest(), r.votes(), Long::sum);
      sums.computeIfAbsent(r.county(), k -> new TreeMap<>())
          .computeIfAbsent(r.contest(), k -> new TreeMap<>())
          .merge(r.choice(), r.votes(), Long::sum);
    }
    Map<String, Integer> winners = new TreeMap<>();
    for (ContestSpec c : s.specs()) {
      winners.put(c.name(), c.winners());
    }
    batches.forEach(
        (id, b) -> {
          if (s.countyType(b.county()) != AuditType.ONEAUDIT) {
            return;
          }
          if (!withTotals.contains(id)) {
            out.add(
                new Finding(
                    Kind.BATCH_TOTALS,
                    false,
                    id,
                    "the batch has " + b.cards() + " cards in the manifest but no batch totals"));
            return;
          }
          perBatchContest
              .getOrDefault(id, Map.of())
              .forEach(
                  (contest, votes) -> {
                    long max = (long) b.cards() * winners.getOrDefault(contest, 1);
                    if (votes > max) {
                      out.add(
                          new Finding(
                              Kind.VOTES_EXCEED_BALLOTS,
                              false,
                              id + " / " + contest,
                              votes + " votes in a batch of " + b.cards() + " cards"));
                    }
                  });
        });
    List<Rows.TallyRow> tallies = new ArrayList<>();
    s.countyTypes()
        .forEach(
            (county, type) -> {
              Map<String, Map<String, Long>> pool =
                  type == AuditType.POLLING
                      ? s.reported().byCounty().get(county)
                      : type == AuditType.ONEAUDIT ? sums.getOrDefault(county, Map.of()) : null;
              if (pool == null) {
                return;
              }
              if (type == AuditType.ONEAUDIT) {
                compareWithReported(county, pool, out);
              }
              pool.forEach(
                  (contest, choices) ->
                      choices.forEach(
                          (choice, n) ->
                              tallies.add(
                                  new Rows.TallyRow(auditId, "pool", county, contest, choice, n))));
            });
    return tallies;
  }

  private void compareWithReported(
      String county, Map<String, Map<String, Long>> sums, List<Finding> out) {
    Map<String, Map<String, Long>> reported =
        s.reported().byCounty().getOrDefault(county, Map.of());
    Set<String> contests = new java.util.TreeSet<>(reported.keySet());
    contests.addAll(sums.keySet());
    for (String contest : contests) {
      Map<String, Long> r = reported.getOrDefault(contest, Map.of());
      Map<String, Long> b = sums.getOrDefault(contest, Map.of());
      Set<String> choices = new java.util.TreeSet<>(r.keySet());
      choices.addAll(b.keySet());
      List<String> diffs = new ArrayList<>();
      for (String choice : choices) {
        long rv = r.getOrDefault(choice, 0L);
        long bv = b.getOrDefault(choice, 0L);
        if (rv != bv) {
          diffs.add(choice + ": reported " + rv + ", batch totals " + bv);
        }
      }
      out.add(
          new Finding(
              Kind.TABULATION_VS_REPORTED,
              diffs.isEmpty(),
              county + " / " + contest,
              diffs.isEmpty()
                  ? "batch totals add up to the reported results"
                  : String.join("; ", diffs)));
    }
  }
}
