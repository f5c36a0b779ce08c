package org.riskaudit.app.cli.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.riskaudit.app.audit.AuditDefinition;
import org.riskaudit.app.audit.AuditSetup;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.ContestRole;
import org.riskaudit.core.audit.ContestSpec;
import org.riskaudit.core.audit.RiskLimitPolicy;
import org.riskaudit.core.contest.ContestRule;
import org.riskaudit.core.estimate.SimulationSettings;
import org.riskaudit.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskaudit audit init}: defines an audit (workflow step 1). */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Defines an audit: the election, the contests (targeted or opportunistic), the risk limit",
      "and the audit type per contest or county. Example:",
      "  riskaudit audit init --election 'Recall 2021' --target 'Question 1' --rule 'Question 1=majority'",
      "Contest names must match the CVR exports and reported results exactly."
    })
public final class InitCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin AuditOptions options;

  @Option(names = "--id", defaultValue = "audit", description = "audit id (default: audit)")
  String id;

  @Option(names = "--election", required = true, description = "election name")
  String election;

  @Option(
      names = "--risk-limit",
      defaultValue = "0.05",
      description = "risk limit alpha (default 0.05)")
  BigDecimal riskLimit;

  @Option(
      names = "--max-risk-limit",
      defaultValue = "0.05",
      description = "largest risk limit the jurisdiction allows (California: 0.05)")
  BigDecimal maxRiskLimit;

  @Option(
      names = "--jurisdiction",
      defaultValue = "California",
      description = "whose law bounds the risk limit (for messages)")
  String jurisdiction;

  @Option(names = "--target", required = true, description = "a targeted contest (repeatable)")
  List<String> targets = new ArrayList<>();

  @Option(names = "--opportunistic", description = "a contest measured opportunistically")
  List<String> opportunistic = new ArrayList<>();

  @Option(
      names = "--type",
      defaultValue = "comparison",
      description = "audit type of every contest: comparison or polling")
  String type;

  @Option(names = "--contest-type", description = "CONTEST=comparison|polling")
  Map<String, String> contestTypes = new LinkedHashMap<>();

  @Option(
      names = "--rule",
      description = "CONTEST=plurality|majority|approval|supermajority:F (default plurality)")
  Map<String, String> rules = new LinkedHashMap<>();

  @Option(names = "--winners", description = "CONTEST=K winners (default 1)")
  Map<String, Integer> winners = new LinkedHashMap<>();

  @Option(
      names = "--county-type",
      description =
          "COUNTY=comparison|oneaudit|polling: oneaudit for counties with only batch totals,"
              + " polling for counties whose electronic records are not used")
  Map<String, String> countyTypes = new LinkedHashMap<>();

  @Option(
      names = "--trials",
      defaultValue = "" + SimulationSettings.DEFAULT_TRIALS,
      description = "simulated audits per sample-size estimate")
  int trials;

  @Option(
      names = "--full-count-fraction",
      defaultValue = "0.5",
      description = "advise a full hand count when the estimate reaches this fraction of a contest")
  double fullCountFraction;

  @Override
  public Integer call() {
    List<ContestSpec> contests = new ArrayList<>();
    for (String t : targets) {
      contests.add(contest(t, ContestRole.TARGETED));
    }
    for (String o : opportunistic) {
      contests.add(contest(o, ContestRole.OPPORTUNISTIC));
    }
    Map<String, AuditType> counties = new LinkedHashMap<>();
    countyTypes.forEach((county, t) -> counties.put(county, auditType(t)));
    AuditDefinition d =
        new AuditDefinition(
            id,
            election,
            riskLimit,
            new RiskLimitPolicy(jurisdiction, maxRiskLimit),
            contests,
            counties,
            trials,
            SimulationSettings.DEFAULT_SEED,
            fullCountFraction);
    try (Store store = options.open()) {
      AuditSetup.define(store, d, options.actor());
      spec.commandLine()
          .getOut()
          .printf(
              "Audit '%s' defined in %s: %d contest(s), risk limit %s.%n"
                  + "Next: import the manifests, CVRs and reported results ('riskaudit audit import').%n",
              id, store.location(), contests.size(), riskLimit.toPlainString());
    }
    return 0;
  }

  private ContestSpec contest(String name, ContestRole role) {
    String r = rules.getOrDefault(name, "plurality").toLowerCase(Locale.ROOT);
    ContestRule rule;
    double share = 0.5;
    if (r.startsWith("supermajority")) {
      rule = ContestRule.SUPERMAJORITY;
      String[] parts = r.split(":");
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "--rule for '" + name + "': write supermajority:F with the winning share, e.g. 0.6667");
      }
      share = Double.parseDouble(parts[1]);
    } else {
      try {
        rule = ContestRule.valueOf(r.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--rule for '"
                + name
                + "': '"
                + r
                + "' is not one of plurality, majority, approval, supermajority:F");
      }
    }
    String t = contestTypes.getOrDefault(name, type);
    AuditType at = auditType(t);
    return new ContestSpec(name, rule, winners.getOrDefault(name, 1), share, role, at);
  }

  static AuditType auditType(String t) {
    try {
      return AuditType.valueOf(t.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "audit type '" + t + "' is not one of comparison, polling, oneaudit");
    }
  }
}
