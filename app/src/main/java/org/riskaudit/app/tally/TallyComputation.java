package org.riskaudit.app.tally;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.core.batch.BatchAudit;
import org.riskaudit.core.batch.BatchContest;
import org.riskaudit.core.batch.BatchMethods;
import org.riskaudit.core.batch.BatchPopulation;
import org.riskaudit.core.batch.BatchSampleSize;
import org.riskaudit.core.batch.ContestMargins;
import org.riskaudit.core.batch.HandCount;
import org.riskaudit.core.batch.PpsSampler;
import org.riskaudit.core.manualtally.HandTally;
import org.riskaudit.core.manualtally.OnePercentTally;
import org.riskaudit.core.manualtally.Precinct;
import org.riskaudit.core.manualtally.PrecinctSelection;
import org.riskaudit.core.manualtally.TallyComparison;
import org.riskaudit.core.manualtally.TallyLine;
import org.riskaudit.core.manualtally.WhatItBought;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.RiskState;

/**
 * Computes everything a tally's facts determine, with the core's own functions: the 1 % selection,
 * the hand counts' sums and checks, the comparison and what it bought; or the batch population, the
 * PPS draws, the risk after every draw and a full hand count's outcome. The commands write what
 * this computes, and {@code verify} computes it again from the record and compares.
 */
public final class TallyComputation {
  private TallyComputation() {}

  public static OnePercentResult onePercent(TallyState s) {
    List<Precinct> precincts = new ArrayList<>();
    Map<String, Batch> byId = new LinkedHashMap<>();
    for (Batch b : s.machine()) {
      precincts.add(new Precinct(b.id(), b.votes().keySet()));
      byId.put(b.id(), b);
    }
    List<String> discretionary = s.onePercent().discretionary();
    PrecinctSelection selection = OnePercentTally.select(s.seed(), precincts, discretionary);
    List<String> order = OnePercentTally.drawOrder(s.seed(), precincts);
    LinkedHashSet<String> ids = new LinkedHashSet<>(selection.random());
    ids.addAll(discretionary);
    List<Batch> tallied = ids.stream().map(byId::get).toList();
    List<BatchContest> contests = s.contests().stream().map(TallyContest::batchContest).toList();
    HandTally.Entry entry = HandTally.enter(tallied, contests, lines(s));
    TallyComparison.Report comparison = TallyComparison.compare(tallied, entry.counts());
    List<WhatItBought.ContestRisk> bought =
        WhatItBought.evaluate(
            s.machine(),
            contests,
            selection,
            entry.counts(),
            s.onePercent().ballotLevelRiskLimit().doubleValue());
    return new OnePercentResult(precincts, order, selection, tallied, entry, comparison, bought);
  }

  /** The audited population: every batch, with the commingled ones merged in the order given. */
  public static BatchPopulation population(TallyState s) {
    List<BatchContest> audited =
        s.batch().contests().stream().map(c -> s.contest(c).batchContest()).toList();
    BatchPopulation p = new BatchPopulation(s.machine(), audited);
    for (TallyState.Merge m : s.batch().merges()) {
      p = p.merging(new LinkedHashSet<>(m.parts()), m.id());
    }
    return p;
  }

  public static RiskFunction test(TallyState s, BatchPopulation p) {
    return BatchMethods.of(s.batch().method(), p);
  }

