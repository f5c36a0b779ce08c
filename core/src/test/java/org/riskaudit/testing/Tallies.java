package org.riskaudit.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds ordered vote tallies for tests: {@code votes("Yes", 10, "No", 5)}. */
public final class Tallies {
  private Tallies() {}

  public static Map<String, Long> votes(Object... pairs) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
    }
    return m;
  }
}
