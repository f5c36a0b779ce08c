package org.riskaudit.app.tally;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskaudit.app.audit.HashedFile;
import org.riskaudit.core.batch.BatchMethods;
import org.riskaudit.core.manualtally.WhatItBought;

/**
 * tally-record.json: the format and version, the tally's facts that are not tables (seed, contests,
 * settings, rounds) and a summary of what they determine (the selection, the status, the risk),
 * which {@code verify} recomputes. The list of files with their hashes is added by the writer.
 */
final class TallyIndex {
  private TallyIndex() {}

  /** The index without its "files" list. */
  static Map<String, Object> build(TallyState s, Object result) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", TallyFiles.FORMAT);
    m.put("version", TallyFiles.VERSION);
    m.put("kind", s.kind().code());
    m.put("election", s.election());
    m.put("seed", s.seed());
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("description", s.source().description());
    List<Object> inputs = new ArrayList<>();
    for (HashedFile f : s.source().inputs()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("name", f.name());
      x.put("sha256", f.sha256());
      x.put("bytes", f.size());
      inputs.add(x);
    }
    source.put("inputs", inputs);
    source.put("units", s.machine().size());
    source.put("cards", s.machine().stream().mapToLong(b -> b.cards()).sum());
    m.put("machineCounts", source);
    List<Object> contests = new ArrayList<>();
    for (TallyContest c : s.contests()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("name", c.name());
      x.put("voteFor", c.voteFor());
      x.put("choices", c.choices());
      contests.add(x);
    }
    m.put("contests", contests);
    if (result instanceof OnePercentResult r) {
      Map<String, Object> sel = new LinkedHashMap<>();
      sel.put("precincts", r.precincts().size());
      sel.put("initialCount", r.selection().initialCount());
      sel.put("random", r.selection().random());
      sel.put("extraFor", r.selection().extraFor());
      sel.put("discretionary", s.onePercent().discretionary());
      m.put("selection", sel);
      m.put("ballotLevelRiskLimit", s.onePercent().ballotLevelRiskLimit().toPlainString());
      Map<String, Object> cmp = new LinkedHashMap<>();
      cmp.put("counted", r.tallied().size() - r.comparison().notCounted().size());
      cmp.put("notCounted", r.comparison().notCounted());
      cmp.put("differences", r.comparison().differences().size());
      cmp.put("totalAbsoluteDifference", r.comparison().totalAbsoluteDifference());
      m.put("comparison", cmp);
      List<Object> bought = new ArrayList<>();
      for (WhatItBought.ContestRisk c : r.whatItBought()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("contest", c.contest());
        x.put("risk", c instanceof WhatItBought.Achieved a ? a.risk() : null);
        x.put("ballotLevelRlaCards", c.ballotLevelRlaCards());
        bought.add(x);
      }
      m.put("whatItBought", bought);
    } else if (result instanceof BatchResult r) {
      TallyState.BatchSettings b = s.batch();
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("contests", b.contests());
      x.put("riskLimit", b.riskLimit().toPlainString());
      x.put("method", b.method().name().toLowerCase(java.util.Locale.ROOT));
      x.put("fullCountFraction", b.fullCountFraction());
      List<Object> merges = new ArrayList<>();
      for (TallyState.Merge g : b.merges()) {
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("id", g.id());
        y.put("parts", g.parts());
        merges.add(y);
      }
      x.put("merges", merges);
      List<Object> rounds = new ArrayList<>();
      for (TallyState.Round round : b.rounds()) {
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("round", round.number());
        y.put("draws", round.draws());
        y.put("fullHandCount", round.fullHandCount());
        rounds.add(y);
      }
      x.put("rounds", rounds);
      x.put("batches", r.population().batches().size());
      x.put("totalTickets", r.population().totalWeight());
      x.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
      x.put("risk", r.pValue().isPresent() ? r.pValue().getAsDouble() : null);
      x.put("measuredDraws", r.risk().size());
      x.put("notCounted", r.missing().size());
      x.put("outcomeReplaced", r.outcomeReplaced());
      m.put("batchAudit", x);
    }
    m.put("handTallyLines", s.hand().size());
    return m;
  }

  static TallyKind kind(JsonNode index) {
    return TallyKind.of(index.path("kind").asText());
  }

  static TallyState.Source source(JsonNode index) {
    JsonNode s = index.path("machineCounts");
    List<HashedFile> inputs = new ArrayList<>();
    for (JsonNode f : s.path("inputs")) {
      inputs.add(
          new HashedFile(
              f.path("name").asText(), f.path("sha256").asText(), f.path("bytes").asLong()));
    }
    return new TallyState.Source(s.path("description").asText(), inputs);
  }

  static List<TallyContest> contests(JsonNode index) {
    List<TallyContest> out = new ArrayList<>();
    for (JsonNode c : index.path("contests")) {
      out.add(
          new TallyContest(
              c.path("name").asText(), c.path("voteFor").asInt(), strings(c.path("choices"))));
    }
    return out;
  }

  static TallyState.OnePercent onePercent(JsonNode index) {
    return new TallyState.OnePercent(
        strings(index.path("selection").path("discretionary")),
        new BigDecimal(index.path("ballotLevelRiskLimit").asText()));
  }

  static TallyState.BatchSettings batch(JsonNode index) {
    JsonNode b = index.path("batchAudit");
    List<TallyState.Merge> merges = new ArrayList<>();
    for (JsonNode g : b.path("merges")) {
      merges.add(new TallyState.Merge(g.path("id").asText(), strings(g.path("parts"))));
    }
    List<TallyState.Round> rounds = new ArrayList<>();
    for (JsonNode r : b.path("rounds")) {
      rounds.add(
          new TallyState.Round(
              r.path("round").asInt(),
              r.path("draws").asInt(),
              r.path("fullHandCount").asBoolean()));
    }
    return new TallyState.BatchSettings(
        strings(b.path("contests")),
        new BigDecimal(b.path("riskLimit").asText()),
        BatchMethods.Method.valueOf(b.path("method").asText().toUpperCase(java.util.Locale.ROOT)),
        merges,
        b.path("fullCountFraction").asDouble(),
        rounds);
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
