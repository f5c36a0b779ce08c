package org.riskaudit.core.risk;

/**
 * How a betting martingale chooses its bet lambda_i for the next draw from the draws seen so far
 * (Waudby-Smith and Ramdas 2021; SHANGRLA 2020 section 4; ALPHA 2022 section 2). Any choice that
 * depends only on past draws keeps the test valid; strategies differ only in efficiency.
 *
 * <p>A strategy may ask the engine to count draws by category (for example the discrepancy types of
 * a comparison audit) by returning a positive {@link #categories()} and classifying values in
 * {@link #category(double)}.
 */
public interface BetStrategy {

  /**
   * The bet for the next draw.
   *
   * @param spec the test's fixed facts
   * @param draws number of draws seen so far (i - 1)
   * @param sum sum of the draws seen so far (S_{i-1})
   * @param counts draws seen so far per category (length {@link #categories()})
   * @param nullMean the null mean m_i of the cards not yet seen
   * @return lambda_i; the engine clips it into [0, 1/m_i]
   */
  double lambda(TestSpec spec, int draws, double sum, long[] counts, double nullMean);

  /** Number of categories the engine should count draws in (0 = none). */
  default int categories() {
    return 0;
  }

  /** The category of a draw, in [0, categories()); only called when categories() > 0. */
  default int category(double x) {
    return 0;
  }

  /** A short name for reports, for example "alpha-shrink-trunc(d=100)". */
  String name();
}
