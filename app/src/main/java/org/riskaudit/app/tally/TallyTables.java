package org.riskaudit.app.tally;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.core.batch.BatchPopulation;
import org.riskaudit.core.batch.PpsSampler;
import org.riskaudit.core.manualtally.Precinct;
import org.riskaudit.core.manualtally.TallyComparison;
import org.riskaudit.core.manualtally.WhatItBought;

/**
 * The CSV tables of a tally record, built from a tally's facts and what they determine. The
 * commands write these rows and {@code verify} builds them again and compares them cell by cell, so
 * both always mean the same thing (docs/manual-tally.md lists every column).
 */
final class TallyTables {
  private TallyTables() {}

  /** One table: its file, header and rows. */
  record Table(String file, List<String> header, List<List<String>> rows) {
    Table {
      header = List.copyOf(header);
      rows = List.copyOf(rows);
    }
  }

  /** Every table of the record, in file order. */
  static List<Table> all(TallyState s, Object result) {
    List<Table> out = new ArrayList<>();
    out.add(machineCounts(s));
    if (result instanceof OnePercentResult r) {
      out.add(precincts(r));
      out.add(selection(s, r));
      out.add(handTally(s));
      out.add(comparison(s, r.comparison()));
      out.add(whatItBought(r));
    } else if (result instanceof BatchResult r) {
      out.add(batches(s, r.population()));
      out.add(draws(s, r));
      out.add(handTally(s));
      out.add(comparison(s, r.comparison()));
      out.add(risk(r));
      out.add(rounds(s, r));
      if (!r.fullCount().isEmpty()) {
        out.add(fullCount(r));
      }
    }
    return out;
  }

  static Table machineCounts(TallyState s) {
    List<List<String>> rows = new ArrayList<>();
    for (Batch b : s.machine()) {
      b.votes()
          .forEach(
              (c, v) ->
                  v.forEach(
                      (choice, n) -> rows.add(List.of(b.id(), num(b.cards()), c, choice, num(n)))));
    }
    return new Table(
        TallyFiles.MACHINE_COUNTS,
        List.of(s.kind().unit(), "cards", "contest", "choice", "votes"),
        rows);
  }

  static Table precincts(OnePercentResult r) {
    List<Precinct> sorted = new ArrayList<>(r.precincts());
    sorted.sort(Comparator.comparing(Precinct::id, BatchPopulation.CODE_POINT_ORDER));
    List<List<String>> rows = new ArrayList<>();
    for (Precinct p : sorted) {
      for (String c : new TreeSet<>(p.contests())) {
        rows.add(List.of(p.id(), c));
      }
    }
    return new Table(TallyFiles.PRECINCTS, List.of("precinct", "contest"), rows);
  }

  static Table selection(TallyState s, OnePercentResult r) {
    List<List<String>> rows = new ArrayList<>();
    List<String> random = r.selection().random();
    int initial = r.selection().initialCount();
    for (int i = 0; i < random.size(); i++) {
      String id = random.get(i);
      rows.add(
          List.of(
              num(rows.size() + 1),
              id,
              i < initial ? "random" : "extra",
              num(r.drawOrder().indexOf(id) + 1),
              i < initial ? "" : r.selection().extraFor().get(i - initial),
              num(cards(r.tallied(), id))));
    }
    for (String id : r.selection().discretionary()) {
      rows.add(
          List.of(num(rows.size() + 1), id, "discretionary", "", "", num(cards(r.tallied(), id))));
    }
    return new Table(
        TallyFiles.SELECTION,
        List.of("order", "precinct", "kind", "draw", "for_contest", "cards"),
        rows);
  }

  static Table handTally(TallyState s) {
    List<List<String>> rows = new ArrayList<>();
    for (HandLine h : s.hand()) {
      rows.add(
          List.of(
              h.line().batch(),
              h.line().contest(),
              h.line().choice(),
              h.line().sheet(),
              num(h.line().votes()),
              h.source(),
              num(h.sourceLine())));
    }
    return new Table(
        TallyFiles.HAND_TALLY,
        List.of(s.kind().unit(), "contest", "choice", "sheet", "votes", "source", "source_line"),
        rows);
  }

  static Table comparison(TallyState s, TallyComparison.Report c) {
    List<List<String>> rows = new ArrayList<>();
    for (TallyComparison.Row r : c.rows()) {
      rows.add(
          List.of(
              r.batch(),
              r.contest(),
              r.choice(),
              num(r.machine()),
              num(r.hand()),
              num(r.difference())));
    }
    return new Table(
        TallyFiles.COMPARISON,
        List.of(s.kind().unit(), "contest", "choice", "machine", "hand", "difference"),
        rows);
  }

