package org.riskaudit.formats.generate;

import java.util.Locale;

/** The export a generated county is written in (docs/formats.md, "Generated elections"). */
public enum CountyFormat {
  /** Dominion JSON and/or CSV, as the generator's json/csv options say (the default). */
  DOMINION("dominion", "dominion-json / dominion-csv"),
  /** Dominion JSON only, in {@code dominion-json/<county>/} (or a zip), whatever json/csv say. */
  DOMINION_JSON("dominion-json", "dominion-json"),
  /** Dominion CSV only, in {@code dominion-csv/<county>.csv}, whatever json/csv say. */
  DOMINION_CSV("dominion-csv", "dominion-csv"),
  /** ES&S: a CVR CSV and a Ballots report, in {@code ess/<county>/}; tabulators 1001, 1002, ... */
  ESS("ess", "ess"),
  /** Clear Ballot (ClearVote) CSV, in {@code clearballot/<county>.csv}. */
  CLEARBALLOT("clearballot", "clearballot"),
  /** NIST SP 1500-103 CVR report (JSON), in {@code nist/<county>.json}. */
  NIST("nist", "nist"),
  /**
   * No CVRs: only reported votes per batch, in {@code batch-totals/<county>.csv} ({@code
   * county,tabulator,batch,contest,choice,votes}), for a county audited with ONEAudit pools.
   */
  BATCH_TOTALS("batch-totals", "batch totals (no CVRs)");

  private final String option;
  private final String importFormat;

  CountyFormat(String option, String importFormat) {
    this.option = option;
    this.importFormat = importFormat;
  }

  /** The name used on the command line ({@code --county-format "Alpine=batch-totals"}). */
  public String option() {
    return option;
  }

  /** The {@code --format} to import it with (or a description for batch totals). */
  public String importFormat() {
    return importFormat;
  }

  /** Whether this county gets a Dominion JSON export, given the generator's json option. */
  boolean writesJson(boolean json) {
    return this == DOMINION_JSON || (this == DOMINION && json);
  }

  /** Whether this county gets a Dominion CSV export, given the generator's csv option. */
  boolean writesCsv(boolean csv) {
    return this == DOMINION_CSV || (this == DOMINION && csv);
  }

  /** Parses a command-line name, with a message listing the names when it is unknown. */
  public static CountyFormat parse(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (CountyFormat f : values()) {
      if (f.option.equals(n)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown county format '"
            + name
            + "'; use one of dominion, dominion-json, dominion-csv, ess, clearballot, nist,"
            + " batch-totals");
  }
}
