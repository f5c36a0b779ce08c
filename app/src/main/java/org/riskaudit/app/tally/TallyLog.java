package org.riskaudit.app.tally;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.riskaudit.app.record.LogCsv;
import org.riskaudit.core.audit.log.HashChain;
import org.riskaudit.core.audit.log.LogEntry;

/**
 * A tally's own hash-chained activity log ({@code activity-log.csv} in its folder, the audit
 * record's format): one entry per change of the tally's facts (the selection or draw, each entry of
 * tally sheets, each escalation), with who and when. {@code verify} checks the chain; the index's
 * SHA-256 of the file covers it like every other file.
 */
final class TallyLog {
  private TallyLog() {}

  /** Who runs the command: the operating-system user, as the audit commands record it. */
  static String actor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }

  /** Appends an entry to the tally's log (creating it). */
  static LogEntry append(Path dir, String action, String details) throws IOException {
    Path file = dir.resolve(TallyFiles.ACTIVITY_LOG);
    List<LogEntry> log = new java.util.ArrayList<>(LogCsv.read(file));
    Optional<LogEntry> last =
        log.isEmpty() ? Optional.empty() : Optional.of(log.get(log.size() - 1));
    LogEntry e = HashChain.append(last, Clock.systemUTC(), actor(), action, details);
    log.add(e);
    LogCsv.write(file, log);
    return e;
  }
}
