package org.riskaudit.core.card;

import java.util.List;
import java.util.Objects;

/**
 * A contest as a CVR export defines it: its name, how many choices a voter may select, its choices
 * (write-in positions included, under the names the importer normalised them to) and, for
 * ranked-choice contests, the number of ranks (0 when not ranked).
 */
public record ContestDefinition(String name, int voteFor, List<String> choices, int ranks) {
  public ContestDefinition {
    Objects.requireNonNull(name, "name");
    choices = List.copyOf(Objects.requireNonNull(choices, "choices"));
    if (name.isBlank()) {
      throw new IllegalArgumentException("contest name must not be blank");
    }
    if (voteFor < 1) {
      throw new IllegalArgumentException(
          "contest '" + name + "' must allow at least 1 vote (Vote For), got " + voteFor);
    }
    if (ranks < 0) {
      throw new IllegalArgumentException(
          "contest '" + name + "' has a negative number of ranks: " + ranks);
    }
  }

  public boolean isRanked() {
    return ranks > 0;
  }
}
