package org.riskaudit.formats.dominion;

import java.util.ArrayList;
import java.util.List;
import org.riskaudit.formats.ImportProblem;

/**
 * Collects import problems, keeping memory bounded: after {@value #MAX_KEPT} problems of a kind the
 * rest are counted and summarised in one final problem. Thread-safe.
 */
final class Problems {
  static final int MAX_KEPT = 1000;
  private final List<ImportProblem> kept = new ArrayList<>();
  private long droppedErrors;
  private long droppedOthers;

  synchronized void add(ImportProblem p) {
    if (kept.size() < MAX_KEPT) {
      kept.add(p);
    } else if (p.isError()) {
      droppedErrors++;
    } else {
      droppedOthers++;
    }
  }

  void error(String file, long line, String column, String what, String fix) {
    add(ImportProblem.error(file, line, column, what, fix));
  }

  synchronized long errorCount() {
    return droppedErrors + kept.stream().filter(ImportProblem::isError).count();
  }

  synchronized boolean hasErrors() {
    return droppedErrors > 0 || kept.stream().anyMatch(ImportProblem::isError);
  }

  synchronized List<ImportProblem> list() {
    List<ImportProblem> out = new ArrayList<>(kept);
    if (droppedErrors > 0) {
      out.add(
          ImportProblem.error(
              "(all files)",
              0,
              "",
              droppedErrors + " more errors not listed (only the first " + MAX_KEPT + " are kept)",
              "fix the listed errors and import again"));
    }
    if (droppedOthers > 0) {
      out.add(
          ImportProblem.warning(
              "(all files)", 0, "", droppedOthers + " more warnings/notes not listed", ""));
    }
    return out;
  }
}
