package org.riskaudit.app.web.state;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.riskaudit.app.audit.AuditDefinition;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.ContestRole;
import org.riskaudit.core.audit.ContestSpec;
import org.riskaudit.core.audit.RiskLimitPolicy;
import org.riskaudit.core.contest.ContestRule;
import org.riskaudit.core.estimate.SimulationSettings;

/**
 * What the state administrator typed into the "create an audit" form, kept as text so that a
 * refused form is shown again as typed, and turned into an {@link AuditDefinition} whose own
 * validation (risk limit policy, targeted contests, names) decides what is allowed.
 */
record AuditForm(
    String id,
    String election,
    String riskLimit,
    String trials,
    List<ContestRow> contests,
    String counties) {

  /** The most contest rows one form shows. */
  static final int MAX_ROWS = 40;

  static final int DEFAULT_ROWS = 4;

  /** One contest row as typed; {@code role} is targeted, opportunistic or "" (not audited). */
  record ContestRow(
      String name, String role, String rule, String winners, String share, String type) {
    static ContestRow empty() {
      return new ContestRow("", "", "plurality", "1", "", "comparison");
    }
  }

  static AuditForm empty(int rows) {
    List<ContestRow> contests = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      ContestRow r = ContestRow.empty();
      contests.add(i == 0 ? new ContestRow("", "targeted", "plurality", "1", "", "comparison") : r);
    }
    return new AuditForm(
        "", "", "0.05", Integer.toString(SimulationSettings.DEFAULT_TRIALS), contests, "");
  }

  static int rows(String param) {
    try {
      return Math.max(1, Math.min(MAX_ROWS, Integer.parseInt(param)));
    } catch (NumberFormatException | NullPointerException e) {
      return DEFAULT_ROWS;
    }
  }

  static AuditForm read(Context ctx) {
    int rows = rows(ctx.formParam("rows"));
    List<ContestRow> contests = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      contests.add(
          new ContestRow(
              StateUi.field(ctx, "contest" + i),
              StateUi.field(ctx, "role" + i),
              StateUi.field(ctx, "rule" + i),
              StateUi.field(ctx, "winners" + i),
              StateUi.field(ctx, "share" + i),
              StateUi.field(ctx, "type" + i)));
    }
    return new AuditForm(
        StateUi.field(ctx, "id"),
        StateUi.field(ctx, "election"),
        StateUi.field(ctx, "riskLimit"),
        StateUi.field(ctx, "trials"),
        contests,
        ctx.formParam("counties") == null ? "" : ctx.formParam("counties"));
  }

  /**
   * The audit's definition; throws {@link IllegalArgumentException} with a message that says what
   * to fix.
   */
  AuditDefinition definition() {
    if (id.isEmpty()) {
      throw new IllegalArgumentException(
          "Give the audit a short id, such as recall-2021 (letters, digits, '.', '_' or '-').");
    }
    if (id.equals("new")) {
      throw new IllegalArgumentException(
          "The audit id 'new' is reserved for the page that creates audits; choose another.");
    }
    if (election.isEmpty()) {
      throw new IllegalArgumentException("Give the election's name, such as 2021 Recall.");
    }
    BigDecimal alpha = riskLimit(riskLimit);
    int n;
    try {
      n = Integer.parseInt(trials);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Simulated audits per estimate must be a whole number such as 1000, not '"
              + trials
              + "'.");
    }
    if (n < 100 || n > 100_000) {
      throw new IllegalArgumentException(
          "Simulated audits per estimate must be between 100 and 100,000, got " + n + ".");
    }
    List<ContestSpec> specs = new ArrayList<>();
    for (ContestRow r : contests) {
      if (r.name().isEmpty() || r.role().isEmpty()) {
        continue;
      }
      specs.add(spec(r));
    }
    if (specs.isEmpty()) {
      throw new IllegalArgumentException(
          "Name at least one contest and mark it targeted; contest names must match the counties'"
              + " CVR exports and reported results exactly.");
    }
    Map<String, AuditType> taking = counties(counties);
    if (taking.isEmpty()) {
      throw new IllegalArgumentException(
          "List the counties taking part, one a line, exactly as in their ballot manifests.");
    }
    return new AuditDefinition(
        id,
        election,
        alpha,
        RiskLimitPolicy.CALIFORNIA,
        specs,
        taking,
        n,
        SimulationSettings.DEFAULT_SEED,
        0.5);
  }

  /** A risk limit written as a decimal (0.05) or a percentage (5 %). */
  static BigDecimal riskLimit(String text) {
    String t = text.replace(" ", "");
    boolean percent = t.endsWith("%");
    if (percent) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      BigDecimal v = new BigDecimal(t);
      return percent ? v.movePointLeft(2) : v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "The risk limit '"
              + text
              + "' is not a number; write it as a decimal such as 0.05 or a percentage such as 5 %.");
    }
  }

  private static ContestSpec spec(ContestRow r) {
    ContestRole role =
        switch (r.role()) {
          case "targeted" -> ContestRole.TARGETED;
          case "opportunistic" -> ContestRole.OPPORTUNISTIC;
          default ->
              throw new IllegalArgumentException(
                  "Contest '" + r.name() + "': choose targeted, opportunistic or not audited.");
        };
    ContestRule rule;
    try {
      rule = ContestRule.valueOf(r.rule().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Contest '"
              + r.name()
              + "': the rule must be plurality, majority, approval or supermajority.");
    }
    int winners;
    try {
      winners = r.winners().isEmpty() ? 1 : Integer.parseInt(r.winners());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Contest '" + r.name() + "': the number of winners must be a whole number such as 1.");
    }
    double share = 0.5;
    if (rule == ContestRule.SUPERMAJORITY) {
      try {
        share = Double.parseDouble(r.share());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Contest '"
                + r.name()
                + "': a supermajority needs the winning share, such as 0.6667 for two thirds.");
      }
    }
    AuditType type;
    try {
      type = AuditType.valueOf(r.type().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Contest '" + r.name() + "': the audit type must be comparison or polling.");
    }
    return new ContestSpec(r.name(), rule, winners, share, role, type);
  }

  /**
   * The counties taking part, one a line, each optionally followed by a comma and its audit type
   * (comparison, the default; oneaudit for counties with only batch totals; polling).
   */
  static Map<String, AuditType> counties(String text) {
    Map<String, AuditType> out = new LinkedHashMap<>();
    int line = 0;
    for (String raw : text.split("\\R")) {
      line++;
      String l = raw.strip();
      if (l.isEmpty()) {
        continue;
      }
      String name = l;
      AuditType type = AuditType.COMPARISON;
      int comma = l.lastIndexOf(',');
      if (comma >= 0) {
        String t = l.substring(comma + 1).strip().toUpperCase(Locale.ROOT);
        try {
          type = AuditType.valueOf(t);
          name = l.substring(0, comma).strip();
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "Counties, line "
                  + line
                  + ": '"
                  + l.substring(comma + 1).strip()
                  + "' is not an audit type; write comparison, oneaudit or polling after the"
                  + " comma, or leave it out for comparison.");
        }
      }
      if (name.isEmpty()) {
        throw new IllegalArgumentException(
            "Counties, line " + line + ": the county name is empty.");
      }
      if (out.put(name, type) != null) {
        throw new IllegalArgumentException(
            "Counties, line " + line + ": '" + name + "' is listed twice.");
      }
    }
    return out;
  }
}
