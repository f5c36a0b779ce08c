package org.riskaudit.app.audit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.ContestSpec;
import org.riskaudit.core.audit.RiskLimitPolicy;

/**
 * What the state administrator defines before any input is committed (workflow brief, step 1).
 *
 * @param auditId short id of the audit in its database
 * @param policy the jurisdiction's bound on the risk limit (California: at most 0.05)
 * @param countyTypes audit type per county where it is not comparison (oneaudit: only batch totals;
 *     polling: no trusted electronic record, the county is one ONEAudit pool in comparison
 *     contests)
 */
public record AuditDefinition(
    String auditId,
    String election,
    BigDecimal riskLimit,
    RiskLimitPolicy policy,
    List<ContestSpec> contests,
    Map<String, AuditType> countyTypes,
    int trials,
    long simulationSeed,
    double fullCountFraction) {
  public AuditDefinition {
    Objects.requireNonNull(auditId, "auditId");
    Objects.requireNonNull(election, "election");
    Objects.requireNonNull(policy, "policy");
    contests = List.copyOf(contests);
    countyTypes = Map.copyOf(countyTypes);
    if (!auditId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException(
          "audit id '"
              + auditId
              + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    policy.check(riskLimit);
    if (contests.stream().noneMatch(ContestSpec::isTargeted)) {
      throw new IllegalArgumentException(
          "an audit needs at least one targeted contest (--target NAME)");
    }
    if (contests.stream().map(ContestSpec::name).distinct().count() != contests.size()) {
      throw new IllegalArgumentException("a contest is named twice");
    }
  }
}
