package org.riskaudit.app.web.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;

/**
 * The cards each audit board enters in the current round, as the board pages compute them (see
 * docs/web-boards.md), for other pages and tools (county progress, the load test).
 */
public final class BoardCards {
  private BoardCards() {}

  /** The audit's counties in name order. */
  public static List<String> counties(Store store, String auditId) {
    return store.audits().counties(auditId).stream().map(Rows.CountyRow::county).sorted().toList();
  }

  /** Each board's card ids in retrieval order, by board id, over all counties. */
  public static Map<Long, List<String>> ofAudit(Store store, String auditId) {
    BoardRound.Now now = BoardRound.now(store, auditId);
    Map<Long, List<String>> out = new LinkedHashMap<>();
    for (String county : counties(store, auditId)) {
      BoardRound.CountyRound r = BoardRound.of(store, auditId, county, now);
      for (long board : r.boards()) {
        out.put(board, r.cardsOf(board).stream().map(RetrievalRow::cardId).toList());
      }
    }
    return out;
  }

  /** Each board's cards in retrieval order for one county, by board id. */
  public static Map<Long, List<RetrievalRow>> ofCounty(Store store, String auditId, String county) {
    BoardRound.CountyRound r =
        BoardRound.of(store, auditId, county, BoardRound.now(store, auditId));
    Map<Long, List<RetrievalRow>> out = new LinkedHashMap<>();
    r.boards().forEach(b -> out.put(b, r.cardsOf(b)));
    return out;
  }

  /**
   * An entry form's contest values marking the first choice of every contest shown to the county's
   * boards (field {@code c0}, {@code c1}, ... in order), for tools that simulate boards.
   */
  public static List<String> firstChoiceEntry(Store store, String auditId, String county) {
    List<String> out = new ArrayList<>();
    BoardRound.CountyRound r =
        BoardRound.of(store, auditId, county, BoardRound.now(store, auditId));
    for (AuditedContest c : r.contests()) {
      out.add("=" + c.reported().votes().keySet().iterator().next());
    }
    return out;
  }
}
