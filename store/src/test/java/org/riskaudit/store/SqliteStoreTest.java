package org.riskaudit.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a fresh SQLite file per test. */
class SqliteStoreTest extends StoreContractTest {
  @TempDir Path dir;

  @Override
  String location() {
    return dir.resolve("audit.db").toString();
  }
}
