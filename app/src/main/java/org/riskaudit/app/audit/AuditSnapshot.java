package org.riskaudit.app.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.riskaudit.core.audit.AuditSettings;
import org.riskaudit.core.audit.AuditState;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.audit.ContestSpec;
import org.riskaudit.core.audit.HandCount;
import org.riskaudit.core.audit.Pool;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.core.tally.ReportedResults;
import org.riskaudit.store.Rows;

/**
 * Everything stored about one audit that the statistics, reports and record need, read in one go
 * ({@link AuditLoader}). Immutable; CVRs are not included (they are read per sampled card).
 */
public record AuditSnapshot(
    Rows.AuditRow audit,
    AuditConfig config,
    AuditState state,
    Map<String, AuditType> countyTypes,
    List<ContestSpec> specs,
    BallotManifest manifest,
    ReportedResults reported,
    List<Rows.BatchResultRow> batchResults,
    List<Rows.TallyRow> tallies,
    List<Rows.InputFileRow> inputFiles,
    List<Rows.RoundRow> rounds,
    List<Rows.DrawRow> draws,
    Map<String, Rows.InterpretationRow> interpretations,
    List<Rows.SignOffRow> signOffs,
    List<Rows.HandTallyRow> handTallies) {

  public String auditId() {
    return audit.auditId();
  }

  public AuditSettings settings() {
    return config.settings(audit.riskLimit());
  }

  public double alpha() {
    return audit.riskLimit().doubleValue();
  }

  public AuditType countyType(String county) {
    return countyTypes.getOrDefault(county, AuditType.COMPARISON);
  }

  /** The counties whose reported results include the contest. */
  public Set<String> countiesOf(String contest) {
    Set<String> out = new TreeSet<>();
    reported
        .byCounty()
        .forEach(
            (county, contests) -> {
              if (contests.containsKey(contest)) {
                out.add(county);
              }
            });
    return out;
  }

  /** Manifest cards of some counties. */
  public long cardsOf(Set<String> counties) {
    long n = 0;
    for (ManifestBatch b : manifest.batches()) {
      if (counties.contains(b.county())) {
        n += b.cards();
      }
    }
    return n;
  }

  /** The contests under audit, with the committed tallies; empty before the commit. */
  public List<AuditedContest> contests() {
    if (state.stage().compareTo(org.riskaudit.core.audit.AuditStage.INPUTS_COMMITTED) < 0) {
      return List.of();
    }
    List<AuditedContest> out = new ArrayList<>();
    for (ContestSpec s : specs) {
      out.add(contest(s));
    }
    return out;
  }

  AuditedContest contest(ContestSpec s) {
    Set<String> counties = countiesOf(s.name());
    Map<String, Long> reportedVotes = new TreeMap<>();
    counties.forEach(
        c -> reported.county(c, s.name()).forEach((k, v) -> reportedVotes.merge(k, v, Long::sum)));
    Map<String, Long> cvrVotes = new TreeMap<>();
    if (s.type() != AuditType.POLLING) {
      for (Rows.TallyRow t : tallies) {
        if (t.contest().equals(s.name()) && counties.contains(t.county())) {
          boolean pooled = countyType(t.county()) != AuditType.COMPARISON;
          if (t.source().equals(pooled ? "pool" : "cvr")) {
            cvrVotes.merge(t.choice(), t.votes(), Long::sum);
          }
        }
      }
    }
    return new AuditedContest(s, counties, cardsOf(counties), reportedVotes, cvrVotes);
  }

  /**
   * The ONEAudit pools keyed by pool name: one per batch of a county with type oneaudit (from its
   * batch totals), one per county with type polling (from its reported results).
   */
  public Map<String, Pool> pools() {
    Map<String, ManifestBatch> batches = new LinkedHashMap<>();
    Map<String, Long> countyCards = new TreeMap<>();
    for (ManifestBatch b : manifest.batches()) {
      batches.put(HandCount.batchId(b), b);
      countyCards.merge(b.county(), (long) b.cards(), Long::sum);
    }
    Map<String, Map<String, Map<String, Long>>> votes = new LinkedHashMap<>();
    for (Rows.BatchResultRow r : batchResults) {
      if (countyType(r.county()) == AuditType.ONEAUDIT) {
        String id = batchId(r.county(), r.tabulator(), r.batch());
        votes
            .computeIfAbsent(id, k -> new TreeMap<>())
            .computeIfAbsent(r.contest(), k -> new TreeMap<>())
            .put(r.choice(), r.votes());
      }
    }
    Map<String, Pool> out = new TreeMap<>();
    for (ManifestBatch b : manifest.batches()) {
      if (countyType(b.county()) == AuditType.ONEAUDIT) {
        String id = HandCount.batchId(b);
        out.put(id, new Pool(id, b.cards(), votes.getOrDefault(id, Map.of())));
      }
    }
    countyTypes.forEach(
        (county, type) -> {
          Map<String, Map<String, Long>> v = reported.byCounty().get(county);
          if (type == AuditType.POLLING && v != null && countyCards.containsKey(county)) {
            out.put(county, new Pool(county, countyCards.get(county), v));
          }
        });
    return out;
  }

  /**
   * The pools of some counties (batch pools of oneaudit counties, county pools of polling ones).
   */
  public List<Pool> poolsIn(Set<String> counties) {
    Map<String, Pool> all = pools();
    List<Pool> out = new ArrayList<>();
    for (ManifestBatch b : manifest.batches()) {
      if (counties.contains(b.county()) && countyType(b.county()) == AuditType.ONEAUDIT) {
        out.add(all.get(HandCount.batchId(b)));
      }
    }
    for (String county : counties) {
      if (countyType(county) == AuditType.POLLING && all.containsKey(county)) {
        out.add(all.get(county));
      }
    }
    return out;
  }

  /** The pool a card belongs to (null when its county links CVRs to the paper). */
  public static Pool poolOf(
      Map<String, Pool> pools, String county, String tabulator, String batch) {
    Pool p = pools.get(batchId(county, tabulator, batch));
    return p != null ? p : pools.get(county);
  }

  static String batchId(String county, String tabulator, String batch) {
    return HandCount.batchId(new ManifestBatch(county, "", tabulator, batch, 1));
  }
}
