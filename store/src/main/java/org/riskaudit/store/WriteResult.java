package org.riskaudit.store;

/** The outcome of a guarded write: committed, or refused with the rule and the fix. */
public sealed interface WriteResult {
  /** The write is committed (durable) when this is returned. */
  record Written() implements WriteResult {}

  /** Nothing was written. */
  record Refused(String message) implements WriteResult {}
}
