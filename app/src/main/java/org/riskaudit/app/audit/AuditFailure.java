package org.riskaudit.app.audit;

import java.util.List;
import org.riskaudit.formats.ImportProblem;

/**
 * The expected ways an audit command can fail, converted once at the edge: the command line prints
 * the message and exits non-zero, the web application answers with the matching status.
 */
public abstract sealed class AuditFailure extends RuntimeException
    permits AuditFailure.Refused, AuditFailure.BadInput, AuditFailure.NotFound {

  AuditFailure(String message) {
    super(message);
  }

  /** The command is not allowed now (out of order, or a rule); nothing was written. */
  public static final class Refused extends AuditFailure {
    public Refused(String message) {
      super(message);
    }
  }

  /** An input file or value is wrong; every problem is listed; nothing was written. */
  public static final class BadInput extends AuditFailure {
    private final transient List<ImportProblem> problems;

    public BadInput(String message, List<ImportProblem> problems) {
      super(message);
      this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
      return problems;
    }
  }

  /** The audit, county, card or file named does not exist. */
  public static final class NotFound extends AuditFailure {
    public NotFound(String message) {
      super(message);
    }
  }
}
