package org.riskaudit.app.record;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.audit.SamplePlan;
import org.riskaudit.core.sampling.Draw;
import org.riskaudit.store.Rows;

/**
 * Recomputes every draw from the seed and the manifest: each targeted contest's draws are the first
 * draws of its ticket stream over the manifest cards of its counties, numbered 1..n without gap;
 * each opportunistic contest's draws are the longest prefix of its stream covered by the cards
 * retrieved.
 */
final class SampleChecks {
  private final VerifyReport report;

  SampleChecks(VerifyReport report) {
    this.report = report;
  }

  void check(AuditSnapshot s) {
    if (s.state().seed().isEmpty()) {
      report.check(s.draws().isEmpty(), RecordFiles.DRAWS, "draws without a seed");
      return;
    }
    SamplePlan plan = new SamplePlan(s.state().seed().get().digits(), s.manifest());
    Map<String, TreeMap<Integer, Rows.DrawRow>> byContest = new TreeMap<>();
    Set<String> retrieved = new HashSet<>();
    for (Rows.DrawRow d : s.draws()) {
      byContest.computeIfAbsent(d.contest(), k -> new TreeMap<>()).put(d.drawNo(), d);
      retrieved.add(d.cardId());
    }
    int ok = 0;
    for (AuditedContest c : s.contests()) {
      TreeMap<Integer, Rows.DrawRow> stated = byContest.getOrDefault(c.name(), new TreeMap<>());
      List<Draw> expected =
          c.spec().isTargeted()
              ? plan.draws(c.counties(), 0, stated.isEmpty() ? 0 : stated.lastKey())
              : plan.coveredPrefix(c.counties(), retrieved);
      if (expected.size() != stated.size()) {
        report.mismatch(
            RecordFiles.DRAWS + " contest '" + c.name() + "'",
            stated.size()
                + " draws numbered up to "
                + (stated.isEmpty() ? 0 : stated.lastKey())
                + "; the recomputed stream has "
                + expected.size());
      }
      List<Rows.DrawRow> rows = new ArrayList<>(stated.values());
      for (int i = 0; i < Math.min(rows.size(), expected.size()); i++) {
        Rows.DrawRow d = rows.get(i);
        Draw e = expected.get(i);
        if (d.drawNo() != e.number()
            || !d.cardId().equals(e.cardId())
            || !d.ticket().equals(e.ticket().number())
            || d.generation() != e.ticket().generation()) {
          report.mismatch(
              RecordFiles.DRAWS + " contest '" + c.name() + "' draw " + d.drawNo(),
              "card "
                  + d.cardId()
                  + " ticket "
                  + d.ticket()
                  + " generation "
                  + d.generation()
                  + "; recomputed draw "
                  + e.number()
                  + " is card "
                  + e.cardId()
                  + " ticket "
                  + e.ticket().number()
                  + " generation "
                  + e.ticket().generation());
        } else {
          ok++;
        }
      }
    }
    report.ok(RecordFiles.DRAWS, ok + " draw(s) recomputed from the seed and the manifest");
  }
}
