package org.riskaudit.core.batch;

import java.util.Objects;

/**
 * A contest audited at batch level: its name and how many choices a voter may select ("vote for k",
 * also the number of winners). Plurality, vote-for-k and yes/no contests are supported.
 */
public record BatchContest(String name, int voteFor) {
  public BatchContest {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a contest name must not be blank");
    }
    if (voteFor < 1) {
      throw new IllegalArgumentException(
          "contest '" + name + "': vote for must be at least 1, got " + voteFor);
    }
  }

  /** A vote-for-one contest. */
  public static BatchContest of(String name) {
    return new BatchContest(name, 1);
  }
}
