package org.riskaudit.app.audit;

import java.util.List;
import org.riskaudit.core.reconcile.Finding;
import org.riskaudit.core.reconcile.Reconciliation;
import org.riskaudit.store.Rows;

/**
 * The reconciliation of the stored inputs before the commit: the CVR reconciliation of the
 * comparison counties, the checks of every county's inputs and of every contest, and the tallies
 * the commit would freeze.
 *
 * @param blocking problems that make the audit invalid until fixed (unplaced or duplicate CVRs,
 *     missing inputs, other winners than reported, ...)
 * @param toAccept problems an official may accept with a written reason (tabulation differences,
 *     batches with fewer CVRs than cards, which become phantoms)
 */
public record InputCheckReport(
    Reconciliation reconciliation,
    List<Finding> findings,
    List<Finding> blocking,
    List<Finding> toAccept,
    List<Rows.TallyRow> tallies) {
  public InputCheckReport {
    findings = List.copyOf(findings);
    blocking = List.copyOf(blocking);
    toAccept = List.copyOf(toAccept);
    tallies = List.copyOf(tallies);
  }

  public boolean clean() {
    return blocking.isEmpty() && toAccept.isEmpty();
  }
}
