package org.riskaudit.core.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.estimate.SampleSizeEstimate;
import org.riskaudit.core.estimate.SimulationSettings;
import org.riskaudit.core.risk.RiskFunction;
import org.riskaudit.core.risk.RiskState;

/**
 * Why betting is the default: as fast as MACRO without errors, alive after a wholly wrong batch.
 */
class BatchMethodsEfficiencyTest {
  @Test
  void withNoErrorsBettingNeedsAtMostOneDrawMoreThanMacro() {
    for (BatchPopulation pop :
        new BatchPopulation[] {WorkedExample.population(), BatchAuditValidityTest.election()}) {
      int macro = BatchSampleSize.noError(BatchMethods.macro(pop), 0.05, 10_000).getAsInt();
      int betting = BatchSampleSize.noError(BatchMethods.betting(pop), 0.05, 10_000).getAsInt();
      assertThat(macro).isEqualTo(BatchSampleSize.macroNoError(pop.totalErrorBound(), 0.05));
      assertThat(betting).isBetween(macro, macro + 1);
    }
  }

  @Test
  void oneBatchCountedWhollyForTheLoserEndsMacroButNotTheBettingTest() {
    BatchPopulation pop = BatchAuditValidityTest.election();
    double[] xs = new double[400];
    Arrays.fill(xs, 1.0);
    xs[0] = 0.0; // taint 1 on the first draw
    assertThat(BatchMethods.macro(pop).run(xs).pValue()).isEqualTo(1.0);
    assertThat(BatchMethods.betting(pop).run(xs).pValue()).isLessThanOrEqualTo(0.05);
  }

  @Test
  void simulatedSizesAndEscalationContinueTheSavedTest() {
    BatchPopulation pop = BatchAuditValidityTest.election();
    RiskFunction test = BatchMethods.defaultTest(pop);
    SimulationSettings s = new SimulationSettings(0.05, 200, 11, 2000);
    SampleSizeEstimate none = BatchSampleSize.simulate(test, pop, BatchErrors.NONE, s);
    assertThat(none.median())
        .isEqualTo(BatchSampleSize.noError(test, 0.05, 2000).getAsInt())
        .isEqualTo(none.p90());
    SampleSizeEstimate errors =
        BatchSampleSize.simulate(test, pop, BatchErrors.shiftedBatches(0.05, 0.2), s);
    assertThat(errors.p80()).isGreaterThan(none.p80());
    double[] ten = new double[10];
    Arrays.fill(ten, 1.0);
    RiskState afterTen = test.run(ten).state();
    SampleSizeEstimate next = BatchSampleSize.nextRound(test, afterTen, pop, BatchErrors.NONE, s);
    assertThat(next.priorDraws()).isEqualTo(10);
    assertThat(next.median()).isEqualTo(none.median());
    assertThat(BatchSampleSize.expectedCards(pop, 30))
        .isLessThan(pop.batches().stream().mapToLong(Batch::cards).sum());
  }
}
