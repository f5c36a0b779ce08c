package org.riskaudit.store;

import java.util.Iterator;
import org.jdbi.v3.core.Handle;

/**
 * Everything that differs between SQLite and PostgreSQL, in one place. Schema, queries and upserts
 * ({@code INSERT ... ON CONFLICT ... DO UPDATE SET x = excluded.x}) are shared; only bulk loading
 * and connection tuning differ.
 */
public sealed interface Dialect permits SqliteDialect, PostgresDialect {

  /** "sqlite" or "postgresql". */
  String name();

  /** Called on the handle before the bulk-load transaction begins (e.g. relax fsync). */
  void beforeBulk(Handle handle);

  /** Called on the handle after the bulk-load transaction ended (restore durability). */
  void afterBulk(Handle handle);

  /**
   * Inserts the cards inside the caller's transaction as fast as the database allows.
   *
   * @return the number of cards inserted
   */
  long insertCards(Handle handle, String auditId, Iterator<EncodedCard> cards);
}
