package org.riskaudit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;

/**
 * SQLite: one prepared INSERT executed in batches inside one transaction. Connections run with
 * journal_mode=WAL and synchronous=FULL (every commit durable, needed for interpretations); bulk
 * loads switch to synchronous=NORMAL, which in WAL mode is still safe against process crashes.
 */
public final class SqliteDialect implements Dialect {
  static final int BATCH = 10_000;

  /**
   * Switches the database file to WAL mode. WAL is a property of the file, so once is enough for
   * every later connection; setting it here rather than in the connection settings lets a new file
   * take the page size of those settings first.
   */
  static void useWal(DataSource ds, String location) {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      st.execute("PRAGMA journal_mode = WAL");
    } catch (SQLException e) {
      throw new StoreException(
          "Cannot open the audit store at '"
              + location
              + "': "
              + e.getMessage()
              + ". Check the path and that its folder exists and is writable.",
          e);
    }
  }

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public void beforeBulk(Handle handle) {
    handle.execute("PRAGMA synchronous = NORMAL");
  }

  @Override
  public void afterBulk(Handle handle) {
    handle.execute("PRAGMA synchronous = FULL");
  }

  @Override
  public long insertCards(Handle handle, String auditId, Iterator<EncodedCard> cards) {
    String sql =
        "INSERT INTO cvr (audit_id, county, tabulator, batch, position, imprinted_id,"
            + " ballot_style, precinct, votes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    long n = 0;
    try (PreparedStatement ps = handle.getConnection().prepareStatement(sql)) {
      while (cards.hasNext()) {
        EncodedCard c = cards.next();
        ps.setString(1, auditId);
        ps.setString(2, c.county());
        ps.setString(3, c.tabulator());
        ps.setString(4, c.batch());
        ps.setInt(5, c.position());
        ps.setString(6, c.imprintedId());
        ps.setString(7, c.ballotStyle());
        ps.setString(8, c.precinct());
        ps.setString(9, c.votes());
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new StoreException("bulk insert of cards into SQLite failed after " + n + " cards", e);
    }
    return n;
  }
}
