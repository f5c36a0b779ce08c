package org.riskaudit.core.sampling;

import java.util.Objects;

/**
 * A ticket of the Rivest-Stark consistent sampler: a full-precision decimal fraction in (0, 1)
 * written as "0.ddd...", the id it belongs to, and its generation (1 for the first ticket of an id;
 * later generations exist only when sampling with replacement). Tickets order by number, then id,
 * then generation, exactly as the reference implementation's tuples do.
 */
public record Ticket(String number, String id, int generation) implements Comparable<Ticket> {
  public Ticket {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(id, "id");
    if (!number.startsWith("0.")) {
      throw new IllegalArgumentException("a ticket number must look like 0.ddd, got " + number);
    }
    if (generation < 1) {
      throw new IllegalArgumentException("generation must be >= 1, got " + generation);
    }
  }

  @Override
  public int compareTo(Ticket o) {
    int c = number.compareTo(o.number);
    if (c != 0) {
      return c;
    }
    c = id.compareTo(o.id);
    return c != 0 ? c : Integer.compare(generation, o.generation);
  }

  /**
   * The ticket number truncated (never rounded) to {@code digits} significant digits after the
   * leading run of 9s, as the reference implementation displays it.
   */
  public String display(int digits) {
    int p = 2;
    while (p < number.length() && number.charAt(p) == '9') {
      p++;
    }
    return number.substring(0, Math.min(number.length(), p + digits));
  }
}
