package org.riskaudit.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HashedFileTest {
  private static final HashedFile CVR = new HashedFile("cvr.csv", "aa".repeat(32), 10);
  private static final HashedFile BALLOTS = new HashedFile("ballots.csv", "bb".repeat(32), 20);

  @Test
  void theLoggedDigestOfSeveralFilesDoesNotDependOnTheOrderTheyWereGiven() {
    assertThat(HashedFile.describe(List.of(CVR, BALLOTS)))
        .isEqualTo(HashedFile.describe(List.of(BALLOTS, CVR)))
        .startsWith("2 files sha256-of-list=");
  }

  @Test
  void theDigestChangesWhenAnyFileChanges() {
    HashedFile altered = new HashedFile("cvr.csv", "ab".repeat(32), 10);
    assertThat(HashedFile.digestOf(List.of(CVR, BALLOTS)))
        .isNotEqualTo(HashedFile.digestOf(List.of(altered, BALLOTS)));
  }
}
