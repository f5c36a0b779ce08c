package org.riskaudit.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.riskaudit.app.record.RecordVerifier;
import org.riskaudit.app.record.VerifyReport;

/** Assertions on an exported audit record. */
final class RecordAssertions {
  private RecordAssertions() {}

  static void verifies(Path record) throws IOException {
    VerifyReport r = new RecordVerifier().verify(record, null);
    assertThat(r.mismatches()).isEmpty();
    AuditDriver.Run cli = AuditDriver.run("verify", record.toString());
    assertThat(cli.exit()).as(cli.out()).isZero();
    assertThat(cli.out()).contains("VERIFIED");
  }

  /** The draw at which the contest's hardest assertion first met the risk limit. */
  static int metAtDraw(Path record, String contest) throws IOException {
    JsonNode index = new ObjectMapper().readTree(record.resolve("audit-record.json").toFile());
    for (JsonNode c : index.get("contests")) {
      if (c.get("name").asText().equals(contest)) {
        int at = 0;
        for (JsonNode a : c.get("assertions")) {
          at = Math.max(at, a.get("metAtDraw").asInt());
        }
        return at;
      }
    }
    throw new AssertionError("no contest " + contest + " in the record");
  }
}
