package org.riskaudit.app.web;

import java.time.Instant;
import java.util.List;
import org.riskaudit.store.web.BoardRow;

/**
 * Which of a county's audit boards share the cards of a round: those that existed when the round
 * started, in creation order, or all of them if none did (a county that creates its boards only
 * after the round started). Boards created later take part from the next round. The county's
 * printed retrieval lists and the boards' own entry pages both use this rule, so they always show
 * the same cards.
 */
public final class BoardParticipation {
  private BoardParticipation() {}

  /**
   * The participating boards, board k at index k - 1.
   *
   * @param countyBoards the county's boards in creation order
   * @param started when the round started, or null before the first round
   */
  public static List<BoardRow> participating(List<BoardRow> countyBoards, Instant started) {
    if (started == null) {
      return countyBoards;
    }
    List<BoardRow> before =
        countyBoards.stream().filter(b -> !b.createdAt().isAfter(started)).toList();
    return before.isEmpty() ? countyBoards : before;
  }
}
