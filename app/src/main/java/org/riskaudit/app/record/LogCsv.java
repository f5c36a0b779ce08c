package org.riskaudit.app.record;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.riskaudit.core.audit.log.LogEntry;
import org.riskaudit.formats.record.RecordCsv;

/**
 * The activity log as a CSV file of the audit record and of a tally record ({@code
 * activity-log.csv}): {@code seq,at,actor,action,details,previous_hash,hash}, one line per entry,
 * in order (docs/activity-log.md).
 */
public final class LogCsv {
  static final List<String> HEADER =
      List.of("seq", "at", "actor", "action", "details", "previous_hash", "hash");

  private LogCsv() {}

  /** Writes the entries (replacing the file). */
  public static void write(Path file, List<LogEntry> log) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (LogEntry e : log) {
      rows.add(
          List.of(
              Long.toString(e.sequence()),
              e.at().toString(),
              e.actor(),
              e.action(),
              e.details(),
              e.previousHash(),
              e.hash()));
    }
    RecordCsv.write(file, HEADER, rows);
  }

  /** The entries of the file, or none when there is no file. */
  public static List<LogEntry> read(Path file) throws IOException {
    List<LogEntry> out = new ArrayList<>();
    for (RecordCsv.Row r : RecordCsv.read(file)) {
      out.add(
          new LogEntry(
              Long.parseLong(r.get("seq")),
              Instant.parse(r.get("at")),
              r.get("actor"),
              r.get("action"),
              r.get("details"),
              r.get("previous_hash"),
              r.get("hash")));
    }
    return out;
  }
}
