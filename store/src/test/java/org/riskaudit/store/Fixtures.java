package org.riskaudit.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.store.Rows.AuditRow;
import org.riskaudit.store.Rows.DrawRow;
import org.riskaudit.store.Rows.RoundRow;

/** Generated test data: a recall-like election with cards in batches of 100. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2021-09-14T20:00:00Z");
  static final List<String> CANDIDATES =
      List.of("Elder", "Paffrath", "Faulconer", "Jenner", "Kiley", "Write-in\twith tab");

  private Fixtures() {}

  static AuditRow audit(String id) {
    return new AuditRow(
        id,
        "Recall " + id,
        AuditStage.DEFINED,
        new BigDecimal("0.05"),
        null,
        "sampler=consistent",
        T0);
  }

  /** Card i (0-based) deterministically: county, batch of 100, votes from i. */
  static Cvr card(long i) {
    Map<String, ContestVote> votes = new LinkedHashMap<>();
    int r = (int) (i % 97);
    votes.put(
        "Question 1",
        r == 0 ? ContestVote.OVERVOTE : new ContestVote(List.of(r % 3 == 0 ? "Yes" : "No"), false));
    if (i % 5 != 0) {
      votes.put(
          "Question 2",
          r == 1
              ? ContestVote.BLANK
              : new ContestVote(List.of(CANDIDATES.get((int) (i % CANDIDATES.size()))), false));
    }
    String county = "County " + (i % 3);
    return new Cvr(
        new CardLocation(county, "T" + (i % 7), "B" + (i / 100), (int) (i % 100) + 1),
        "ID-" + i,
        "Style " + (i % 4),
        "P" + (i % 11),
        votes);
  }

  static Iterator<Cvr> cards(long n) {
    return new Iterator<>() {
      long i;

      @Override
      public boolean hasNext() {
        return i < n;
      }

      @Override
      public Cvr next() {
        return card(i++);
      }
    };
  }

  /** An audit in round 1 with cards "card-0".."card-(n-1)" drawn for Question 1. */
  static void auditInRound(Store store, String auditId, int drawn) {
    store.audits().insertAudit(audit(auditId));
    store.audits().moveStage(auditId, AuditStage.DEFINED, AuditStage.ROUND_IN_PROGRESS);
    store.rounds().insertRound(new RoundRow(auditId, 1, T0, null));
    for (int i = 0; i < drawn; i++) {
      store
          .rounds()
          .insertDraw(
              new DrawRow(
                  auditId,
                  1,
                  "Question 1",
                  i + 1,
                  "card-" + i,
                  String.format("%020d", i * 7L),
                  1,
                  1));
    }
  }
}
