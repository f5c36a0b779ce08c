package org.riskaudit.app.tally;

import java.util.List;
import java.util.Objects;
import org.riskaudit.core.batch.BatchContest;

/**
 * A contest of a tally: its name, how many choices a voter may select, and every choice (the
 * choices the tally sheets list, in the order of the machine counts or the contest definition).
 */
public record TallyContest(String name, int voteFor, List<String> choices) {
  public TallyContest {
    Objects.requireNonNull(name, "name");
    choices = List.copyOf(choices);
    new BatchContest(name, voteFor); // the same rules as a batch-audited contest
  }

  public BatchContest batchContest() {
    return new BatchContest(name, voteFor);
  }
}
