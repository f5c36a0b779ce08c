package org.riskaudit.core.manualtally;

import java.util.Objects;
import java.util.Set;

/** A precinct and the contests on its ballots. */
public record Precinct(String id, Set<String> contests) {
  public Precinct {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a precinct id must not be blank");
    }
    contests = Set.copyOf(contests);
  }
}