  static Table whatItBought(OnePercentResult r) {
    List<List<String>> rows = new ArrayList<>();
    for (WhatItBought.ContestRisk c : r.whatItBought()) {
      if (c instanceof WhatItBought.Achieved a) {
        rows.add(
            List.of(
                a.contest(),
                num(a.risk()),
                "",
                String.join("|", a.precinctsUsed()),
                num(a.precinctsWithContest()),
                num(a.fewestToHide()),
                num(a.maxTaint()),
                num(a.ballotsHandCounted()),
                num(a.ballotLevelRlaCards())));
      } else if (c instanceof WhatItBought.NoValidRisk n) {
        rows.add(
            List.of(
                n.contest(),
                "",
                n.reason(),
                "",
                "",
                "",
                "",
                num(n.ballotsHandCounted()),
                num(n.ballotLevelRlaCards())));
      }
    }
    return new Table(
        TallyFiles.WHAT_IT_BOUGHT,
        List.of(
            "contest",
            "risk",
            "no_risk_because",
            "precincts_used",
            "precincts_with_contest",
            "fewest_to_hide",
            "max_taint",
            "ballots_hand_counted",
            "ballot_level_rla_cards"),
        rows);
  }

  static Table batches(TallyState s, BatchPopulation p) {
    Map<String, List<String>> parts = new java.util.HashMap<>();
    s.batch().merges().forEach(m -> parts.put(m.id(), m.parts()));
    List<List<String>> rows = new ArrayList<>();
    long first = 1;
    for (Batch b : p.batches()) {
      long w = p.weight(b.id());
      rows.add(
          List.of(
              b.id(),
              num(b.cards()),
              String.join("|", parts.getOrDefault(b.id(), List.of())),
              num(w),
              w == 0 ? "" : num(first),
              w == 0 ? "" : num(first + w - 1),
              BigDecimal.valueOf(w).movePointLeft(6).stripTrailingZeros().toPlainString()));
      first += w;
    }
    return new Table(
        TallyFiles.BATCHES,
        List.of("batch", "cards", "parts", "tickets", "first_ticket", "last_ticket", "error_bound"),
        rows);
  }

  static Table draws(TallyState s, BatchResult r) {
    List<List<String>> rows = new ArrayList<>();
    int i = 0;
    for (TallyState.Round round : s.batch().rounds()) {
      for (int k = 0; k < round.draws(); k++) {
        PpsSampler.Draw d = r.draws().get(i++);
        rows.add(List.of(num(round.number()), num(d.number()), num(d.ticket()), d.batchId()));
      }
    }
    return new Table(TallyFiles.DRAWS, List.of("round", "draw", "ticket", "batch"), rows);
  }

  static Table risk(BatchResult r) {
    List<List<String>> rows = new ArrayList<>();
    for (BatchResult.DrawRisk d : r.risk()) {
      rows.add(
          List.of(
              num(d.draw().number()),
              d.draw().batchId(),
              num(d.overstatement()),
              num(d.taint()),
              num(d.pValue())));
    }
    return new Table(
        TallyFiles.RISK, List.of("draw", "batch", "overstatement", "taint", "p_value"), rows);
  }

  static Table rounds(TallyState s, BatchResult r) {
    List<List<String>> rows = new ArrayList<>();
    List<TallyState.Round> rounds = s.batch().rounds();
    int last = 0;
    for (int i = 0; i < rounds.size(); i++) {
      TallyState.Round round = rounds.get(i);
      int from = last + 1;
      last += round.draws();
      String p = last >= 1 && last <= r.risk().size() ? num(r.risk().get(last - 1).pValue()) : "";
      String decision;
      if (i + 1 < rounds.size()) {
        decision = rounds.get(i + 1).fullHandCount() ? "full hand count" : "escalated";
      } else {
        decision = r.status().text();
      }
      rows.add(
          List.of(
              num(round.number()),
              round.fullHandCount() ? "full hand count" : "draws",
              round.draws() == 0 ? "" : num(from),
              round.draws() == 0 ? "" : num(last),
              round.fullHandCount() ? "" : p,
              decision));
    }
    return new Table(
        TallyFiles.ROUNDS,
        List.of("round", "kind", "first_draw", "last_draw", "p_value", "decision"),
        rows);
  }

  static Table fullCount(BatchResult r) {
    List<List<String>> rows = new ArrayList<>();
    for (BatchResult.FullCount f : r.fullCount()) {
      f.votes()
          .forEach(
              (choice, v) ->
                  rows.add(
                      List.of(
                          f.contest(),
                          choice,
                          num(f.reportedVotes().getOrDefault(choice, 0L)),
                          num(v),
                          f.winners().contains(choice) ? "winner" : "")));
    }
    return new Table(
        TallyFiles.FULL_COUNT,
        List.of("contest", "choice", "reported", "hand", "hand_winner"),
        rows);
  }

  private static long cards(List<Batch> batches, String id) {
    return batches.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow().cards();
  }

  static String num(long n) {
    return Long.toString(n);
  }

  /** Java's shortest round-trip form, as in the audit record. */
  static String num(double d) {
    return Double.toString(d);
  }
}
