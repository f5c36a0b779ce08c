package org.riskaudit.app.web.county;

import java.time.Instant;
import java.util.List;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.RetrievalService;
import org.riskaudit.app.retrieval.RetrievalList;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.app.web.BoardParticipation;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;
import org.riskaudit.store.web.BoardDao;
import org.riskaudit.store.web.BoardRow;

/**
 * One county's cards of the current round and which audit board retrieves and enters each: every
 * card drawn in the round, recorded or not ({@link RetrievalService#wholeRound}), in retrieval
 * (storage) order, the county's batches shared among its boards reproducibly from the seed by
 * {@link RetrievalList}. Board k of the lists is the k-th participating board ({@link
 * BoardParticipation}), the same rule as the audit boards' own entry pages. Nothing is stored: it
 * is computed from the draws, the seed and the boards.
 *
 * @param round the current round (0 before the first)
 * @param boards the participating boards, board k at index k - 1 (may be empty)
 * @param rows the county's cards of the round, each with its board number (1 when no boards)
 */
record CountyCards(int round, List<BoardRow> boards, List<RetrievalRow> rows) {

  static CountyCards of(Store store, AuditSnapshot s, String county) {
    int round = s.state().round();
    List<BoardRow> all =
        store.jdbi().withExtension(BoardDao.class, d -> d.boards(s.auditId(), county));
    Instant started =
        s.rounds().stream()
            .filter(r -> r.roundNo() == round)
            .map(Rows.RoundRow::startedAt)
            .findFirst()
            .orElse(null);
    List<BoardRow> boards = BoardParticipation.participating(all, started);
    if (round == 0) {
      return new CountyCards(0, boards, List.of());
    }
    List<RetrievalRow> rows =
        RetrievalList.select(RetrievalService.wholeRound(s, Math.max(1, boards.size())), county, 0);
    return new CountyCards(round, boards, rows);
  }

  /** The cards of board {@code k} (1-based), or all cards for 0. */
  List<RetrievalRow> ofBoard(int k) {
    return k == 0 ? rows : rows.stream().filter(r -> r.board() == k).toList();
  }

  /** The number (1-based) of board {@code boardId} among the participating, or 0. */
  int numberOf(long boardId) {
    for (int i = 0; i < boards.size(); i++) {
      if (boards.get(i).boardId() == boardId) {
        return i + 1;
      }
    }
    return 0;
  }

  static long recorded(AuditSnapshot s, List<RetrievalRow> rows) {
    return rows.stream().filter(r -> s.interpretations().containsKey(r.cardId())).count();
  }
}
