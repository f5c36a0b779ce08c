package org.riskaudit.formats.generate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An export the generator can write a county in (docs/formats.md, "Generated elections"). Each is
 * written exactly as RiskAudit's own importer of that format reads it; the name on the command line
 * is the importer's {@code --format} name.
 */
public enum OutputFormat {
  /** Dominion JSON, in {@code dominion-json/<county>/} (or {@code <county>.zip} with zip). */
  DOMINION_JSON("dominion-json"),
  /** Dominion CSV, in {@code dominion-csv/<county>.csv}. */
  DOMINION_CSV("dominion-csv"),
  /** ES&S: a CVR CSV and a Ballots report, in {@code ess/<county>/}; tabulators 1001, 1002, ... */
  ESS("ess"),
  /**
   * Hart Verity: a zip of one XML per sheet and the scanned-ballot information CSV, in {@code
   * hart/<county>/}.
   */
  HART("hart"),
  /** Clear Ballot (ClearVote) CSV, in {@code clearballot/<county>.csv}. */
  CLEARBALLOT("clearballot"),
  /** NIST SP 1500-103 CVR report (JSON), in {@code nist/<county>.json}. */
  NIST("nist"),
  /** NIST SP 1500-103 CVR report (XML), in {@code nist-xml/<county>.xml}. */
  NIST_XML("nist-xml"),
  /**
   * No CVRs: only reported votes per batch, in {@code batch-totals/<county>.csv} ({@code
   * county,tabulator,batch,contest,choice,votes}), for a county audited with ONEAudit pools.
   */
  BATCH_TOTALS("batch-totals");

  private final String option;

  OutputFormat(String option) {
    this.option = option;
  }

  /**
   * The name used on the command line ({@code --county-format "Alpine=batch-totals"}), which is
   * also the CVR importer's {@code --format} name for every format but batch totals.
   */
  public String option() {
    return option;
  }

  /** Whether the county gets CVRs (every format but batch totals). */
  public boolean hasCvrs() {
    return this != BATCH_TOTALS;
  }

  /** Parses a command-line name, with a message listing the names when it is unknown. */
  public static OutputFormat parse(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (OutputFormat f : values()) {
      if (f.option.equals(n)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown output format '" + name + "'; use one of " + names());
  }

  /** Every command-line name, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(OutputFormat::option).collect(Collectors.joining(", "));
  }
}
