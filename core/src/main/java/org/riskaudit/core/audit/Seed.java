package org.riskaudit.core.audit;

import java.util.Objects;

/**
 * The public random seed: at least {@value #MIN_DIGITS} decimal digits rolled on dice in public.
 *
 * @param digits the digits exactly as announced (only 0-9)
 */
public record Seed(String digits) {
  /** Minimum number of decimal digits (workflow brief, step 3). */
  public static final int MIN_DIGITS = 20;

  public Seed {
    Objects.requireNonNull(digits, "seed");
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(
            "The seed must contain only decimal digits 0-9; character '"
                + c
                + "' at position "
                + (i + 1)
                + " is not one. Enter the dice rolls as digits without spaces.");
      }
    }
    if (digits.length() < MIN_DIGITS) {
      throw new IllegalArgumentException(
          "The seed must have at least "
              + MIN_DIGITS
              + " decimal digits, got "
              + digits.length()
              + ". Roll more dice in public and enter all the digits.");
    }
  }

  @Override
  public String toString() {
    return digits;
  }
}
