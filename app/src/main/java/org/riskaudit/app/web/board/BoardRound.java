package org.riskaudit.app.web.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.RecordingService;
import org.riskaudit.app.audit.RetrievalService;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.app.web.BoardParticipation;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;
import org.riskaudit.store.web.BoardDao;
import org.riskaudit.store.web.BoardRow;

/**
 * Which cards each audit board of a county enters in the current round, and the contests it records
 * on them (names and choices only: never the CVR).
 *
 * <p>The county's cards of the round are those of {@link RetrievalService#wholeRound}: every card
 * drawn in the round, recorded or not, in retrieval (storage) order, each county's batches shared
 * among its boards reproducibly from the seed as on the printed retrieval lists. Board k of the
 * list is the k-th board of the county in creation order among the boards that existed when the
 * round started (all of the county's boards if none did). Nothing of this is stored: it is computed
 * from the draws, the seed and the boards, so any server instance computes the same. The result is
 * kept in memory per (audit, round, county, boards) only as a cache: none of these change during a
 * round.
 */
final class BoardRound {
  /** The audit's stage and round as stored now (two cheap queries). */
  record Now(AuditStage stage, int round, Instant roundStarted) {}

  /** One county's round: each participating board's cards, and the contests to record. */
  record CountyRound(
      int round,
      List<Long> boards,
      Map<Long, List<RetrievalRow>> cards,
      List<AuditedContest> contests,
      Map<String, Integer> voteFor,
      Map<String, Set<String>> choices) {

    List<RetrievalRow> cardsOf(long boardId) {
      return cards.getOrDefault(boardId, List.of());
    }

    Optional<RetrievalRow> card(long boardId, String cardId) {
      return cardsOf(boardId).stream().filter(r -> r.cardId().equals(cardId)).findFirst();
    }
  }

  private static final Map<String, CountyRound> CACHE = new ConcurrentHashMap<>();
  private static final Map<String, List<RetrievalRow>> ROWS = new ConcurrentHashMap<>();
  private static final Map<String, Object> LOADING = new ConcurrentHashMap<>();

  private BoardRound() {}

  static int currentRound(Handle h, String auditId) {
    return h.createQuery("SELECT COALESCE(MAX(round_no), 0) FROM audit_round WHERE audit_id = :a")
        .bind("a", auditId)
        .mapTo(Integer.class)
        .one();
  }

  static Now now(Store store, String auditId) {
    return store
        .jdbi()
        .withHandle(
            h -> {
              AuditStage stage =
                  h.createQuery("SELECT stage FROM audit WHERE audit_id = :a")
                      .bind("a", auditId)
                      .mapTo(AuditStage.class)
                      .findOne()
                      .orElse(AuditStage.DEFINED);
              Optional<Rows.RoundRow> last =
                  h.createQuery(
                          "SELECT * FROM audit_round WHERE audit_id = :a"
                              + " ORDER BY round_no DESC LIMIT 1")
                      .bind("a", auditId)
                      .map(
                          org.jdbi.v3.core.mapper.reflect.ConstructorMapper.of(Rows.RoundRow.class))
                      .findOne();
              return new Now(
                  stage,
                  last.map(Rows.RoundRow::roundNo).orElse(0),
                  last.map(Rows.RoundRow::startedAt).orElse(null));
            });
  }

  static CountyRound of(Store store, String auditId, String county, Now now) {
    List<BoardRow> boards =
        BoardParticipation.participating(
            store.jdbi().withExtension(BoardDao.class, d -> d.boards(auditId, county)),
            now.roundStarted());
    List<Long> ids = boards.stream().map(BoardRow::boardId).toList();
    String key =
        store.location()
            + "\u0000"
            + System.identityHashCode(store)
            + "\u0000"
            + auditId
            + "\u0000"
            + now.round()
            + "\u0000"
            + county
            + "\u0000"
            + ids;
    CountyRound cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    // One load per key: when every board of a county asks at once (a restarted server, boards
    // back after a network drop), the others wait for it instead of each loading the audit.
    Object lock = LOADING.computeIfAbsent(key, k -> new Object());
    try {
      synchronized (lock) {
        cached = CACHE.get(key);
        return cached != null ? cached : load(store, auditId, county, now, ids, key);
      }
    } finally {
      LOADING.remove(key, lock);
    }
  }

  private static CountyRound load(
      Store store, String auditId, String county, Now now, List<Long> ids, String key) {
    AuditSnapshot s = AuditLoader.load(store, auditId);
    Map<Long, List<RetrievalRow>> cards = new LinkedHashMap<>();
    ids.forEach(id -> cards.put(id, new ArrayList<>()));
    if (!ids.isEmpty() && s.state().round() == now.round()) {
      // the whole round's rows depend only on the number of boards: shared by the counties
      String rowsKey =
          store.location()
              + "\u0000"
              + System.identityHashCode(store)
              + "\u0000"
              + auditId
              + "\u0000"
              + now.round()
              + "\u0000"
              + ids.size();
      List<RetrievalRow> all =
          ROWS.computeIfAbsent(rowsKey, k -> RetrievalService.wholeRound(s, ids.size()));
      if (ROWS.size() > 100) {
        ROWS.clear();
      }
      for (RetrievalRow r : all) {
        if (r.county().equals(county)) {
          cards.get(ids.get(r.board() - 1)).add(r);
        }
      }
    }
    cards.replaceAll((k, v) -> List.copyOf(v));
    Map<String, Integer> voteFor = new LinkedHashMap<>();
    store.inputs().definitions(auditId).forEach(d -> voteFor.put(d.contest(), d.voteFor()));
    CountyRound built =
        new CountyRound(
            now.round(),
            ids,
            cards,
            RecordingService.contestsOf(s, county),
            voteFor,
            RecordingService.choices(s));
    if (s.state().round() != now.round()) {
      return built; // a round started meanwhile: do not keep
    }
    if (CACHE.size() > 1_000) {
      CACHE.clear();
    }
    CACHE.put(key, built);
    return built;
  }
}
