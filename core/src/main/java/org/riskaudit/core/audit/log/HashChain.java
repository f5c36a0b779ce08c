package org.riskaudit.core.audit.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain of the activity log. Each entry's hash is SHA-256 over its canonical text, which
 * includes the previous entry's hash, so changing, removing or reordering any stored entry breaks
 * every later hash. The canonical text (docs/activity-log.md) is, in UTF-8:
 *
 * <pre>
 * riskaudit-log-v1 LF sequence LF at LF actor LF action LF details LF previousHash
 * </pre>
 *
 * where {@code at} is ISO-8601 UTC with millisecond precision (e.g. {@code
 * 2021-09-14T20:00:00.000Z}), and in actor/action/details every backslash is written {@code \\},
 * every LF {@code \n} and every CR {@code \r}.
 */
public final class HashChain {

  /** The previous hash of the first entry: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  private static final String VERSION = "riskaudit-log-v1";

  private HashChain() {}

  /** The next entry after {@code previous} (empty for the first), timed by {@code clock}. */
  public static LogEntry append(
      Optional<LogEntry> previous, Clock clock, String actor, String action, String details) {
    long sequence = previous.map(p -> p.sequence() + 1).orElse(1L);
    String prevHash = previous.map(LogEntry::hash).orElse(GENESIS);
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String hash = sha256(canonical(sequence, at, actor, action, details, prevHash));
    return new LogEntry(sequence, at, actor, action, details, prevHash, hash);
  }

  /** The canonical text hashed for an entry with these fields. */
  public static String canonical(
      long sequence, Instant at, String actor, String action, String details, String prevHash) {
    return VERSION
        + '\n'
        + sequence
        + '\n'
        + formatInstant(at)
        + '\n'
        + escape(actor)
        + '\n'
        + escape(action)
        + '\n'
        + escape(details)
        + '\n'
        + prevHash;
  }

  /** Checks a whole log in sequence order; returns the first broken entry, or empty when intact. */
  public static Optional<ChainBreak> verify(List<LogEntry> entries) {
    String prevHash = GENESIS;
    long expected = 1;
    for (LogEntry e : entries) {
      if (e.sequence() != expected) {
        return Optional.of(
            new ChainBreak(
                expected,
                "entry " + expected + " is missing (found sequence " + e.sequence() + " instead)"));
      }
      if (!e.previousHash().equals(prevHash)) {
        return Optional.of(
            new ChainBreak(
                e.sequence(),
                "entry "
                    + e.sequence()
                    + " names previous hash "
                    + e.previousHash()
                    + " but entry "
                    + (e.sequence() - 1)
                    + " hashes to "
                    + prevHash));
      }
      String actual =
          sha256(
              canonical(
                  e.sequence(), e.at(), e.actor(), e.action(), e.details(), e.previousHash()));
      if (!actual.equals(e.hash())) {
        return Optional.of(
            new ChainBreak(
                e.sequence(),
                "entry "
                    + e.sequence()
                    + " ("
                    + e.action()
                    + " by "
                    + e.actor()
                    + ") was altered: its content hashes to "
                    + actual
                    + ", stored hash is "
                    + e.hash()));
      }
      prevHash = e.hash();
      expected++;
    }
    return Optional.empty();
  }

  static String formatInstant(Instant at) {
    Instant ms = at.truncatedTo(ChronoUnit.MILLIS);
    String s = java.time.format.DateTimeFormatter.ISO_INSTANT.format(ms);
    // ISO_INSTANT omits zero fractions; always print exactly three digits.
    if (!s.contains(".")) {
      return s.substring(0, s.length() - 1) + ".000Z";
    }
    int dot = s.indexOf('.');
    String frac = s.substring(dot + 1, s.length() - 1);
    return s.substring(0, dot + 1) + (frac + "000").substring(0, 3) + "Z";
  }

  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  /** SHA-256 of the UTF-8 bytes of {@code text}, lowercase hex. */
  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
