package org.riskaudit.store;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.Cvr;

/** Bulk storage of cast vote records in the compact encoding of {@link VoteCodec}. */
public final class CardStore {
  private final Jdbi jdbi;
  private final Dialect dialect;

  CardStore(Jdbi jdbi, Dialect dialect) {
    this.jdbi = jdbi;
    this.dialect = dialect;
  }

  /**
   * Stores all cards in one transaction (all or nothing) with the fastest method of the database.
   *
   * @return the number of cards stored
   */
  public long load(String auditId, Iterator<Cvr> cards) {
    return load(auditId, cards, tx -> {});
  }

  /**
   * As {@link #load(String, Iterator)}, running {@code alsoInTransaction} in the same transaction
   * after the cards are inserted (the import's log entry and file hashes, so that the cards and the
   * record of their import commit together or not at all).
   */
  public long load(String auditId, Iterator<Cvr> cards, Consumer<Handle> alsoInTransaction) {
    try (Handle h = jdbi.open()) {
      dialect.beforeBulk(h);
      try {
        return h.inTransaction(
            tx -> {
              VoteCodec codec = VoteCodec.of(dictionary(tx, auditId));
              Iterator<EncodedCard> encoded =
                  new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                      return cards.hasNext();
                    }

                    @Override
                    public EncodedCard next() {
                      Cvr c = cards.next();
                      CardLocation l = c.location();
                      return new EncodedCard(
                          l.county(),
                          l.tabulator(),
                          l.batch(),
                          l.position(),
                          c.imprintedId(),
                          c.ballotStyle(),
                          c.precinct(),
                          codec.encode(c.contests()));
                    }
                  };
              long n = dialect.insertCards(tx, auditId, encoded);
              var batch =
                  tx.prepareBatch(
                      "INSERT INTO vote_code (audit_id, contest_code, choice_code, name)"
                          + " VALUES (?, ?, ?, ?)");
              for (VoteCodec.Entry e : codec.newEntries()) {
                batch.add(auditId, e.contestCode(), e.choiceCode(), e.name());
              }
              if (batch.size() > 0) {
                batch.execute();
              }
              alsoInTransaction.accept(tx);
              return n;
            });
      } finally {
        dialect.afterBulk(h);
      }
    }
  }

  /**
   * Stores the cards a source pushes, in one transaction like {@link #load(String, Iterator)}, with
   * the source running on its own thread: an importer parses the next cards while the database
   * inserts the previous ones. If the source throws, nothing is stored and its exception is
   * rethrown (a checked one wrapped in a {@link StoreException}).
   *
   * @return the number of cards stored
   */
  public long load(String auditId, CardSource source) {
    return load(auditId, source, tx -> {});
  }

  /**
   * As {@link #load(String, CardSource)}, running {@code alsoInTransaction} in the same transaction
   * after the cards are inserted (see {@link #load(String, Iterator, Consumer)}).
   */
  public long load(String auditId, CardSource source, Consumer<Handle> alsoInTransaction) {
    try (CardHandoff cards = CardHandoff.start(source, "card-source-" + auditId)) {
      return load(auditId, cards, alsoInTransaction);
    }
  }

  public long count(String auditId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM cvr WHERE audit_id = :a")
                .bind("a", auditId)
                .mapTo(Long.class)
                .one());
  }

  /** The card at a location, decoded. */
  public Optional<Cvr> find(String auditId, CardLocation at) {
    return jdbi.withHandle(
        h -> {
          VoteCodec codec = VoteCodec.of(dictionary(h, auditId));
          return h.createQuery(
                  "SELECT imprinted_id, ballot_style, precinct, votes FROM cvr WHERE audit_id = :a"
                      + " AND county = :c AND tabulator = :t AND batch = :b AND position = :p")
              .bind("a", auditId)
              .bind("c", at.county())
              .bind("t", at.tabulator())
              .bind("b", at.batch())
              .bind("p", at.position())
              .map(
                  (rs, ctx) ->
                      new Cvr(
                          at,
                          rs.getString(1),
                          rs.getString(2),
                          rs.getString(3),
                          codec.decode(rs.getString(4))))
              .findOne();
        });
  }

  /** Deletes the cards of one county (before its CVRs are imported again); returns how many. */
  public long deleteCounty(String auditId, String county) {
    return jdbi.withHandle(
        h ->
            (long)
                h.createUpdate("DELETE FROM cvr WHERE audit_id = :a AND county = :c")
                    .bind("a", auditId)
                    .bind("c", county)
                    .execute());
  }

  /** Cards per county. */
  public java.util.Map<String, Long> countByCounty(String auditId) {
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT county, COUNT(*) FROM cvr WHERE audit_id = :a GROUP BY county")
                .bind("a", auditId)
                .map((rs, ctx) -> out.put(rs.getString(1), rs.getLong(2)))
                .list());
    return out;
  }

  /** The cards at these locations that have a CVR, decoded, keyed by location (one connection). */
  public java.util.Map<CardLocation, Cvr> findAll(
      String auditId, java.util.Collection<CardLocation> at) {
    java.util.Map<CardLocation, Cvr> out = new java.util.HashMap<>();
    jdbi.useHandle(
        h -> {
          VoteCodec codec = VoteCodec.of(dictionary(h, auditId));
          try (java.sql.PreparedStatement q =
              h.getConnection()
                  .prepareStatement(
                      "SELECT imprinted_id, ballot_style, precinct, votes FROM cvr WHERE"
                          + " audit_id = ? AND county = ? AND tabulator = ? AND batch = ? AND"
                          + " position = ?")) {
            for (CardLocation l : at) {
              q.setString(1, auditId);
              q.setString(2, l.county());
              q.setString(3, l.tabulator());
              q.setString(4, l.batch());
              q.setInt(5, l.position());
              try (var rs = q.executeQuery()) {
                if (rs.next()) {
                  out.put(
                      l,
                      new Cvr(
                          l,
                          rs.getString(1),
                          rs.getString(2),
                          rs.getString(3),
                          codec.decode(rs.getString(4))));
                }
              }
            }
          } catch (java.sql.SQLException e) {
            throw new StoreException("reading the CVRs of the sampled cards failed", e);
          }
        });
    return out;
  }

  /** Streams every card of an audit in location order to {@code sink}, decoded. */
  public void forEach(String auditId, Consumer<Cvr> sink) {
    // in a transaction so that PostgreSQL honours the fetch size (cursor) instead of buffering
    jdbi.useTransaction(
        h -> {
          VoteCodec codec = VoteCodec.of(dictionary(h, auditId));
          h.createQuery(
                  "SELECT county, tabulator, batch, position, imprinted_id, ballot_style,"
                      + " precinct, votes FROM cvr WHERE audit_id = :a"
                      + " ORDER BY county, tabulator, batch, position")
              .bind("a", auditId)
              .setFetchSize(10_000)
              .map(
                  (rs, ctx) ->
                      new Cvr(
                          new CardLocation(
                              rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)),
                          rs.getString(5),
                          rs.getString(6),
                          rs.getString(7),
                          codec.decode(rs.getString(8))))
              .useStream(s -> s.forEach(sink));
        });
  }

  private static List<VoteCodec.Entry> dictionary(Handle h, String auditId) {
    return h.createQuery(
            "SELECT contest_code, choice_code, name FROM vote_code WHERE audit_id = :a")
        .bind("a", auditId)
        .map((rs, ctx) -> new VoteCodec.Entry(rs.getInt(1), rs.getInt(2), rs.getString(3)))
        .list();
  }
}
