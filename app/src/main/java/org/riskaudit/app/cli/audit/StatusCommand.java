package org.riskaudit.app.cli.audit;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.ProgressService;
import org.riskaudit.core.audit.AssertionMeasurement;
import org.riskaudit.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskaudit audit status}: stage, per-contest risk, per-county progress. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Shows the audit's stage, each contest's measured risk and each county's progress.")
public final class StatusCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin AuditOptions options;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    try (Store store = options.open()) {
      AuditProgress p = new ProgressService(store).progress(options.auditId(store));
      if (json) {
        o.println(org.riskaudit.app.cli.JsonOut.write(toMap(p)));
        return 0;
      }
      AuditSnapshot s = p.snapshot();
      o.printf(
          "Audit %s (%s): %s, round %d, risk limit %s, seed %s%n",
          s.auditId(),
          s.config().election(),
          s.state().stage(),
          s.state().round(),
          s.audit().riskLimit().toPlainString(),
          s.state().seed().map(Object::toString).orElse("not set"));
      if (p.contests().isEmpty()) {
        o.println("  Inputs not committed yet: run 'riskaudit audit check'.");
      }
      for (AuditProgress.ContestProgress c : p.contests()) {
        o.printf(
            "  %-28s %-13s %-10s winner(s) %s, %,d of %,d draws measured, risk %.4f %s%n",
            c.name(),
            c.targeted() ? "targeted" : "opportunistic",
            c.measurement().contest().spec().type().toString().toLowerCase(),
            c.measurement().contest().reported().winners(),
            c.measurement().draws(),
            c.drawn(),
            c.measurement().risk(),
            c.met(s.alpha()) ? "MET" : "");
      }
      p.counties()
          .forEach(
              (county, c) ->
                  o.printf(
                      "  %-28s %-13s %,d cards drawn, %,d recorded; this round %,d of %,d;"
                          + " signed off by %s%n",
                      county,
                      s.countyType(county).toString().toLowerCase(),
                      c.cards(),
                      c.recorded(),
                      c.roundRecorded(),
                      c.roundCards(),
                      c.signedOff().isEmpty() ? "nobody" : c.signedOff()));
    }
    return 0;
  }

  static Map<String, Object> toMap(AuditProgress p) {
    AuditSnapshot s = p.snapshot();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("audit", s.auditId());
    o.put("election", s.config().election());
    o.put("stage", s.state().stage().toString());
    o.put("round", s.state().round());
    o.put("riskLimit", s.audit().riskLimit().toPlainString());
    o.put("seed", s.state().seed().map(Object::toString).orElse(null));
    List<Object> contests = new ArrayList<>();
    for (AuditProgress.ContestProgress c : p.contests()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("role", c.targeted() ? "targeted" : "opportunistic");
      m.put("type", c.measurement().contest().spec().type().toString().toLowerCase());
      m.put("winners", c.measurement().contest().reported().winners());
      m.put("drawn", c.drawn());
      m.put("measured", c.measurement().draws());
      m.put("risk", c.measurement().risk());
      m.put("met", c.met(s.alpha()));
      List<Object> assertions = new ArrayList<>();
      for (AssertionMeasurement a : c.measurement().assertions()) {
        Map<String, Object> am = new LinkedHashMap<>();
        am.put("assertion", a.assertion().assorter().describe());
        am.put("margin", a.assertion().margin());
        am.put("pValue", a.pValue());
        am.put("discrepancies", a.discrepancies().size());
        assertions.add(am);
      }
      m.put("assertions", assertions);
      contests.add(m);
    }
    o.put("contests", contests);
    Map<String, Object> counties = new LinkedHashMap<>();
    p.counties().forEach((county, c) -> counties.put(county, c));
    o.put("counties", counties);
    return o;
  }
}
