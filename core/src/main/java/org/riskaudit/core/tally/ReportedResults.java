package org.riskaudit.core.tally;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reported results (the official canvass, e.g. California's Statement of Vote): votes per county,
 * contest and choice, in the order given.
 */
public record ReportedResults(Map<String, Map<String, Map<String, Long>>> byCounty) {
  public ReportedResults {
    Map<String, Map<String, Map<String, Long>>> copy = new LinkedHashMap<>();
    byCounty.forEach(
        (county, contests) -> {
          Map<String, Map<String, Long>> c = new LinkedHashMap<>();
          contests.forEach(
              (contest, choices) -> {
                choices.forEach(
                    (choice, n) -> {
                      if (n == null || n < 0) {
                        throw new IllegalArgumentException(
                            county
                                + ", "
                                + contest
                                + ", "
                                + choice
                                + ": votes must be >= 0, got "
                                + n);
                      }
                    });
                c.put(contest, Collections.unmodifiableMap(new LinkedHashMap<>(choices)));
              });
          copy.put(county, Collections.unmodifiableMap(c));
        });
    byCounty = Collections.unmodifiableMap(copy);
  }

  /** Votes per choice for a contest summed over every county that reports it. */
  public Map<String, Long> statewide(String contest) {
    Map<String, Long> sum = new LinkedHashMap<>();
    byCounty
        .values()
        .forEach(
            contests -> {
              Map<String, Long> c = contests.get(contest);
              if (c != null) {
                c.forEach((choice, n) -> sum.merge(choice, n, Long::sum));
              }
            });
    return sum;
  }

  /** The reported votes of one county's contest, or null. */
  public Map<String, Long> county(String county, String contest) {
    Map<String, Map<String, Long>> c = byCounty.get(county);
    return c == null ? null : c.get(contest);
  }
}
