package org.riskaudit.core.audit;

import java.util.Objects;
import java.util.Set;

/** What a user asks the audit to do; {@link Lifecycle#apply} accepts or refuses it. */
public sealed interface AuditCommand {

  /** A short name for messages and the activity log. */
  String name();

  /** Add or replace an input file (manifest, CVR export, reported results) before the commit. */
  record ImportInput(String fileName) implements AuditCommand {
    public ImportInput {
      Objects.requireNonNull(fileName, "fileName");
    }

    @Override
    public String name() {
      return "import";
    }
  }

  /** Freeze the inputs after hashing and reconciliation showed no blocking problem. */
  record CommitInputs() implements AuditCommand {
    @Override
    public String name() {
      return "commit";
    }
  }

  /** Enter the public seed, once. */
  record SetSeed(Seed seed) implements AuditCommand {
    public SetSeed {
      Objects.requireNonNull(seed, "seed");
    }

    @Override
    public String name() {
      return "seed";
    }
  }

  /**
   * Estimate sample sizes and draw the cards of a new round (continuing the same ticket stream).
   *
   * @param drawnCards canonical ids of the cards drawn for this round (cumulative draws allowed)
   */
  record StartRound(Set<String> drawnCards) implements AuditCommand {
    public StartRound {
      drawnCards = Set.copyOf(Objects.requireNonNull(drawnCards, "drawnCards"));
    }

    @Override
    public String name() {
      return "draw";
    }
  }

  /**
   * An audit board's interpretation of a drawn card.
   *
   * @param cardId canonical card id
   * @param revision 1 for the first record, n+1 to revise the n-th explicitly
   */
  record RecordInterpretation(String cardId, int revision) implements AuditCommand {
    public RecordInterpretation {
      Objects.requireNonNull(cardId, "cardId");
      if (revision < 1) {
        throw new IllegalArgumentException("revision must be at least 1, got " + revision);
      }
    }

    @Override
    public String name() {
      return "record";
    }
  }

  /**
   * One person (an audit-board member or a county administrator) signs off the current round for a
   * county.
   */
  record SignOff(String county, String person) implements AuditCommand {
    public SignOff {
      Objects.requireNonNull(county, "county");
      Objects.requireNonNull(person, "person");
      if (person.isBlank()) {
        throw new IllegalArgumentException("the person signing off must be named");
      }
    }

    /** A sign-off for a single-county audit (the county is "" in messages). */
    public SignOff(String person) {
      this("", person);
    }

    @Override
    public String name() {
      return "sign-off";
    }
  }

  /** End the round after risk was measured. */
  record EndRound() implements AuditCommand {
    @Override
    public String name() {
      return "end-round";
    }
  }

  /** Every targeted contest met the risk limit: the audit is complete. */
  record Complete() implements AuditCommand {
    @Override
    public String name() {
      return "complete";
    }
  }

  /** Escalate to a full hand count of the contests that did not meet the risk limit. */
  record StartFullHandCount() implements AuditCommand {
    @Override
    public String name() {
      return "full-hand-count";
    }
  }
}
