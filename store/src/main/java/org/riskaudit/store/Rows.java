package org.riskaudit.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.ContestRole;
import org.riskaudit.core.contest.ContestRule;

/** The stored rows, one record per table: plain values, no behaviour (docs/store.md). */
public final class Rows {
  private Rows() {}

  /** An audit: its lifecycle stage, risk limit, seed once set, and free-form settings text. */
  public record AuditRow(
      String auditId,
      String name,
      AuditStage stage,
      BigDecimal riskLimit,
      String seed,
      String settings,
      Instant createdAt) {
    public AuditRow {
      Objects.requireNonNull(auditId, "auditId");
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(riskLimit, "riskLimit");
      settings = settings == null ? "" : settings;
    }
  }

  /** A county taking part, with its audit type. */
  public record CountyRow(String auditId, String county, AuditType auditType) {}

  /**
   * A contest of the audit: its role (targeted or opportunistic), audit type, rule, number of
   * winners and the winning share (exact decimal text, 0.5 unless a supermajority).
   */
  public record ContestRow(
      String auditId,
      String contest,
      ContestRole role,
      AuditType auditType,
      int winners,
      ContestRule rule,
      String share) {}

  /** A contest as a CVR export defines it: Vote For and the number of ranks (0 unless RCV). */
  public record ContestDefinitionRow(String auditId, String contest, int voteFor, int ranks) {}

  /**
   * Votes per choice of one contest in one county from a source: {@code cvr} (the independent
   * tabulation of the committed CVRs) or {@code pool} (the sum of a ONEAudit county's batch
   * totals).
   */
  public record TallyRow(
      String auditId, String source, String county, String contest, String choice, long votes) {}

  /** A reported vote total of one choice in one batch (ONEAudit pools). */
  public record BatchResultRow(
      String auditId,
      String county,
      String tabulator,
      String batch,
      String contest,
      String choice,
      long votes) {}

  /** Hand-counted votes of one choice on one tally sheet of a batch (full hand count). */
  public record HandTallyRow(
      String auditId,
      String county,
      String tabulator,
      String batch,
      String contest,
      String choice,
      int sheet,
      long votes,
      String recordedBy,
      Instant recordedAt) {}

  /** A document kept with the audit (the reconciliation report at commit, ...). */
  public record DocumentRow(String auditId, String name, String content, Instant createdAt) {}

  /**
   * A committed input file and its SHA-256; {@code logSeq} is the sequence number of the import's
   * activity-log entry (0 when unknown: imported before schema version 5).
   */
  public record InputFileRow(
      String auditId,
      String county,
      String name,
      String kind,
      String sha256,
      long sizeBytes,
      Instant importedAt,
      long logSeq) {
    public InputFileRow {
      if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            "sha256 of '" + name + "' must be 64 lowercase hex digits, got " + sha256);
      }
    }
  }

  /** One batch of a ballot manifest. */
  public record ManifestBatchRow(
      String auditId, String county, String tabulator, String batch, int cards, String container) {}

  /** A reported vote total for one choice in one county. */
  public record ReportedResultRow(
      String auditId, String county, String contest, String choice, long votes) {}

  /** A round of the audit. */
  public record RoundRow(String auditId, int roundNo, Instant startedAt, Instant endedAt) {}

  /**
   * A card drawn for a contest in a round: its draw number in the contest's ticket stream, the
   * full-precision ticket number and generation, and how many draws of all contests the card
   * answers.
   */
  public record DrawRow(
      String auditId,
      int roundNo,
      String contest,
      int drawNo,
      String cardId,
      String ticket,
      int generation,
      int multiplicity) {}

  /** What an audit board saw on a card (status FOUND, NOT_FOUND or NO_CONSENSUS). */
  public record InterpretationRow(
      String auditId,
      int roundNo,
      String cardId,
      int revision,
      String status,
      String votes,
      String recordedBy,
      Instant recordedAt) {
    public InterpretationRow {
      if (revision < 1) {
        throw new IllegalArgumentException("revision must be at least 1, got " + revision);
      }
    }
  }

  /** One person's sign-off of a round for a county. */
  public record SignOffRow(
      String auditId, int roundNo, String county, String person, Instant signedAt) {}

  /** The measured risk of one assertion after a round. */
  public record RiskMeasurementRow(
      String auditId,
      int roundNo,
      String contest,
      String assertion,
      int sampleSize,
      double pValue) {}
}
