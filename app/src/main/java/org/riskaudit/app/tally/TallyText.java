package org.riskaudit.app.tally;

import java.math.BigDecimal;
import java.math.MathContext;

/** How the tally's printouts and messages write numbers. */
public final class TallyText {
  private TallyText() {}

  /** A probability as a percentage to 4 significant digits: "5 %", "87.07 %", "0.03125 %". */
  public static String percent(double p) {
    return new BigDecimal(100 * p).round(new MathContext(4)).stripTrailingZeros().toPlainString()
        + " %";
  }
}
