package org.riskaudit.core.audit;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.riskaudit.core.audit.AuditCommand.CommitInputs;
import org.riskaudit.core.audit.AuditCommand.Complete;
import org.riskaudit.core.audit.AuditCommand.EndRound;
import org.riskaudit.core.audit.AuditCommand.ImportInput;
import org.riskaudit.core.audit.AuditCommand.RecordInterpretation;
import org.riskaudit.core.audit.AuditCommand.SetSeed;
import org.riskaudit.core.audit.AuditCommand.SignOff;
import org.riskaudit.core.audit.AuditCommand.StartFullHandCount;
import org.riskaudit.core.audit.AuditCommand.StartRound;

/**
 * The audit workflow as a pure state machine: {@code (state, command) -> Outcome}. The transition
 * table {@link #TRANSITIONS} is the single source of which command is allowed in which stage; the
 * messages of refusals say what must happen first. See docs/lifecycle.md.
 */
public final class Lifecycle {

  /** One row of the transition table; {@code to} is null when the command keeps the stage. */
  public record Transition(String command, Set<AuditStage> from, AuditStage to) {}

  /** Which command moves the audit from which stages to which stage. */
  public static final List<Transition> TRANSITIONS =
      List.of(
          new Transition("import", EnumSet.of(AuditStage.DEFINED), AuditStage.DEFINED),
          new Transition("commit", EnumSet.of(AuditStage.DEFINED), AuditStage.INPUTS_COMMITTED),
          new Transition("seed", EnumSet.of(AuditStage.INPUTS_COMMITTED), AuditStage.SEEDED),
          new Transition(
              "draw",
              EnumSet.of(AuditStage.SEEDED, AuditStage.ROUND_ENDED),
              AuditStage.ROUND_IN_PROGRESS),
          new Transition(
              "record", EnumSet.of(AuditStage.ROUND_IN_PROGRESS, AuditStage.FULL_HAND_COUNT), null),
          new Transition(
              "sign-off", EnumSet.of(AuditStage.ROUND_IN_PROGRESS), AuditStage.ROUND_IN_PROGRESS),
          new Transition(
              "end-round", EnumSet.of(AuditStage.ROUND_IN_PROGRESS), AuditStage.ROUND_ENDED),
          new Transition(
              "complete",
              EnumSet.of(AuditStage.ROUND_ENDED, AuditStage.FULL_HAND_COUNT),
              AuditStage.COMPLETE),
          new Transition(
              "full-hand-count", EnumSet.of(AuditStage.ROUND_ENDED), AuditStage.FULL_HAND_COUNT));

  private Lifecycle() {}

