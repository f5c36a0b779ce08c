package org.riskaudit.app.audit;

import java.nio.file.Path;

/** The end-to-end audits on the embedded default, a SQLite file. */
class SqliteAuditWorkflowTest extends AuditWorkflowEndToEndTest {
  @Override
  String database(Path dir) {
    return dir.resolve("audit.db").toString();
  }
}
