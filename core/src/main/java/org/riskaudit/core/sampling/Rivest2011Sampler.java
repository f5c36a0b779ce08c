package org.riskaudit.core.sampling;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Rivest's 2011 pseudo-random sampler ("sampler.py", version of November 14, 2011), used by
 * Colorado: the i-th candidate is a + (SHA-256(seed + "," + i) mod N) with N = b - a + 1, the hash
 * input encoded as UTF-8 and the digest read as an unsigned big-endian integer. Without replacement
 * a repeated value is discarded and the counter moves on. Expansion by {@code skip} re-derives the
 * first {@code skip} accepted values and returns the following ones.
 */
public final class Rivest2011Sampler {
  private final String seed;

  public Rivest2011Sampler(String seed) {
    this.seed = Objects.requireNonNull(seed, "seed");
  }

  /** The i-th hash value SHA-256(seed + "," + i) (i >= 1), as an unsigned integer. */
  public BigInteger hash(long counter) {
    return Sha256.value(seed + "," + counter);
  }

  /**
   * Draws in generation order.
   *
   * @param a smallest value (inclusive)
   * @param b largest value (inclusive), at least a
   * @param n total number of values wanted including the skipped prefix
   * @param withReplacement whether a value may repeat
   * @param skip number of leading accepted values to leave out (an earlier round's sample)
   * @return the accepted values number skip+1 .. n
   */
  public List<Long> draw(long a, long b, int n, boolean withReplacement, int skip) {
    if (b < a) {
      throw new IllegalArgumentException("the range must not be empty: a=" + a + " > b=" + b);
    }
    if (n < 0 || skip < 0 || skip > n) {
      throw new IllegalArgumentException(
          "need 0 <= skip <= count, got skip=" + skip + " and count=" + n);
    }
    BigInteger size = BigInteger.valueOf(b - a + 1);
    if (!withReplacement && n > b - a + 1) {
      throw new IllegalArgumentException(
          "cannot draw "
              + n
              + " distinct values without replacement from a population of "
              + (b - a + 1));
    }
    List<Long> out = new ArrayList<>(n - skip);
    Set<Long> seen = new HashSet<>();
    int accepted = 0;
    for (long counter = 1; accepted < n; counter++) {
      long pick = a + hash(counter).mod(size).longValueExact();
      if (!withReplacement && !seen.add(pick)) {
        continue;
      }
      accepted++;
      if (accepted > skip) {
        out.add(pick);
      }
    }
    return out;
  }
}
