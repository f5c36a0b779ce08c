package org.riskaudit.app.record;

import java.util.ArrayList;
import java.util.List;

/** What {@code riskaudit verify} checked: every item that matched and every one that did not. */
public final class VerifyReport {
  /** One checked item; {@code ok} false names what differs. */
  public record Check(boolean ok, String item, String detail) {}

  private final List<Check> checks = new ArrayList<>();

  void ok(String item, String detail) {
    checks.add(new Check(true, item, detail));
  }

  void mismatch(String item, String detail) {
    checks.add(new Check(false, item, detail));
  }

  void check(boolean ok, String item, String detail) {
    checks.add(new Check(ok, item, detail));
  }

  public List<Check> checks() {
    return List.copyOf(checks);
  }

  public List<Check> mismatches() {
    return checks.stream().filter(c -> !c.ok()).toList();
  }

  public boolean passed() {
    return mismatches().isEmpty();
  }
}
