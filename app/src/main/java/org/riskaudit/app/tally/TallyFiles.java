package org.riskaudit.app.tally;

/**
 * The names of a tally record's files (docs/manual-tally.md, "The tally record"). A tally is
 * file-based: its folder is its record, and every {@code riskaudit tally} command rewrites the
 * derived files and the index. Format version {@value #VERSION}.
 */
public final class TallyFiles {
  private TallyFiles() {}

  public static final String FORMAT = "riskaudit-tally-record";
  public static final int VERSION = 1;

  public static final String INDEX = "tally-record.json";
  public static final String MACHINE_COUNTS = "machine-counts.csv";
  public static final String PRECINCTS = "precincts.csv";
  public static final String SELECTION = "selection.csv";
  public static final String BATCHES = "batches.csv";
  public static final String DRAWS = "draws.csv";
  public static final String HAND_TALLY = "hand-tally.csv";
  public static final String COMPARISON = "comparison.csv";
  public static final String WHAT_IT_BOUGHT = "what-it-bought.csv";
  public static final String RISK = "risk.csv";
  public static final String ROUNDS = "rounds.csv";
  public static final String FULL_COUNT = "full-count.csv";
  public static final String REPORT = "report.pdf";
  public static final String ACTIVITY_LOG = "activity-log.csv";

  /** True when the folder holds a tally record (and not an audit record). */
  public static boolean isTallyRecord(java.nio.file.Path dir) {
    return java.nio.file.Files.isRegularFile(dir.resolve(INDEX));
  }
}
