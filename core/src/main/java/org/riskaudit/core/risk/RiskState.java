package org.riskaudit.core.risk;

/**
 * The immutable state of a sequential test after some number of draws. Each risk function has its
 * own implementation carrying what it needs to continue (running sums, discrepancy counts, ...).
 */
public interface RiskState {
  /** Number of draws consumed so far. */
  int draws();

  /** The p-value after these draws: min(1, 1 / max_{i<=j} T_i); 1 before any draw. */
  double pValue();
}
