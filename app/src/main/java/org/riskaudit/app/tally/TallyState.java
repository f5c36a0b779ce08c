package org.riskaudit.app.tally;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.riskaudit.app.audit.HashedFile;
import org.riskaudit.core.audit.Seed;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.core.batch.BatchMethods;
import org.riskaudit.core.risk.RiskLimit;

/**
 * The facts of a tally, everything else is computed from them ({@link TallyComputation}): what kind
 * of tally, the public seed, the machine counts of every precinct or batch (which also give the
 * precinct list), the contests, the officials' choices (discretionary precincts; the batch audit's
 * contests, risk limit, test, commingled batches and round sizes) and the entered tally-sheet
 * lines. A tally record stores exactly these as inputs; {@code verify} recomputes the rest.
 *
 * @param source where the machine counts came from, and the hashes of those files
 * @param machine machine counts per precinct (1 %) or reporting batch (before merging)
 */
public record TallyState(
    TallyKind kind,
    String election,
    String seed,
    Source source,
    List<TallyContest> contests,
    List<Batch> machine,
    OnePercent onePercent,
    BatchSettings batch,
    List<HandLine> hand) {

  public TallyState {
    Objects.requireNonNull(kind, "kind");
    election = election == null ? "" : election;
    new Seed(seed);
    contests = List.copyOf(contests);
    machine = List.copyOf(machine);
    hand = List.copyOf(hand);
    if ((kind == TallyKind.ONE_PERCENT) != (onePercent != null)
        || (kind == TallyKind.BATCH) != (batch != null)) {
      throw new IllegalArgumentException("a " + kind.code() + " tally needs its own settings");
    }
  }

  /** The machine counts' origin: a description and the hashed input files. */
  public record Source(String description, List<HashedFile> inputs) {
    public Source {
      inputs = List.copyOf(inputs);
    }
  }

  /**
   * The 1 % tally's settings.
   *
   * @param discretionary precincts an official added, in the order given; never random
   * @param ballotLevelRiskLimit the risk limit of the ballot-level RLA "what did it buy?" compares
   *     with (5 % by default)
   */
  public record OnePercent(List<String> discretionary, BigDecimal ballotLevelRiskLimit) {
    public OnePercent {
      discretionary = List.copyOf(discretionary);
      RiskLimit.check(ballotLevelRiskLimit.doubleValue());
    }
  }

  /** Commingled reporting batches audited as one batch under {@code id}. */
  public record Merge(String id, List<String> parts) {
    public Merge {
      Objects.requireNonNull(id, "id");
      parts = List.copyOf(parts);
      if (parts.size() < 2) {
        throw new IllegalArgumentException(
            "commingled batch '" + id + "' must combine at least two batches, got " + parts);
      }
    }
  }

  /**
   * One round of a batch audit: the next {@code draws} numbers of the PPS stream, or a full hand
   * count of every batch.
   */
  public record Round(int number, int draws, boolean fullHandCount) {
    public Round {
      if (number < 1 || draws < 0 || (!fullHandCount && draws < 1)) {
        throw new IllegalArgumentException(
            "round " + number + " must draw at least one batch, got " + draws);
      }
    }
  }

  /**
   * The batch comparison audit's settings.
   *
   * @param contests the contests audited together (MACRO's maximum across them)
   * @param fullCountFraction escalate to a full hand count when the next round is expected to bring
   *     at least this share of all cards to the counting tables
   */
  public record BatchSettings(
      List<String> contests,
      BigDecimal riskLimit,
      BatchMethods.Method method,
      List<Merge> merges,
      double fullCountFraction,
      List<Round> rounds) {
    public BatchSettings {
      contests = List.copyOf(contests);
      merges = List.copyOf(merges);
      rounds = List.copyOf(rounds);
      RiskLimit.check(riskLimit.doubleValue());
      Objects.requireNonNull(method, "method");
      if (!(fullCountFraction > 0 && fullCountFraction <= 1)) {
        throw new IllegalArgumentException(
            "the full-count fraction must be in (0, 1], got " + fullCountFraction);
      }
      if (contests.isEmpty()) {
        throw new IllegalArgumentException("a batch audit needs at least one contest");
      }
    }

    public double alpha() {
      return riskLimit.doubleValue();
    }

    BatchSettings withRound(Round r) {
      List<Round> more = new ArrayList<>(rounds);
      more.add(r);
      return new BatchSettings(contests, riskLimit, method, merges, fullCountFraction, more);
    }
  }

  public TallyState withHand(List<HandLine> lines) {
    return new TallyState(
        kind, election, seed, source, contests, machine, onePercent, batch, lines);
  }

  public TallyState withRound(Round r) {
    return new TallyState(
        kind, election, seed, source, contests, machine, onePercent, batch.withRound(r), hand);
  }

  /** The contest's definition, or throws naming it. */
  public TallyContest contest(String name) {
    return contests.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "contest '" + name + "' is not in the machine counts of this tally"));
  }
}
