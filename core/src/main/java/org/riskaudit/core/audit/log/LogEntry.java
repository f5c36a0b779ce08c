package org.riskaudit.core.audit.log;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the tamper-evident activity log.
 *
 * @param sequence 1-based position in the log
 * @param at when it happened (UTC instant from the injected clock)
 * @param actor who did it
 * @param action short action name (e.g. "seed", "record")
 * @param details canonical text describing what changed
 * @param previousHash hash of the previous entry, {@link HashChain#GENESIS} for the first
 * @param hash SHA-256 (lowercase hex) of {@link HashChain#canonical} of this entry
 */
public record LogEntry(
    long sequence,
    Instant at,
    String actor,
    String action,
    String details,
    String previousHash,
    String hash) {
  public LogEntry {
    if (sequence < 1) {
      throw new IllegalArgumentException("log sequence must be at least 1, got " + sequence);
    }
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }
}
