package org.riskaudit.app.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.ContestSpec;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;
import org.riskaudit.store.WriteResult;

/** Creates an audit (lifecycle stage DEFINED) from its definition. */
public final class AuditSetup {
  private AuditSetup() {}

  public static void define(Store store, AuditDefinition d, String actor) {
    AuditConfig config =
        new AuditConfig(
            d.election(),
            d.policy().jurisdiction(),
            d.policy().maximum(),
            d.trials(),
            d.simulationSeed(),
            d.fullCountFraction());
    config.settings(d.riskLimit()); // validates the estimator settings
    Rows.AuditRow audit =
        new Rows.AuditRow(
            d.auditId(),
            d.election(),
            AuditStage.DEFINED,
            d.riskLimit(),
            null,
            config.toJson(),
            store.clock().instant());
    List<Rows.ContestRow> contests = new ArrayList<>();
    StringBuilder details = new StringBuilder();
    details.append("election=").append(d.election());
    details.append("; risk limit=").append(d.riskLimit().toPlainString());
    details.append("; jurisdiction=").append(d.policy().jurisdiction());
    for (ContestSpec c : d.contests()) {
      contests.add(
          new Rows.ContestRow(
              d.auditId(),
              c.name(),
              c.role(),
              c.type(),
              c.winners(),
              c.rule(),
              Double.toString(c.share())));
      details.append("; contest=").append(describe(c));
    }
    List<Rows.CountyRow> counties = new ArrayList<>();
    new TreeMap<>(d.countyTypes())
        .forEach(
            (county, type) -> {
              counties.add(new Rows.CountyRow(d.auditId(), county, type));
              details.append("; county=").append(county).append(' ').append(type);
            });
    WriteResult r = store.defineAudit(audit, contests, counties, actor, details.toString());
    if (r instanceof WriteResult.Refused refused) {
      throw new AuditFailure.Refused(refused.message());
    }
  }

  static String describe(ContestSpec c) {
    return c.name()
        + " ("
        + c.role()
        + ", "
        + c.type()
        + ", "
        + c.rule()
        + (c.rule() == org.riskaudit.core.contest.ContestRule.SUPERMAJORITY ? " " + c.share() : "")
        + ", "
        + c.winners()
        + " winner"
        + (c.winners() == 1 ? "" : "s")
        + ")";
  }
}
