package org.riskaudit.bench.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.riskaudit.core.assertion.Assertion;
import org.riskaudit.core.audit.AssertionMeasurement;
import org.riskaudit.core.audit.AssertionRisk;
import org.riskaudit.core.audit.AuditSettings;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.audit.ContestEstimate;
import org.riskaudit.core.audit.ContestMeasurement;
import org.riskaudit.core.audit.ContestSpec;
import org.riskaudit.core.audit.RoundSizes;
import org.riskaudit.core.audit.SampledCard;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.card.Interpretation;
import org.riskaudit.core.contest.ContestRule;
import org.riskaudit.core.discrepancy.Discrepancy;
import org.riskaudit.core.risk.RiskResult;
import org.riskaudit.core.risk.RiskState;

/**
 * One simulated ballot-level comparison audit of a two-choice contest, run with the audit's own
 * decision rules: round 1 draws the 80 % estimate of {@link RoundSizes}; after each round the risk
 * is measured with the contest's own risk function; a contest that met the risk limit stops, and
 * otherwise the next round's size, or a full hand count, is what {@link RoundSizes} advises,
 * exactly as {@code riskaudit audit next-round} decides. Draws are with replacement from a
 * population in which each card is a (CVR vote, paper vote) pair.
 */
final class SimulatedAudit {
  /**
   * How an audit ended: confirmed, or sent to a full hand count, after {@code cards} draws (every
   * round's cards are pulled and read, so this is the work done before the end).
   */
  record Ending(boolean confirmed, int cards, int rounds) {}

  /** A population of cards: each a CVR vote and a paper vote, "W", "L" or "" (no vote). */
  record Population(long cards, List<String[]> kinds, double[] cumulative) {
    String[] draw(SplittableRandom r) {
      double u = r.nextDouble();
      for (int i = 0; i < cumulative.length; i++) {
        if (u < cumulative[i]) {
          return kinds.get(i);
        }
      }
      return kinds.get(kinds.size() - 1);
    }
  }

  private final AuditedContest contest;
  private final Assertion assertion;
  private final AuditSettings settings;
  private final Population population;

  SimulatedAudit(Population population, Map<String, Long> reported, AuditSettings settings) {
    this.population = population;
    this.settings = settings;
    this.contest =
        new AuditedContest(
            ContestSpec.targeted("C", ContestRule.MAJORITY, AuditType.COMPARISON),
            Set.of("S"),
            population.cards(),
            reported,
            reported);
    this.assertion = contest.assertions().get(0);
  }

  ContestEstimate firstRound() {
    return RoundSizes.estimate(contest, null, List.of(), contest.cards(), settings);
  }

  Ending run(SplittableRandom r, ContestEstimate round1) {
    AssertionRisk risk = new AssertionRisk(assertion, AuditType.COMPARISON, 0);
    RiskState state = risk.test().start();
    List<Double> pValues = new ArrayList<>();
    List<AssertionMeasurement.CardDiscrepancy> found = new ArrayList<>();
    ContestEstimate next = round1;
    for (int round = 1; ; round++) {
      int more = Math.max(1, next.p80() - pValues.size());
      List<SampledCard> cards = new ArrayList<>(more);
      for (int i = 0; i < more; i++) {
        cards.add(card(population.draw(r), pValues.size() + i));
      }
      RiskResult res = risk.resume(state, cards);
      state = res.state();
      for (int i = 0; i < cards.size(); i++) {
        Discrepancy d = risk.discrepancy(cards.get(i));
        int draw = pValues.size() + 1;
        if (d.overstatement() != 0) {
          found.add(new AssertionMeasurement.CardDiscrepancy(draw, cards.get(i).cardId(), d));
        }
        pValues.add(res.pValueHistory()[i]);
      }
      if (state.pValue() <= settings.alpha()) {
        return new Ending(true, pValues.size(), round); // the whole round was pulled and read
      }
      double[] p = pValues.stream().mapToDouble(Double::doubleValue).toArray();
      ContestMeasurement m =
          new ContestMeasurement(
              contest, List.of(new AssertionMeasurement(assertion, p, found, state, 0, 0)));
      next = RoundSizes.estimate(contest, m, List.of(), contest.cards(), settings);
      if (next.fullHandCountAdvised()) {
        return new Ending(false, pValues.size(), round);
      }
    }
  }

  private static SampledCard card(String[] kind, int i) {
    CardLocation l = new CardLocation("S", "T", "B" + (i / 100), i % 100 + 1);
    Map<String, ContestVote> cvr = Map.of("C", vote(kind[0]));
    Interpretation paper = Interpretation.read(Map.of("C", vote(kind[1])));
    return SampledCard.of("S/T/B/" + i, new Cvr(l, "", "", "", cvr), paper);
  }

  private static ContestVote vote(String v) {
    return v.isEmpty() ? ContestVote.BLANK : ContestVote.of(v);
  }
}
