package org.riskaudit.core.audit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle state of one audit: everything {@link Lifecycle} needs to accept or refuse a
 * command. Immutable; each accepted command yields a new state.
 *
 * @param stage current stage
 * @param seed the seed once set, else empty
 * @param round current or last round number, 0 before the first round
 * @param drawnCards canonical ids of every card drawn so far (all rounds)
 * @param latestRevision per card, the revision of its latest recorded interpretation
 * @param signedOff people who signed off the current round
 */
public record AuditState(
    AuditStage stage,
    Optional<Seed> seed,
    int round,
    Set<String> drawnCards,
    Map<String, Integer> latestRevision,
    Set<String> signedOff) {

  /** Distinct people needed to sign off a round (an audit board has at least two members). */
  public static final int SIGN_OFFS_PER_ROUND = 2;

  public AuditState {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(seed, "seed");
    if (round < 0) {
      throw new IllegalArgumentException("round must be at least 0, got " + round);
    }
    drawnCards = Set.copyOf(drawnCards);
    latestRevision = Map.copyOf(latestRevision);
    signedOff = Set.copyOf(signedOff);
  }

  /** A newly defined audit. */
  public static AuditState defined() {
    return new AuditState(AuditStage.DEFINED, Optional.empty(), 0, Set.of(), Map.of(), Set.of());
  }

  AuditState withStage(AuditStage next) {
    return new AuditState(next, seed, round, drawnCards, latestRevision, signedOff);
  }
}
