package org.riskaudit.core.estimate;

/**
 * Per-card rates of the four comparison discrepancies of a plurality assertion (u = 1): one- and
 * two-vote overstatements (o1, o2) and understatements (u1, u2). Every other card has MVR = CVR.
 */
public record ErrorRates(double o1, double o2, double u1, double u2) {
  /** No discrepancies at all. */
  public static final ErrorRates NONE = new ErrorRates(0, 0, 0, 0);

  public ErrorRates {
    check("o1", o1);
    check("o2", o2);
    check("u1", u1);
    check("u2", u2);
    double sum = o1 + o2 + u1 + u2;
    if (sum > 1) {
      throw new IllegalArgumentException(
          "the error rates o1 + o2 + u1 + u2 must add up to at most 1, got " + sum);
    }
  }

  private static void check(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(
          "the " + name + " rate must be a number in [0, 1], got " + rate);
    }
  }

  /**
   * The rates observed in an audit so far: each count divided by the number of cards compared.
   *
   * @param draws cards compared so far, at least 1
   */
  public static ErrorRates observed(long o1, long o2, long u1, long u2, long draws) {
    if (draws < 1) {
      throw new IllegalArgumentException(
          "observed error rates need at least 1 compared card, got " + draws);
    }
    if (o1 < 0 || o2 < 0 || u1 < 0 || u2 < 0) {
      throw new IllegalArgumentException("discrepancy counts must be >= 0");
    }
    double n = draws;
    return new ErrorRates(o1 / n, o2 / n, u1 / n, u2 / n);
  }

  /**
   * The discrepancy pattern of "random vote errors" in a two-candidate contest (winner w, loser l;
   * every CVR a valid vote for one of them, reported winner share (1 + v)/2): a fraction {@code r}
   * of the cards have their vote reassigned to a uniformly chosen other outcome, where the outcomes
   * are w, l and "no valid vote", so the CVR and the paper (MVR) disagree. With the plurality
   * assorter A = 1, 0, 1/2 for w, l, no vote and overstatement A(c) - A(b) (SHANGRLA 2020, section
   * 3.2): a CVR vote for w whose paper shows l is a two-vote overstatement (1 - 0), one whose paper
   * shows no vote a one-vote overstatement (1 - 1/2); a CVR vote for l whose paper shows w a
   * two-vote understatement, no vote a one-vote understatement. Hence o1 = o2 = r (1 + v)/4 and u1
   * = u2 = r (1 - v)/4.
   */
  public static ErrorRates randomVoteErrors(double r, double margin) {
    if (!(r >= 0 && r <= 1)) {
      throw new IllegalArgumentException("the vote error rate must be in [0, 1], got " + r);
    }
    if (!(margin > 0 && margin <= 1)) {
      throw new IllegalArgumentException("the diluted margin must be in (0, 1], got " + margin);
    }
    double over = r * (1 + margin) / 4;
    double under = r * (1 - margin) / 4;
    return new ErrorRates(over, over, under, under);
  }

  /** The rate of cards with no discrepancy. */
  public double noErrorRate() {
    return 1 - (o1 + o2 + u1 + u2);
  }
}
