package org.riskaudit.core.audit;

import java.util.Objects;

/** The result of applying a command: the new state, or a refusal saying what must happen first. */
public sealed interface Outcome {

  /** The command was accepted. */
  record Accepted(AuditState state) implements Outcome {
    public Accepted {
      Objects.requireNonNull(state, "state");
    }
  }

  /**
   * The command was refused; the state is unchanged.
   *
   * @param stage the stage the audit was in
   * @param command the refused command's name
   * @param message the rule, the value and the fix, for the user
   */
  record Refused(AuditStage stage, String command, String message) implements Outcome {
    public Refused {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The new state; throws {@link IllegalStateException} with the refusal's message if refused. */
  default AuditState orThrow() {
    if (this instanceof Accepted a) {
      return a.state();
    }
    throw new IllegalStateException(((Refused) this).message());
  }
}
