package org.riskaudit.core.risk;

/**
 * The fixed facts of one sequential test: the assorter's upper bound u, the population size N (0
 * when sampling with replacement) and the null mean t (1/2 for every SHANGRLA assertion).
 */
public record TestSpec(double upperBound, long populationSize, double nullMean) {
  public TestSpec {
    if (!(upperBound > 0) || Double.isInfinite(upperBound)) {
      throw new IllegalArgumentException(
          "the assorter upper bound must be a finite number > 0, got " + upperBound);
    }
    if (populationSize < 0) {
      throw new IllegalArgumentException(
          "the population size must be >= 0 (0 means with replacement), got " + populationSize);
    }
    if (!(nullMean > 0 && nullMean < upperBound)) {
      throw new IllegalArgumentException(
          "the null mean must be in (0, upper bound " + upperBound + "), got " + nullMean);
    }
  }

  public static TestSpec withReplacement(double upperBound) {
    return new TestSpec(upperBound, 0, 0.5);
  }

  public static TestSpec withoutReplacement(double upperBound, long populationSize) {
    if (populationSize < 1) {
      throw new IllegalArgumentException(
          "sampling without replacement needs a population of at least 1 card, got "
              + populationSize);
    }
    return new TestSpec(upperBound, populationSize, 0.5);
  }

  public boolean withReplacement() {
    return populationSize == 0;
  }
}
