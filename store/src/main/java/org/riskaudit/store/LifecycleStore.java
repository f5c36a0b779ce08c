package org.riskaudit.store;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.riskaudit.core.audit.AuditCommand;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditState;
import org.riskaudit.core.audit.Lifecycle;
import org.riskaudit.core.audit.Outcome;
import org.riskaudit.core.audit.Seed;
import org.riskaudit.store.Rows.AuditRow;
import org.riskaudit.store.Rows.RoundRow;

/**
 * Applies {@link Lifecycle} to a stored audit: loads its {@link AuditState} from the tables,
 * applies the command, and on acceptance writes the new stage, the seed or the round row together
 * with an activity-log entry, in one transaction.
 */
final class LifecycleStore {
  private LifecycleStore() {}

  static AuditState load(Handle h, String auditId) {
    AuditRow audit =
        h.attach(AuditDao.class)
            .audit(auditId)
            .orElseThrow(
                () ->
                    new StoreException(
                        "No audit '"
                            + auditId
                            + "' in this store; create it with 'riskaudit audit init'."));
    int round =
        h.createQuery("SELECT COALESCE(MAX(round_no), 0) FROM audit_round WHERE audit_id = :a")
            .bind("a", auditId)
            .mapTo(Integer.class)
            .one();
    Set<String> drawn =
        new HashSet<>(
            h.createQuery("SELECT DISTINCT card_id FROM draw WHERE audit_id = :a")
                .bind("a", auditId)
                .mapTo(String.class)
                .list());
    Map<String, Integer> revisions = new HashMap<>();
    h.createQuery(
            "SELECT card_id, MAX(revision) FROM interpretation WHERE audit_id = :a"
                + " GROUP BY card_id")
        .bind("a", auditId)
        .map((rs, ctx) -> revisions.put(rs.getString(1), rs.getInt(2)))
        .list();
    Set<String> signed =
        new HashSet<>(
            h.createQuery(
                    "SELECT DISTINCT person FROM sign_off WHERE audit_id = :a AND round_no = :r")
                .bind("a", auditId)
                .bind("r", round)
                .mapTo(String.class)
                .list());
    Optional<Seed> seed = Optional.ofNullable(audit.seed()).map(Seed::new);
    return new AuditState(audit.stage(), seed, round, drawn, revisions, signed);
  }

  static Outcome advance(
      Handle h, Clock clock, String auditId, AuditCommand command, String actor, String details) {
    AuditState before = load(h, auditId);
    Outcome outcome = Lifecycle.apply(before, command);
    if (!(outcome instanceof Outcome.Accepted accepted)) {
      return outcome;
    }
    AuditState after = accepted.state();
    AuditDao audits = h.attach(AuditDao.class);
    if (command instanceof AuditCommand.SetSeed s
        && audits.setSeedOnce(auditId, s.seed().digits()) != 1) {
      throw new StoreException("the seed of audit '" + auditId + "' was set concurrently");
    }
    if (command instanceof AuditCommand.StartRound) {
      h.attach(RoundDao.class)
          .insertRound(new RoundRow(auditId, after.round(), clock.instant(), null));
    }
    if (command instanceof AuditCommand.SignOff so) {
      h.attach(RoundDao.class)
          .insertSignOff(
              new Rows.SignOffRow(
                  auditId, after.round(), so.county(), so.person(), clock.instant()));
    }
    if (command instanceof AuditCommand.EndRound) {
      h.attach(RoundDao.class)
          .endRound(new RoundRow(auditId, before.round(), null, clock.instant()));
    }
    AuditStage from = before.stage();
    if (after.stage() != from && audits.moveStage(auditId, from, after.stage()) != 1) {
      throw new StoreException("audit '" + auditId + "' changed stage concurrently; retry");
    }
    String text = command.name() + (details.isEmpty() ? "" : " " + details);
    if (command instanceof AuditCommand.SetSeed s) {
      text = "seed " + s.seed().digits();
    }
    Store.append(h, clock, auditId, actor, command.name(), text);
    return outcome;
  }
}
