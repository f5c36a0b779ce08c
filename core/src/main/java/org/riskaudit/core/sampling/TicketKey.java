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
   * The key of the card id {@code prefix + position} (prefix already UTF-8 encoded, for example
   * "Alpine/T1/B2/"), without building the id string: the hot path of sample selection.
   */
  public long firstKey(byte[] prefix, int position) {
    digest.update(seedHashBytes);
    digest.update(prefix);
    int len = 0;
    for (int p = position; p > 0; p /= 10) {
      len++;
    }
    len = Math.max(len, 1);
    for (int i = len - 1, p = position; i >= 0; i--, p /= 10) {
      digits[i] = (byte) ('0' + p % 10);
    }
    digest.update(digits, 0, len);
    return reverse18(mod1e18(digest.digest()));
  }

  private final byte[] digits = new byte[11];

  private static final long FIVE18 = 3_814_697_265_625L; // 5^18 < 2^42
  private static final long TWO18 = 1L << 18;
  // The inverse of 2^18 modulo 5^18, split in 21-bit halves so every product fits in a long.
  private static final long INV =
      java.math.BigInteger.valueOf(TWO18)
          .modInverse(java.math.BigInteger.valueOf(FIVE18))
          .longValueExact();
  private static final long INV_HI = INV >>> 21;
  private static final long INV_LO = INV & ((1L << 21) - 1);

  /**
   * value mod 10^18 of a big-endian unsigned integer, by the Chinese remainder theorem: a = value
   * mod 2^18 is the low 18 bits; b = value mod 5^18 comes from Horner's rule over 16-bit limbs (r <
   * 5^18 < 2^42, so r * 2^16 + limb < 2^58 is exact); then value mod 10^18 = a + 2^18 * ((b - a) *
   * 2^-18 mod 5^18).
   */
  static long mod1e18(byte[] bigEndian) {
    int n = bigEndian.length;
    long a = 0;
    for (int k = 0; k < 3 && k < n; k++) {
      a |= (long) (bigEndian[n - 1 - k] & 0xFF) << (8 * k);
    }
    a &= TWO18 - 1;
    long b = 0;
    int start = n % 2;
    if (start == 1) {
      b = bigEndian[0] & 0xFF;
    }
    for (int i = start; i < n; i += 2) {
      int limb = ((bigEndian[i] & 0xFF) << 8) | (bigEndian[i + 1] & 0xFF);
      b = ((b << 16) + limb) % FIVE18;
    }
    long d = Math.floorMod(b - a, FIVE18);
    long k = ((d * INV_HI % FIVE18) * (1L << 21) % FIVE18 + d * INV_LO % FIVE18) % FIVE18;
    return a + TWO18 * k;
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