  public static BatchResult batch(TallyState s) {
    BatchPopulation p = population(s);
    List<TallyState.Round> rounds = s.batch().rounds();
    boolean full = !rounds.isEmpty() && rounds.get(rounds.size() - 1).fullHandCount();
    int n = rounds.stream().mapToInt(TallyState.Round::draws).sum();
    List<PpsSampler.Draw> draws = n == 0 ? List.of() : new PpsSampler(s.seed(), p).draws(1, n);
    List<Batch> toCount;
    if (full) {
      toCount = p.batches();
    } else {
      LinkedHashSet<String> drawn = new LinkedHashSet<>();
      draws.forEach(d -> drawn.add(d.batchId()));
      toCount = drawn.stream().map(p::batch).toList();
    }
    List<BatchContest> contests = s.contests().stream().map(TallyContest::batchContest).toList();
    HandTally.Entry entry = HandTally.enter(toCount, contests, lines(s));
    TallyComparison.Report comparison = TallyComparison.compare(toCount, entry.counts());
    List<String> missing = comparison.notCounted();
    List<BatchResult.DrawRisk> risk = new ArrayList<>();
    RiskState state = null;
    RiskFunction test = test(s, p);
    // The risk is measured over the longest prefix of draws whose batches are all counted, so a
    // round's risk stays known while the next round's batches are being counted.
    int counted = 0;
    while (counted < draws.size() && entry.counts().containsKey(draws.get(counted).batchId())) {
      counted++;
    }
    BatchAudit.Measurement m =
        counted == 0
            ? null
            : BatchAudit.measure(test, p, test.start(), draws.subList(0, counted), entry.counts());
    if (m instanceof BatchAudit.Measured measured) {
      double[] history = measured.result().pValueHistory();
      for (int i = 0; i < counted; i++) {
        HandCount h = entry.counts().get(draws.get(i).batchId());
        risk.add(
            new BatchResult.DrawRisk(
                draws.get(i), p.relativeOverstatement(h), p.taint(h), history[i]));
      }
      state = measured.result().state();
    }
    List<BatchResult.FullCount> fullCount = List.of();
    BatchResult.Status status;
    if (full) {
      status = missing.isEmpty() ? BatchResult.Status.COMPLETE : BatchResult.Status.FULL_COUNT;
      if (missing.isEmpty()) {
        fullCount = fullCount(s, p, entry.counts());
      }
    } else if (counted < draws.size()) {
      status = BatchResult.Status.COUNTING;
    } else {
      status =
          state.pValue() <= s.batch().alpha()
              ? BatchResult.Status.MET
              : BatchResult.Status.ESCALATE;
    }
    return new BatchResult(
        p, draws, toCount, entry, comparison, missing, risk, state, fullCount, status);
  }

  /** The hand count's totals and winners of every audited contest over every batch. */
  static List<BatchResult.FullCount> fullCount(
      TallyState s, BatchPopulation p, Map<String, HandCount> hand) {
    List<BatchResult.FullCount> out = new ArrayList<>();
    for (ContestMargins m : p.contests()) {
      String c = m.contest().name();
      Map<String, Long> votes = new LinkedHashMap<>();
      Map<String, Long> reported = new LinkedHashMap<>();
      for (String choice : s.contest(c).choices()) {
        votes.put(choice, 0L);
        reported.put(choice, m.totals().getOrDefault(choice, 0L));
      }
      for (Batch b : p.batches()) {
        HandCount h = hand.get(b.id());
        if (h != null && h.votes().containsKey(c)) {
          h.votes().get(c).forEach((choice, v) -> votes.merge(choice, v, Long::sum));
        }
      }
      List<Map.Entry<String, Long>> sorted = new ArrayList<>(votes.entrySet());
      sorted.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
      int k = m.contest().voteFor();
      List<String> winners = new ArrayList<>();
      for (int i = 0; i < Math.min(k, sorted.size()); i++) {
        winners.add(sorted.get(i).getKey());
      }
      List<String> tie = new ArrayList<>();
      if (sorted.size() > k && sorted.get(k - 1).getValue().equals(sorted.get(k).getValue())) {
        long at = sorted.get(k).getValue();
        sorted.stream().filter(e -> e.getValue() == at).forEach(e -> tie.add(e.getKey()));
      }
      out.add(new BatchResult.FullCount(c, reported, votes, m.winners(), winners, tie));
    }
    return out;
  }

  /**
   * Draws to add in the next round: the test continued from its state with batches that show no
   * error, until the risk limit is met; empty when it is not met within {@code cap} draws.
   */
  public static OptionalInt nextRoundDraws(TallyState s, BatchResult r, int cap) {
    RiskFunction test = test(s, r.population());
    RiskState st = r.state() == null ? test.start() : r.state();
    for (int i = 1; i <= cap; i++) {
      st = test.update(st, 1.0);
      if (st.pValue() <= s.batch().alpha()) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** The first round's size: the exact number of error-free draws the test needs. */
  public static OptionalInt firstRoundDraws(TallyState s, BatchPopulation p, int cap) {
    return BatchSampleSize.noError(test(s, p), s.batch().alpha(), cap);
  }

  private static List<TallyLine> lines(TallyState s) {
    return s.hand().stream().map(HandLine::line).toList();
  }
}
