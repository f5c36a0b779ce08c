package org.riskaudit.core.sampling;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The Rivest-Stark consistent sampler (Rivest 2018, "Consistent Sampling with Replacement", arXiv
 * 1808.10016; the reference "consistent_sampler.py"), used by Arlo. Every id gets a pseudo-random
 * ticket number that depends only on the seed and the id; the sample is the ids in increasing
 * ticket order, so the sample of a sub-population is the restriction of the full sample. With
 * replacement, a drawn id receives a next-generation ticket uniform on (its ticket, 1).
 */
public final class ConsistentSampler {
  private final String seedHash;

  /**
   * @param seed the public seed, hashed as the UTF-8 text given
   */
  public ConsistentSampler(String seed) {
    this.seedHash = Sha256.hex(Objects.requireNonNull(seed, "seed"));
  }

  /**
   * sha256_uniform(x): the SHA-256 digest of x as an unsigned integer in decimal, left-padded with
   * zeros to at least 64 digits, reversed, prefixed with "0." (sampling brief, section B).
   */
  public static String uniform(String x) {
    String decimal = Sha256.value(x).toString();
    StringBuilder b = new StringBuilder(80);
    for (int i = decimal.length(); i < 64; i++) {
      b.append('0');
    }
    b.append(decimal);
    return "0." + b.reverse();
  }

  /** The generation-1 ticket number: sha256_uniform(sha256_hex(seed) + id). */
  public String firstFraction(String id) {
    return uniform(seedHash + id);
  }

  /**
   * The next generation's number, uniform on (x, 1): keep "0." and the leading run of 9s of x, then
   * append fresh digits from sha256_uniform(x + ":" + i) for i = 1, 2, ... until the result exceeds
   * x + "0" in string order.
   */
  public static String nextFraction(String x) {
    String x0 = x + "0";
    int p = 2;
    while (p < x0.length() && x0.charAt(p) == '9') {
      p++;
    }
    String prefix = x0.substring(0, p);
    for (int i = 1; ; i++) {
      String y = prefix + uniform(x + ":" + i).substring(2);
      if (y.compareTo(x0) > 0) {
        return y;
      }
    }
  }

  /** The first-generation ticket of an id. */
  public Ticket firstTicket(String id) {
    return new Ticket(firstFraction(id), id, 1);
  }

  /** The next-generation ticket of the same id. */
  public static Ticket nextTicket(Ticket t) {
    return new Ticket(nextFraction(t.number()), t.id(), t.generation() + 1);
  }

  /**
   * Draws in ticket order.
   *
   * @param ids the population; duplicates are refused
   * @param withReplacement whether a drawn id gets a next-generation ticket
   * @param drop leading draws to leave out (an earlier round's sample)
   * @param take at most this many draws after those
   */
  public List<Ticket> sample(List<String> ids, boolean withReplacement, int drop, int take) {
    if (drop < 0 || take < 0) {
      throw new IllegalArgumentException("drop and take must be >= 0, got " + drop + ", " + take);
    }
    Set<String> seen = new HashSet<>();
    PriorityQueue<Ticket> heap = new PriorityQueue<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        throw new IllegalArgumentException(
            "id '" + id + "' appears twice; every card id must be unique");
      }
      heap.add(firstTicket(id));
    }
    List<Ticket> out = new ArrayList<>();
    int drawn = 0;
    while (!heap.isEmpty() && out.size() < take) {
      Ticket t = heap.poll();
      if (withReplacement) {
        heap.add(nextTicket(t));
      }
      if (drawn++ >= drop) {
        out.add(t);
      }
    }
    return out;
  }
}
