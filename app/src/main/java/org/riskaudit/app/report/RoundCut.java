package org.riskaudit.app.report;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditState;
import org.riskaudit.store.Rows;

/**
 * The audit as it stood at the end of a round: the stored snapshot with only the rounds, draws and
 * sign-offs up to that round and the interpretations recorded by its end (the latest revision of
 * each card then), so that the audit's own services measure exactly what was known when it ended. A
 * round still in progress is cut at the present.
 */
final class RoundCut {
  private RoundCut() {}

  /**
   * @param interpretations every stored revision of every interpretation
   */
  static AuditSnapshot at(
      AuditSnapshot s, int round, List<Rows.InterpretationRow> interpretations) {
    Rows.RoundRow row =
        s.rounds().stream()
            .filter(r -> r.roundNo() == round)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no round " + round + " is stored"));
    Instant end = row.endedAt();
    List<Rows.DrawRow> draws = s.draws().stream().filter(d -> d.roundNo() <= round).toList();
    Map<String, Rows.InterpretationRow> latest = new TreeMap<>();
    for (Rows.InterpretationRow i : interpretations) {
      boolean known = i.roundNo() <= round && (end == null || !i.recordedAt().isAfter(end));
      Rows.InterpretationRow before = latest.get(i.cardId());
      if (known && (before == null || before.revision() < i.revision())) {
        latest.put(i.cardId(), i);
      }
    }
    List<Rows.SignOffRow> signOffs =
        s.signOffs().stream().filter(o -> o.roundNo() <= round).toList();
    Set<String> drawn = new HashSet<>();
    draws.forEach(d -> drawn.add(d.cardId()));
    Map<String, Integer> revisions = new TreeMap<>();
    latest.forEach((card, i) -> revisions.put(card, i.revision()));
    Set<String> signed = new HashSet<>();
    signOffs.stream().filter(o -> o.roundNo() == round).forEach(o -> signed.add(o.person()));
    AuditStage stage = end != null ? AuditStage.ROUND_ENDED : s.state().stage();
    AuditState state = new AuditState(stage, s.state().seed(), round, drawn, revisions, signed);
    return new AuditSnapshot(
        s.audit(),
        s.config(),
        state,
        s.countyTypes(),
        s.specs(),
        s.manifest(),
        s.reported(),
        s.batchResults(),
        s.tallies(),
        s.inputFiles(),
        s.rounds().stream().filter(r -> r.roundNo() <= round).toList(),
        draws,
        latest,
        signOffs,
        List.of());
  }
}
