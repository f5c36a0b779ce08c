package org.riskaudit.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;

/**
 * Killing {@code riskaudit audit record} with kill -9 while it records loses no acknowledged
 * interpretation and leaves a consistent audit: every acknowledged card is stored with its log
 * entry, the log verifies, and recording the same file again completes the round.
 */
class RecordingSurvivesKillTest {
  @TempDir Path dir;

  @Test
  void everyAcknowledgedInterpretationSurvivesAKillDashNineAndTheRoundCompletes() throws Exception {
    Path e =
        AuditDriver.generate(
            dir, "e", "--cards", "20000", "--counties", "2", "--batch-size", "200", "--seed", "9");
    AuditDriver second = fresh(e);
    Path big = second.dir.resolve("interpretations-1.csv");
    second.writeRoundFile(big);
    List<String> saved = killAfter(second.db, big, 120);
    assertThat(saved).hasSizeGreaterThanOrEqualTo(120);
    try (Store store = Store.open(second.db)) {
      Set<String> stored = new TreeSet<>();
      for (Rows.InterpretationRow r : store.rounds().interpretations("audit")) {
        stored.add(r.cardId());
      }
      assertThat(stored).containsAll(saved);
      long logged =
          store.logEntries("audit").stream().filter(x -> x.action().equals("record")).count();
      assertThat(logged).isEqualTo(stored.size());
      assertThat(store.verifyLog("audit")).isEmpty();
    }
    AuditDriver.Run again = second.audit("record", "--file", big.toString());
    assertThat(again.err()).contains("already has revision 1");
    second.signOff();
    second.ok("next-round");
    Path record = second.dir.resolve("record");
    second.ok("export", "--out", record.toString());
    RecordAssertions.verifies(record);
  }

  private AuditDriver fresh(Path e) throws Exception {
    Path d2 = Files.createDirectories(dir.resolve("audit"));
    AuditDriver d = new AuditDriver(d2.resolve("a.db").toString(), d2, e);
    d.ok("init", "--election", "E", "--target", "Question 1", "--trials", "100");
    d.importAndCommit(true);
    d.ok("seed", "14142135623730950488016");
    d.ok("sample", "--size", "400");
    return d;
  }

  /** Runs the record command in a child JVM, kills it with -9 after n acknowledgements. */
  private static List<String> killAfter(String db, Path file, int n) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "org.riskaudit.app.cli.Main",
                "audit",
                "record",
                "--file",
                file.toString(),
                "--verbose",
                "--db",
                db)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> acks = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (acks.size() < n && (line = out.readLine()) != null) {
        if (line.startsWith("saved ")) {
          acks.add(line.substring(6));
        }
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no commit of anything in flight
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    return acks;
  }
}