  /** Applies {@code command} to {@code state}; never throws for a refused command. */
  public static Outcome apply(AuditState state, AuditCommand command) {
    AuditStage s = state.stage();
    Transition t = transition(command.name());
    if (!t.from().contains(s)) {
      return new Outcome.Refused(s, command.name(), whyNot(s, command));
    }
    if (command instanceof ImportInput) {
      return accepted(state);
    }
    if (command instanceof CommitInputs || command instanceof Complete) {
      return accepted(state.withStage(t.to()));
    }
    if (command instanceof StartFullHandCount) {
      return accepted(state.withStage(t.to()));
    }
    if (command instanceof SetSeed seed) {
      return accepted(
          new AuditState(t.to(), Optional.of(seed.seed()), 0, Set.of(), Map.of(), Set.of()));
    }
    if (command instanceof StartRound round) {
      Set<String> drawn = new HashSet<>(state.drawnCards());
      drawn.addAll(round.drawnCards());
      return accepted(
          new AuditState(
              t.to(), state.seed(), state.round() + 1, drawn, state.latestRevision(), Set.of()));
    }
    if (command instanceof RecordInterpretation r) {
      return record(state, r);
    }
    if (command instanceof SignOff signOff) {
      Set<String> people = new HashSet<>(state.signedOff());
      people.add(signOff.person());
      return accepted(
          new AuditState(
              s, state.seed(), state.round(), state.drawnCards(), state.latestRevision(), people));
    }
    if (command instanceof EndRound) {
      if (state.signedOff().size() < AuditState.SIGN_OFFS_PER_ROUND) {
        return new Outcome.Refused(
            s,
            command.name(),
            "Cannot end round "
                + state.round()
                + ": "
                + state.signedOff().size()
                + " of "
                + AuditState.SIGN_OFFS_PER_ROUND
                + " required people have signed it off. Two different people must run"
                + " 'riskaudit audit sign-off' first.");
      }
      return accepted(state.withStage(t.to()));
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

  private static Outcome record(AuditState state, RecordInterpretation r) {
    AuditStage s = state.stage();
    if (s == AuditStage.ROUND_IN_PROGRESS && !state.drawnCards().contains(r.cardId())) {
      return new Outcome.Refused(
          s,
          r.name(),
          "Card '"
              + r.cardId()
              + "' was not drawn in this audit; only drawn cards can be recorded. Check the card"
              + " id against the retrieval list.");
    }
    int latest = state.latestRevision().getOrDefault(r.cardId(), 0);
    if (r.revision() != latest + 1) {
      String fix =
          latest == 0
              ? "Record it as revision 1."
              : "It already has revision "
                  + latest
                  + "; to change it, record an explicit revision "
                  + (latest + 1)
                  + ".";
      return new Outcome.Refused(
          s,
          r.name(),
          "Card '" + r.cardId() + "' cannot be recorded as revision " + r.revision() + ". " + fix);
    }
    Map<String, Integer> revisions = new HashMap<>(state.latestRevision());
    revisions.put(r.cardId(), r.revision());
    return accepted(
        new AuditState(
            s, state.seed(), state.round(), state.drawnCards(), revisions, state.signedOff()));
  }

  private static String whyNot(AuditStage s, AuditCommand c) {
    boolean seeded = s.compareTo(AuditStage.SEEDED) >= 0;
    return switch (c.name()) {
      case "import" ->
          seeded
              ? "Cannot import '"
                  + ((ImportInput) c).fileName()
                  + "': the seed has been set, so the inputs are final. Inputs can only change"
                  + " before they are committed ('riskaudit audit check --commit')."
              : "Cannot import '"
                  + ((ImportInput) c).fileName()
                  + "': the inputs are already committed and frozen. Inputs can only change before"
                  + " they are committed ('riskaudit audit check --commit').";
      case "commit" -> "Cannot commit the inputs: they were already committed (stage " + s + ").";
      case "seed" ->
          seeded
              ? "Cannot change the seed: it was set once and never changes."
              : "Cannot set the seed: the inputs are not committed yet. Run 'riskaudit audit"
                  + " check --commit' after importing every manifest, CVR file and reported"
                  + " result.";
      case "draw" ->
          !seeded
              ? "Cannot draw a sample: the seed has not been set. Run 'riskaudit audit seed' after"
                  + " committing the inputs."
              : s == AuditStage.ROUND_IN_PROGRESS
                  ? "Cannot start a new round: round "
                      + "is still in progress. Sign it off and end it first ('riskaudit audit"
                      + " next-round')."
                  : "Cannot draw a sample: the audit is " + s + ".";
      case "record" ->
          "Cannot record an interpretation: no round is in progress (stage "
              + s
              + "). Draw a sample first ('riskaudit audit sample').";
      case "sign-off", "end-round" ->
          "Cannot " + c.name() + ": no round is in progress (stage " + s + ").";
      case "complete" ->
          "Cannot complete the audit in stage " + s + ": end the current round first.";
      case "full-hand-count" ->
          "Cannot start a full hand count in stage " + s + ": end the current round first.";
      default -> "Command " + c.name() + " is not allowed in stage " + s + ".";
    };
  }

  private static Transition transition(String command) {
    for (Transition t : TRANSITIONS) {
      if (t.command().equals(command)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no transition for " + command);
  }

  private static Outcome accepted(AuditState state) {
    return new Outcome.Accepted(state);
  }
}
