package org.riskaudit.core.audit;

/** Whether a contest must meet the risk limit or is only measured along the way. */
public enum ContestRole {
  /** Cards are drawn for it, and the audit ends only when it meets the risk limit. */
  TARGETED,
  /**
   * No cards are drawn for it; its risk is measured on the cards drawn for targeted contests
   * (workflow brief step 8), and it never holds up the end of the audit.
   */
  OPPORTUNISTIC
}
