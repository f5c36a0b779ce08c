package org.riskaudit.core.reconcile;

import java.util.List;

/**
 * The reconciliation report produced before sampling: every finding, and the totals that matter for
 * the audit (cards in the manifest, CVRs read, phantoms to add).
 */
public record Reconciliation(
    List<Finding> findings, long manifestCards, long cvrs, long placedCvrs, long phantoms) {
  public Reconciliation {
    findings = List.copyOf(findings);
  }

  /** The findings that are problems. */
  public List<Finding> problems() {
    return findings.stream().filter(f -> !f.ok()).toList();
  }

  public boolean isClean() {
    return problems().isEmpty();
  }
}
