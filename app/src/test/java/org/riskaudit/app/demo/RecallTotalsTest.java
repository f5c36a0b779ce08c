package org.riskaudit.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskaudit.formats.generate.CountyTotals;
import org.riskaudit.testing.SharedData;

class RecallTotalsTest {
  @Test
  void theFiftyEightCountiesAddUpToTheCertifiedStatewideTotals() {
    assertThat(RecallTotals.COUNTIES).hasSize(58);
    long yes = RecallTotals.COUNTIES.stream().mapToLong(c -> c.votes()[0]).sum();
    long no = RecallTotals.COUNTIES.stream().mapToLong(c -> c.votes()[1]).sum();
    assertThat(yes).isEqualTo(RecallTotals.STATE_YES);
    assertThat(no).isEqualTo(RecallTotals.STATE_NO);
  }

  @Test
  void theBuiltInRowsAreTheSharedDataFilesRows() throws Exception {
    Path file = SharedData.require("ca-recall-2021/recall_q1_by_county.csv");
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(59);
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      CountyTotals built = RecallTotals.COUNTIES.get(i - 1);
      assertThat(built.county()).isEqualTo(cells[0]);
      assertThat(built.votes()).containsExactly(Long.parseLong(cells[1]), Long.parseLong(cells[2]));
    }
  }
}
