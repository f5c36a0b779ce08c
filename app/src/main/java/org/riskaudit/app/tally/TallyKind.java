package org.riskaudit.app.tally;

/** What a tally record holds: California's 1 % manual tally, or a batch comparison audit. */
public enum TallyKind {
  ONE_PERCENT("one-percent", "precinct"),
  BATCH("batch-comparison", "batch");

  private final String code;
  private final String unit;

  TallyKind(String code, String unit) {
    this.code = code;
    this.unit = unit;
  }

  /** The name in tally-record.json. */
  public String code() {
    return code;
  }

  /** What a counted group of ballots is called, and the name of its column in the tables. */
  public String unit() {
    return unit;
  }

  public static TallyKind of(String code) {
    for (TallyKind k : values()) {
      if (k.code.equals(code)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown tally kind '" + code + "'; expected one-percent or batch-comparison");
  }
}
