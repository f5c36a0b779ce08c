package org.riskaudit.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Iterator;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** PostgreSQL: {@code COPY cvr FROM STDIN} in text format through pgjdbc's CopyManager. */
public final class PostgresDialect implements Dialect {
  private static final int FLUSH_BYTES = 1 << 20;

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public void beforeBulk(Handle handle) {}

  @Override
  public void afterBulk(Handle handle) {}

  @Override
  public long insertCards(Handle handle, String auditId, Iterator<EncodedCard> cards) {
    String sql =
        "COPY cvr (audit_id, county, tabulator, batch, position, imprinted_id, ballot_style,"
            + " precinct, votes) FROM STDIN (FORMAT text)";
    long n = 0;
    CopyIn copy = null;
    try {
      copy = handle.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
      StringBuilder line = new StringBuilder(256);
      ByteArrayOutputStream buf = new ByteArrayOutputStream(FLUSH_BYTES + 4096);
      String audit = escape(auditId);
      while (cards.hasNext()) {
        EncodedCard c = cards.next();
        line.setLength(0);
        line.append(audit).append('\t').append(escape(c.county())).append('\t');
        line.append(escape(c.tabulator())).append('\t').append(escape(c.batch())).append('\t');
        line.append(c.position()).append('\t').append(escape(c.imprintedId())).append('\t');
        line.append(escape(c.ballotStyle())).append('\t').append(escape(c.precinct()));
        line.append('\t').append(escape(c.votes())).append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        buf.write(bytes, 0, bytes.length);
        n++;
        if (buf.size() >= FLUSH_BYTES) {
          copy.writeToCopy(buf.toByteArray(), 0, buf.size());
          buf.reset();
        }
      }
      if (buf.size() > 0) {
        copy.writeToCopy(buf.toByteArray(), 0, buf.size());
      }
      copy.endCopy();
      return n;
    } catch (SQLException e) {
      cancel(copy, e);
      throw new StoreException("COPY of cards into PostgreSQL failed after " + n + " cards", e);
    } catch (RuntimeException | Error e) {
      // the cards' iterator failed (e.g. the import feeding it): a COPY left open would block the
      // connection, and with it the rollback, forever
      cancel(copy, e);
      throw e;
    }
  }

  private static void cancel(CopyIn copy, Throwable cause) {
    if (copy != null && copy.isActive()) {
      try {
        copy.cancelCopy();
      } catch (SQLException suppressed) {
        cause.addSuppressed(suppressed);
      }
    }
  }

  /** COPY text format: backslash, tab, LF and CR are escaped. */
  static String escape(String s) {
    if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }
}
