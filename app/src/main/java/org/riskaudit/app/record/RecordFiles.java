package org.riskaudit.app.record;

/**
 * The names of an audit record's files (docs/audit-record.md). Format version {@value #VERSION}.
 */
public final class RecordFiles {
  private RecordFiles() {}

  public static final String FORMAT = "riskaudit-audit-record";
  public static final int VERSION = 1;

  public static final String INDEX = "audit-record.json";
  public static final String MANIFEST = "inputs/manifest.csv";
  public static final String RESULTS = "inputs/reported-results.csv";
  public static final String BATCH_TOTALS = "inputs/batch-totals.csv";
  public static final String INPUT_FILES = "inputs/input-files.csv";
  public static final String RECONCILIATION = "inputs/reconciliation.json";
  public static final String TALLIES = "tallies.csv";
  public static final String SAMPLED_CVRS = "cvrs/sampled";
  public static final String ALL_CVRS = "cvrs/all";
  public static final String DRAWS = "draws.csv";
  public static final String INTERPRETATIONS = "interpretations.csv";
  public static final String DISCREPANCIES = "discrepancies.csv";
  public static final String RISK = "risk.csv";
  public static final String ROUNDS = "rounds.csv";
  public static final String SIGN_OFFS = "sign-offs.csv";
  public static final String HAND_TALLIES = "hand-tallies.csv";
  public static final String LOG = "activity-log.csv";
}
