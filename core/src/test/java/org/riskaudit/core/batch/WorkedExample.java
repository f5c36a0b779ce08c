package org.riskaudit.core.batch;

import java.util.List;
import java.util.Map;

/** The three-precinct example of docs/batch-audits.md. */
final class WorkedExample {
  static final String SEED = "20240517093512861294";

  private WorkedExample() {}

  static BatchPopulation population() {
    return new BatchPopulation(
        List.of(
            new Batch("P1", 400, Map.of("Mayor", Map.of("A", 250L, "B", 130L))),
            new Batch("P2", 300, Map.of("Mayor", Map.of("A", 120L, "B", 160L))),
            new Batch("P3", 500, Map.of("Mayor", Map.of("A", 300L, "B", 180L)))),
        List.of(BatchContest.of("Mayor")));
  }
}
