package org.riskaudit.core.audit;

import java.util.Objects;
import org.riskaudit.core.contest.ContestRule;

/**
 * How one contest is audited, as the state administrator defines it before any input is committed.
 *
 * @param name contest name, exactly as in the CVR exports and reported results
 * @param rule social choice function
 * @param winners number of winners k (1 for majority and supermajority)
 * @param share the winning share f for a supermajority, 0.5 otherwise
 * @param role targeted or opportunistic
 * @param type comparison (ballot-level, with ONEAudit pools where a county has only batch totals)
 *     or polling; {@link AuditType#ONEAUDIT} is a county's type, not a contest's
 */
public record ContestSpec(
    String name, ContestRule rule, int winners, double share, ContestRole role, AuditType type) {
  public ContestSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(type, "type");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a contest name must not be blank");
    }
    if (winners < 1) {
      throw new IllegalArgumentException(
          "contest '" + name + "' must have at least 1 winner, got " + winners);
    }
    if (type == AuditType.ONEAUDIT) {
      throw new IllegalArgumentException(
          "contest '"
              + name
              + "': ONEAudit is chosen per county (counties with only batch totals); audit the"
              + " contest by comparison and give those counties the type oneaudit");
    }
    if (rule == ContestRule.SUPERMAJORITY ? !(share > 0 && share < 1) : share != 0.5) {
      throw new IllegalArgumentException(
          "contest '"
              + name
              + "': the winning share must be in (0, 1) for a supermajority and 0.5 otherwise, got "
              + share);
    }
  }

  /** A targeted plurality contest with one winner. */
  public static ContestSpec targeted(String name, ContestRule rule, AuditType type) {
    return new ContestSpec(name, rule, 1, 0.5, ContestRole.TARGETED, type);
  }

  public boolean isTargeted() {
    return role == ContestRole.TARGETED;
  }
}
