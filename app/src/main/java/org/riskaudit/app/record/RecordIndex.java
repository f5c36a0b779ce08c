package org.riskaudit.app.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.RoundEnd;
import org.riskaudit.core.audit.AssertionMeasurement;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.audit.HandCount;

/** The parts of audit-record.json that describe the audit, its counties and its contests. */
final class RecordIndex {
  private RecordIndex() {}

  static Map<String, Object> audit(AuditSnapshot s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.auditId());
    m.put("election", s.config().election());
    m.put("jurisdiction", s.config().jurisdiction());
    m.put("riskLimit", s.audit().riskLimit().toPlainString());
    m.put("maxRiskLimit", s.config().maxRiskLimit().toPlainString());
    m.put("stage", s.state().stage().toString());
    m.put("seed", s.state().seed().map(Object::toString).orElse(null));
    m.put(
        "sampling",
        "consistent sampler (Rivest-Stark), with replacement, over the ballot manifest; card id"
            + " county/tabulator/batch/position (docs/sampling.md)");
    m.put("estimateTrials", s.config().trials());
    m.put("estimateSeed", s.config().simulationSeed());
    m.put("fullCountFraction", s.config().fullCountFraction());
    m.put("createdAt", s.audit().createdAt().toString());
    return m;
  }

  static List<Object> counties(AuditSnapshot s) {
    List<Object> out = new ArrayList<>();
    s.countyTypes()
        .forEach(
            (county, type) -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("name", county);
              m.put("type", type.toString().toLowerCase());
              out.add(m);
            });
    return out;
  }

  static List<Object> contests(AuditSnapshot s, AuditProgress p) {
    List<HandCount> counts =
        s.state().stage().compareTo(AuditStage.FULL_HAND_COUNT) >= 0
            ? RoundEnd.handCounts(s, p)
            : List.of();
    List<Object> out = new ArrayList<>();
    for (AuditProgress.ContestProgress c : p.contests()) {
      AuditedContest a = c.measurement().contest();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", a.name());
      m.put("role", a.spec().role().toString().toLowerCase());
      m.put("type", a.spec().type().toString().toLowerCase());
      m.put("rule", a.spec().rule().toString().toLowerCase());
      m.put("winners", a.spec().winners());
      m.put("share", a.spec().share());
      m.put("counties", List.copyOf(a.counties()));
      m.put("cards", a.cards());
      m.put("reportedVotes", a.reportedVotes());
      m.put("reportedWinners", a.reported().winners());
      m.put("drawn", c.drawn());
      m.put("measured", c.measurement().draws());
      m.put("risk", c.measurement().risk());
      m.put("met", c.met(s.alpha()));
      List<Object> assertions = new ArrayList<>();
      for (AssertionMeasurement am : c.measurement().assertions()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("assertion", am.assertion().assorter().describe());
        x.put("margin", am.assertion().margin());
        x.put("pValue", am.pValue());
        x.put("metAtDraw", am.metAt(s.alpha()));
        assertions.add(x);
      }
      m.put("assertions", assertions);
      for (HandCount h : counts) {
        if (h.contest().equals(a.name())) {
          Map<String, Object> hc = new LinkedHashMap<>();
          hc.put("complete", h.complete());
          hc.put("votes", h.votes());
          hc.put("winners", h.winners());
          hc.put("tie", h.tie());
          hc.put("confirmsReportedOutcome", h.confirmsReportedOutcome());
          m.put("handCount", hc);
        }
      }
      out.add(m);
    }
    return out;
  }
}
