package org.riskaudit.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.riskaudit.store.testing.PostgresSchema;

/**
 * The store contract on PostgreSQL, in a fresh schema per test that is dropped afterwards (see
 * {@link PostgresSchema} for the server used, and the skip message when none answers).
 */
class PostgresStoreTest extends StoreContractTest {
  private PostgresSchema pg;

  @BeforeEach
  void createSchema() throws Exception {
    pg = PostgresSchema.create();
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @Override
  String location() {
    return pg.url();
  }
}
