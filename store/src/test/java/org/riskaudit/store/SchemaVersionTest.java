package org.riskaudit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaVersionTest {
  @Test
  void theSchemaVersionThatSkipsFlywayIsTheNewestMigration() throws Exception {
    Path dir = migrations();
    int newest;
    try (Stream<Path> s = Files.list(dir)) {
      newest =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.matches("V\\d+__.*\\.sql"))
              .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
              .max()
              .orElseThrow();
    }
    assertThat(Store.SCHEMA_VERSION).isEqualTo(newest);
  }

  @Test
  void anOldDatabaseIsMigratedWhenItIsOpenedAgain(@org.junit.jupiter.api.io.TempDir Path tmp) {
    String db = tmp.resolve("a.db").toString();
    org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + db);
    org.flywaydb.core.Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .target("1")
        .load()
        .migrate();
    try (Store s = Store.open(db)) {
      assertThat(s.inputs().document("x", "y")).isEmpty();
    }
  }

  private static Path migrations() throws URISyntaxException {
    return Path.of(Store.class.getResource("/db/migration").toURI());
  }
}
