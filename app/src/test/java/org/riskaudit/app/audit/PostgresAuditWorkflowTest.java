package org.riskaudit.app.audit;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.riskaudit.store.testing.PostgresSchema;

/** The same end-to-end audits on PostgreSQL (skipped with a message when no server answers). */
class PostgresAuditWorkflowTest extends AuditWorkflowEndToEndTest {
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
  String database(Path dir) {
    return pg.url();
  }
}
