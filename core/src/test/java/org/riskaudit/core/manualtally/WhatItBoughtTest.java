package org.riskaudit.core.manualtally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.core.batch.BatchContest;
import org.riskaudit.core.batch.HandCount;
import org.riskaudit.core.estimate.NoErrorSampleSize;
import org.riskaudit.core.risk.RiskMethods;

class WhatItBoughtTest {
  static final List<BatchContest> CONTESTS =
      List.of(BatchContest.of("Governor"), BatchContest.of("Measure"), BatchContest.of("Bond"));

  /** 200 precincts of 400 cards, Governor 55 % to 45 %; Measure in P190-P200; Bond there + P150. */
  static List<Batch> county() {
    List<Batch> out = new ArrayList<>();
    for (int p = 1; p <= 200; p++) {
      Map<String, Map<String, Long>> v = new HashMap<>();
      v.put("Governor", Map.of("Lee", 220L, "Kim", 180L));
      if (p >= 190) {
        v.put("Measure", Map.of("Yes", 250L, "No", 150L));
      }
      if (p >= 190 || p == 150) {
        v.put("Bond", Map.of("Yes", 210L, "No", 190L));
      }
      out.add(new Batch("P" + p, 400, v));
    }
    return out;
  }

  /** P5 and P17 drawn as the 1 %, P190 the extra precinct for Measure (which also has Bond). */
  static final PrecinctSelection SELECTION =
      new PrecinctSelection(List.of("P5", "P17", "P190"), 2, List.of("Measure"), List.of("P150"));

  static Map<String, HandCount> cleanCounts(List<Batch> county) {
    Map<String, HandCount> hand = new HashMap<>();
    for (Batch b : county) {
      if (List.of("P5", "P17", "P190", "P150").contains(b.id())) {
        hand.put(b.id(), HandCount.matching(b));
      }
    }
    return hand;
  }

  @Test
  void aCleanOnePercentTallyBuysOnlyALargeRiskAgainstTheHypergeometricCalculation() {
    List<Batch> county = county();
    List<WhatItBought.ContestRisk> r =
        WhatItBought.evaluate(county, CONTESTS, SELECTION, cleanCounts(county), 0.05);
    WhatItBought.Achieved gov = (WhatItBought.Achieved) r.get(0);
    // Every precinct: u = (220 - 180 + 400) / (200 * 40) = 0.055, U = 11; with no error found the
    // fewest precincts that could hide the margin are ceil(1 / 0.055) = 19, and a simple random
    // sample of 2 of 200 misses them with chance (181 / 200) (180 / 199) = 0.8186.
    assertThat(gov.fewestToHide()).isEqualTo(19);
    assertThat(gov.risk()).isCloseTo(181.0 / 200 * 180 / 199, within(1e-12));
    assertThat(gov.precinctsUsed()).containsExactly("P5", "P17");
    assertThat(gov.ballotsHandCounted()).isEqualTo(1600);
    double v = 40 * 200 / 80_000.0;
    assertThat(gov.ballotLevelRlaCards())
        .isEqualTo(
            NoErrorSampleSize.byRunning(RiskMethods.comparisonDefault(v, 0), v, 0.05, 80_000)
                .getAsInt());
  }

  @Test
  void aContestMissedByTheOnePercentDrawIsJudgedOnItsOwnExtraPrecinct() {
    List<Batch> county = county();
    WhatItBought.Achieved m =
        (WhatItBought.Achieved)
            WhatItBought.evaluate(county, CONTESTS, SELECTION, cleanCounts(county), 0.05).get(1);
    assertThat(m.precinctsUsed()).containsExactly("P190");
    assertThat(m.precinctsWithContest()).isEqualTo(11);
    // u = (250 - 150 + 400) / 1100 = 0.4545 each: 3 precincts can hide the margin; one drawn of 11.
    assertThat(m.fewestToHide()).isEqualTo(3);
    assertThat(m.risk()).isCloseTo(8.0 / 11, within(1e-12));
  }

  @Test
  void aContestCoveredOnlyByAnotherContestsExtraPrecinctGetsNoValidRiskAndTheReason() {
    List<Batch> county = county();
    WhatItBought.ContestRisk bond =
        WhatItBought.evaluate(county, CONTESTS, SELECTION, cleanCounts(county), 0.05).get(2);
    assertThat(bond).isInstanceOf(WhatItBought.NoValidRisk.class);
    assertThat(((WhatItBought.NoValidRisk) bond).reason())
        .isEqualTo(
            "no precinct with contest 'Bond' was drawn at random for it: it was covered only by a"
                + " precinct drawn for another contest or added at an official's discretion, which"
                + " was not chosen at random among its precincts");
    assertThat(bond.ballotsHandCounted()).isEqualTo(800);
  }

  @Test
  void anErrorFoundInTheTallyRaisesTheRiskAndAMissingCountGivesNoRisk() {
    List<Batch> county = county();
    Map<String, HandCount> hand = cleanCounts(county);
    hand.put("P5", new HandCount("P5", Map.of("Governor", Map.of("Lee", 215L, "Kim", 185L))));
    WhatItBought.Achieved gov =
        (WhatItBought.Achieved)
            WhatItBought.evaluate(county, CONTESTS, SELECTION, hand, 0.05).get(0);
    // e = 10 / 8000, taint = 0.00125 / 0.055 = 0.0227: (1 - 0.25) / 0.9773 = 0.7674 -> 14 of 0.055.
    assertThat(gov.maxTaint()).isCloseTo(0.0227273, within(1e-6));
    assertThat(gov.fewestToHide()).isEqualTo(14);
    assertThat(gov.risk()).isGreaterThan(0.8186);
    hand.remove("P17");
    WhatItBought.ContestRisk missing =
        WhatItBought.evaluate(county, CONTESTS, SELECTION, hand, 0.05).get(0);
    assertThat(((WhatItBought.NoValidRisk) missing).reason())
        .isEqualTo("the hand count of precinct(s) [P17] is missing");
  }

  @Test
  void theSimpleRandomSampleRiskIsValidBySimulation() {
    // 200 precincts, the 19 with the largest bounds hold an outcome-changing error (taint 1): a
    // sample of 2 confirms only when it misses them, so the chance equals the reported risk.
    double[] bounds = new double[200];
    Arrays.fill(bounds, 0.055);
    double p = org.riskaudit.core.batch.SimpleRandomSampleRisk.pValue(bounds, 2, 0.0);
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    int missed = 0;
    int runs = 20_000;
    for (int i = 0; i < runs; i++) {
      int a = r.nextInt(200);
      int b = r.nextInt(199);
      b = b >= a ? b + 1 : b;
      if (a >= 19 && b >= 19) {
        missed++;
      }
    }
    assertThat(missed / (double) runs).isLessThanOrEqualTo(p + 3 * Math.sqrt(p * (1 - p) / runs));
  }
}
