package org.riskaudit.core.sampling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A fast exact ordering key for first-generation tickets. A ticket number is "0." followed by the
 * decimal digits of the SHA-256 value reversed, so its first 18 digits are the reversed 18 lowest
 * decimal digits, i.e. (value mod 10^18) written with 18 digits and reversed. Comparing these keys
 * orders tickets exactly as their strings do, except when two keys are equal, which callers break
 * with the full ticket string. This avoids a BigInteger decimal conversion per card.
 */
public final class TicketKey {
  private static final long E18 = 1_000_000_000_000_000_000L;
  private final byte[] seedHashBytes;
  private final MessageDigest digest;

  public TicketKey(String seed) {
    this.seedHashBytes = Sha256.hex(seed).getBytes(StandardCharsets.US_ASCII);
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key of id's first-generation ticket (not thread-safe: one TicketKey per thread). */
  public long firstKey(String id) {
    digest.update(seedHashBytes);
    byte[] d = digest.digest(id.getBytes(StandardCharsets.UTF_8));
    return reverse18(mod1e18(d));
  }

  /**
   * value mod 10^18 of a big-endian unsigned integer, two bits at a time (Horner's rule): with r <
   * 10^18, r * 4 + 3 < 4 * 10^18 stays below Long.MAX_VALUE, so every step is exact.
   */
  static long mod1e18(byte[] bigEndian) {
    long r = 0;
    for (byte b : bigEndian) {
      int x = b & 0xFF;
      for (int shift = 6; shift >= 0; shift -= 2) {
        r = (r * 4 + ((x >>> shift) & 3)) % E18;
      }
    }
    return r;
  }

  /** The 18-digit zero-padded decimal of v, reversed, as a number. */
  static long reverse18(long v) {
    long out = 0;
    for (int i = 0; i < 18; i++) {
      out = out * 10 + v % 10;
      v /= 10;
    }
    return out;
  }
}
