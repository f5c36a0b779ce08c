package org.riskaudit.core.assertion;

import java.util.Objects;
import org.riskaudit.core.assorter.Assorter;
import org.riskaudit.core.assorter.ComparisonAssorter;

/**
 * One assertion of a contest: the mean of {@code assorter} over the contest's population of N cards
 * is > 1/2. {@code reportedMean} is that mean computed from the reported results (or the CVRs), and
 * the diluted margin is v = 2 * reportedMean - 1 (SHANGRLA 2020 section 2).
 */
public record Assertion(String contest, Assorter assorter, double reportedMean, long population) {
  public Assertion {
    Objects.requireNonNull(contest, "contest");
    Objects.requireNonNull(assorter, "assorter");
    if (population < 1) {
      throw new IllegalArgumentException("an assertion needs at least 1 card, got " + population);
    }
    if (!(reportedMean >= 0 && reportedMean <= assorter.upperBound())) {
      throw new IllegalArgumentException(
          "reported assorter mean "
              + reportedMean
              + " is outside [0, "
              + assorter.upperBound()
              + "] for "
              + assorter.describe());
    }
  }

  /** The diluted margin v = 2 * mean - 1. */
  public double margin() {
    return 2 * reportedMean - 1;
  }

  /** The comparison assorter of this assertion; requires a positive margin. */
  public ComparisonAssorter comparison() {
    return new ComparisonAssorter(assorter.upperBound(), margin());
  }

  /** For reports: "Mayor: Alice beats Bob (margin 0.1234)". */
  public String describe() {
    return contest + ": " + assorter.describe() + String.format(" (margin %.4f)", margin());
  }
}
