package org.riskaudit.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.assertion.Assertion;
import org.riskaudit.core.assertion.Assertions;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.card.Interpretation;
import org.riskaudit.core.contest.Contest;
import org.riskaudit.core.estimate.NoErrorSampleSize;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.core.risk.RiskMethods;
import org.riskaudit.core.risk.RiskResult;
import org.riskaudit.core.risk.RiskState;
import org.riskaudit.core.sampling.CardId;
import org.riskaudit.core.sampling.Draw;
import org.riskaudit.core.sampling.SampleSelector;
import org.riskaudit.core.tally.Tabulator;

/**
 * A whole comparison audit in memory, from the pure core pieces: manifest universe, consistent
 * sampling with escalation on one ticket stream, a simulated audit board reading the paper, the
 * risk after every card, and a full hand count when the risk limit is not met.
 */
class EndToEndAuditSimulationTest {
  static final String SEED = "27182818284590452353";
  static final double ALPHA = 0.05;

  record Election(BallotManifest manifest, Map<String, Cvr> cvrs, Map<String, ContestVote> paper) {}

  /** Two counties of 5,000 cards whose CVRs match the paper: No about 58 %, Yes about 42 %. */
  static Election election() {
    List<ManifestBatch> batches = new ArrayList<>();
    Map<String, Cvr> cvrs = new HashMap<>();
    Map<String, ContestVote> paper = new HashMap<>();
    SplittableRandom r = new SplittableRandom(7);
    for (String county : List.of("Alpine", "Amador")) {
      for (int b = 1; b <= 50; b++) {
        batches.add(new ManifestBatch(county, "", "T1", "B" + b, 100));
        for (int p = 1; p <= 100; p++) {
          CardLocation l = new CardLocation(county, "T1", "B" + b, p);
          boolean yes = r.nextDouble() < 0.42;
          ContestVote truth = ContestVote.of(yes ? "Yes" : "No");
          cvrs.put(CardId.of(l), new Cvr(l, "", "", "", Map.of("Q1", truth)));
          paper.put(CardId.of(l), truth);
        }
      }
    }
    return new Election(new BallotManifest(batches), cvrs, paper);
  }

  record Result(boolean confirmed, int draws, int rounds, boolean fullCount, String winner) {}

  static Result audit(Election e) {
    Tabulator reported = new Tabulator();
    e.cvrs().values().forEach(reported);
    Map<String, Long> votes = new java.util.LinkedHashMap<>(reported.tally("Q1").votes());
    Contest q1 = Contest.majority("Q1", votes, e.manifest().totalCards());
    Assertion a = Assertions.hardest(Assertions.of(q1));
    AssertionRisk risk = new AssertionRisk(a, AuditType.COMPARISON, 0);
    SampleSelector selector = new SampleSelector(SEED, e.manifest());
    int size =
        NoErrorSampleSize.byRunning(
                RiskMethods.comparisonDefault(a.margin(), 0), a.margin(), ALPHA, 100_000)
            .getAsInt();
    RiskState state = null;
    int drawn = 0;
    int rounds = 0;
    while (drawn + size <= e.manifest().totalCards()) {
      rounds++;
      List<SampledCard> cards = new ArrayList<>();
      for (Draw d : selector.draw(SampleSelector.ALL_CARDS, drawn, size, true)) {
        Interpretation mvr = Interpretation.read(Map.of("Q1", e.paper().get(d.cardId())));
        cards.add(SampledCard.of(d.cardId(), e.cvrs().get(d.cardId()), mvr));
      }
      RiskResult r = state == null ? risk.measure(cards) : risk.resume(state, cards);
      int at = r.firstDrawAtOrBelow(ALPHA);
      if (at > 0) {
        return new Result(true, drawn + at, rounds, false, q1.winners().get(0));
      }
      state = r.state();
      drawn += size;
      size = drawn; // escalate: double the sample on the same ticket stream
    }
    // Full hand count: the paper's tally replaces the reported outcome.
    Tabulator hand = new Tabulator();
    e.paper()
        .forEach((id, v) -> hand.accept(new Cvr(CardId.parse(id), "", "", "", Map.of("Q1", v))));
    String winner =
        hand.tally("Q1").votesFor("Yes") > hand.tally("Q1").votesFor("No") ? "Yes" : "No";
    return new Result(false, drawn, rounds, true, winner);
  }

  @Test
  void anErrorFreeAuditConfirmsInTheFirstRoundAtTheNoErrorSize() {
    Result r = audit(election());
    assertThat(r.confirmed()).isTrue();
    assertThat(r.rounds()).isEqualTo(1);
    assertThat(r.winner()).isEqualTo("No");
    assertThat(r.fullCount()).isFalse();
  }

  @Test
  void anOutcomeChangingAttackEscalatesToAFullHandCountThatCorrectsTheOutcome() {
    Result r = audit(reversed(election()));
    assertThat(r.confirmed()).isFalse();
    assertThat(r.fullCount()).isTrue();
    assertThat(r.rounds()).isGreaterThan(1);
    assertThat(r.winner()).isEqualTo("Yes");
  }

  /**
   * The same cards with the paper's votes swapped (Yes 58 %, No 42 %), while the CVRs still report
   * No winning: an attack that changed the outcome.
   */
  static Election reversed(Election e) {
    Map<String, ContestVote> paper = new HashMap<>();
    e.paper().forEach((id, v) -> paper.put(id, ContestVote.of(v.votesFor("Yes") ? "No" : "Yes")));
    return new Election(e.manifest(), e.cvrs(), paper);
  }
}
