package org.riskaudit.core.contest;

/** The social choice function of a contest (SHANGRLA 2020 section 2). */
public enum ContestRule {
  /** The k choices with the most votes win; a voter may select up to k. */
  PLURALITY,
  /** Voters may select any number of choices; the k with the most votes win. */
  APPROVAL,
  /** A yes/no question decided by a simple majority of valid votes (two choices). */
  MAJORITY,
  /** One choice wins only with at least a share f of the valid votes. */
  SUPERMAJORITY
}
