package org.riskaudit.app.tally;

import java.util.ArrayList;
import java.util.List;
import org.riskaudit.app.record.VerifyReport;

/** What {@code verify} checked in a tally record: each item that matched and each that did not. */
public final class TallyVerifyReport {
  private final List<VerifyReport.Check> checks = new ArrayList<>();

  void ok(String item, String detail) {
    checks.add(new VerifyReport.Check(true, item, detail));
  }

  void mismatch(String item, String detail) {
    checks.add(new VerifyReport.Check(false, item, detail));
  }

  public List<VerifyReport.Check> checks() {
    return List.copyOf(checks);
  }

  public List<VerifyReport.Check> mismatches() {
    return checks.stream().filter(c -> !c.ok()).toList();
  }

  public boolean passed() {
    return mismatches().isEmpty();
  }
}
