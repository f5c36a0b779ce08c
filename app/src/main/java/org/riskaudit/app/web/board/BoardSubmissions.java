package org.riskaudit.app.web.board;

import java.util.Optional;
import org.riskaudit.app.audit.RecordingService;
import org.riskaudit.app.web.Principal;
import org.riskaudit.core.card.Interpretation;
import org.riskaudit.formats.audit.RecordedCard;
import org.riskaudit.store.Store;
import org.riskaudit.store.WriteResult;
import org.riskaudit.store.web.BoardSubmissionDao;
import org.riskaudit.store.web.BoardSubmissionRow;

/**
 * Records a board's entry exactly once. The entry carries a submission id chosen by the client
 * (board.js) or by the review page (plain forms); the id is inserted into {@code board_submission}
 * in the same transaction as the interpretation and its log entry (through {@link
 * RecordingService#recordCards}, batched by {@link EntryCommitter}), so an entry re-sent after a
 * lost acknowledgement finds its id and is acknowledged again without being recorded twice. The
 * acknowledgement is sent only after the commit.
 */
final class BoardSubmissions {
  enum Status {
    /** Recorded now (committed). */
    RECORDED,
    /** Recorded earlier under the same submission id (a re-send): nothing written now. */
    ALREADY_RECORDED,
    /** Not recorded: the message says why and what to do. */
    REFUSED
  }

  record Outcome(Status status, String message) {}

  private BoardSubmissions() {}

  static boolean validId(String id) {
    return id != null && id.length() >= 8 && id.length() <= 100 && id.matches("[A-Za-z0-9_-]+");
  }

  static Outcome submit(
      Store store,
      Principal board,
      BoardRound.CountyRound round,
      String cardId,
      int revision,
      Interpretation mvr,
      String submissionId,
      boolean signedOff) {
    Optional<Outcome> seen = seen(store, board, cardId, submissionId);
    if (seen.isPresent()) {
      return seen.get(); // a re-send is acknowledged again, even after the board signed off
    }
    if (signedOff) {
      return new Outcome(
          Status.REFUSED,
          "This board signed off the round; entries are closed. Ask the county administrator.");
    }
    BoardSubmissionRow row =
        new BoardSubmissionRow(
            submissionId,
            board.auditId(),
            board.boardId(),
            cardId,
            revision,
            store.clock().instant());
    WriteResult r;
    try {
      r =
          EntryCommitter.of(store)
              .record(
                  new RecordingService.Entry(
                      new RecordedCard(cardId, mvr, revision, board.actor(), 0),
                      board.actor(),
                      h -> {}),
                  row,
                  round.round(),
                  round.choices());
    } catch (RuntimeException e) {
      // The same id sent twice at once: one transaction committed, the other's insert failed.
      Optional<Outcome> again = seen(store, board, cardId, submissionId);
      if (again.isPresent()) {
        return again.get();
      }
      throw e;
    }
    if (r instanceof WriteResult.Refused no) {
      // refused because a copy of this submission was recorded meanwhile: a re-send
      return seen(store, board, cardId, submissionId)
          .orElse(new Outcome(Status.REFUSED, no.message()));
    }
    return new Outcome(Status.RECORDED, "Saved.");
  }

  private static Optional<Outcome> seen(
      Store store, Principal board, String cardId, String submissionId) {
    return store
        .jdbi()
        .withExtension(BoardSubmissionDao.class, d -> d.find(submissionId))
        .map(
            s ->
                s.boardId() == board.boardId() && s.cardId().equals(cardId)
                    ? new Outcome(Status.ALREADY_RECORDED, "Already saved.")
                    : new Outcome(
                        Status.REFUSED,
                        "This submission id was already used for another card; reload the page"
                            + " and enter the card again."));
  }
}
