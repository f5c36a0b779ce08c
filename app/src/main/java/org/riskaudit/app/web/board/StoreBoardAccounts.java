package org.riskaudit.app.web.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.riskaudit.app.web.BoardAccounts;
import org.riskaudit.store.LogDao;
import org.riskaudit.store.Store;
import org.riskaudit.store.web.BoardDao;
import org.riskaudit.store.web.BoardRow;

/**
 * Audit boards kept in the store (table audit_board); passphrases stored as slow hashes. A board's
 * id is one more than the largest, assigned in the inserting transaction (retried when two boards
 * are created at the same moment); it is the first word of the board's passphrase.
 */
public final class StoreBoardAccounts implements BoardAccounts {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Store store;
  private final Clock clock;

  public StoreBoardAccounts(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public IssuedBoard create(
      String auditId, String county, String name, List<Member> members, String actor) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Give the audit board a name, e.g. 'Board 1'.");
    }
    String membersJson = membersJson(members);
    String words = Passphrases.generateWords();
    String hash = Passphrases.hash(words); // slow: outside the transaction
    for (int attempt = 1; ; attempt++) {
      try {
        return store
            .jdbi()
            .inTransaction(
                h -> {
                  // take the write lock first: on SQLite a read-then-write transaction fails when
                  // another writer commits in between, while a writer waits its turn
                  h.execute("UPDATE audit_board SET name = name WHERE 1 = 0");
                  BoardDao dao = h.attach(BoardDao.class);
                  long id = dao.nextId();
                  dao.insert(
                      new BoardRow(
                          id,
                          auditId,
                          county,
                          name.strip(),
                          membersJson,
                          hash,
                          clock.instant(),
                          null,
                          null));
                  log(
                      h,
                      clock,
                      auditId,
                      actor,
                      "board-create",
                      "board=" + id + " county=" + county + " name=" + name.strip());
                  return new IssuedBoard(id, name.strip(), id + " " + words);
                });
      } catch (RuntimeException e) {
        boolean nameTaken =
            store.jdbi().withExtension(BoardDao.class, d -> d.boards(auditId, county)).stream()
                .anyMatch(b -> b.name().equals(name.strip()));
        if (nameTaken) {
          throw new IllegalArgumentException(
              "The county already has an audit board named '"
                  + name.strip()
                  + "'; choose another name.",
              e);
        }
        if (attempt >= 10) {
          throw e;
        }
        try {
          Thread.sleep(20L * attempt);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  @Override
  public List<Board> list(String auditId, String county) {
    int round = store.jdbi().withHandle(h -> BoardRound.currentRound(h, auditId));
    List<Board> out = new ArrayList<>();
    for (BoardRow r : store.jdbi().withExtension(BoardDao.class, d -> d.boards(auditId, county))) {
      out.add(
          new Board(
              r.boardId(),
              r.name(),
              members(r.membersJson()),
              r.signedOffRound() != null && r.signedOffRound() == round && round > 0));
    }
    return out;
  }

  static String membersJson(List<Member> members) {
    try {
      return JSON.writeValueAsString(members == null ? List.of() : members);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Member> members(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<Member>>() {});
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  /** Appends to the audit's hash-chained activity log inside the caller's transaction. */
  static void log(
      Handle h, Clock clock, String auditId, String actor, String action, String details) {
    h.attach(LogDao.class).append(auditId, clock, actor, action, details);
  }
}
