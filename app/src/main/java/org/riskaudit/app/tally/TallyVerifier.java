package org.riskaudit.app.tally;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.riskaudit.app.audit.HashedFile;
import org.riskaudit.app.record.LogCsv;
import org.riskaudit.core.audit.log.ChainBreak;
import org.riskaudit.core.audit.log.HashChain;
import org.riskaudit.core.audit.log.LogEntry;
import org.riskaudit.core.manualtally.TallyProblem;
import org.riskaudit.formats.record.RecordCsv;

/**
 * Re-checks a tally record from the folder alone (docs/manual-tally.md, "Verifying a tally"): every
 * file's SHA-256; then, from the seed, the machine counts (the precinct list or batch population),
 * the officials' settings and the entered tally sheets, it recomputes the selection (with the
 * extra-precinct rule) or the PPS draws, the hand counts' sums and checks, the comparison, what the
 * tally bought, the risk after every draw and any full hand count's outcome, and compares each
 * table cell by cell and the index's summary field by field. Every altered item is named.
 */
public final class TallyVerifier {
  /** Detailed mismatches shown per table before the rest are counted. */
  static final int SHOWN = 20;

  public TallyVerifyReport verify(Path dir) throws IOException {
    TallyVerifyReport report = new TallyVerifyReport();
    JsonNode index;
    try {
      index = TallyRecord.index(dir);
    } catch (RuntimeException | IOException e) {
      report.mismatch(TallyFiles.INDEX, "cannot be read: " + e.getMessage());
      return report;
    }
    files(dir, index, report);
    log(dir, report);
    TallyState s;
    Object result;
    try {
      s = TallyRecord.read(dir);
      result = TallyRecord.compute(s);
    } catch (RuntimeException | IOException e) {
      report.mismatch(
          "tally facts", "the record's facts are inconsistent or unreadable: " + e.getMessage());
      return report;
    }
    report.ok("seed", s.seed() + " (compare it with the seed rolled in public)");
    seed(dir, s, result, report);
    handCounts(result, report);
    for (TallyTables.Table t : TallyTables.all(s, result)) {
      table(dir, t, s, report);
    }
    absent(dir, TallyTables.all(s, result), report);
    index(index, TallyIndex.build(s, result), report);
    if (result instanceof BatchResult r) {
      rounds(s, r, report);
    }
    return report;
  }

  /** The tally's activity log: present, readable, and an unbroken hash chain. */
  private static void log(Path dir, TallyVerifyReport report) {
    String f = TallyFiles.ACTIVITY_LOG;
    List<LogEntry> log;
    try {
      log = LogCsv.read(dir.resolve(f));
    } catch (RuntimeException | IOException e) {
      report.mismatch(f, "cannot be read: " + e.getMessage());
      return;
    }
    if (log.isEmpty()) {
      report.mismatch(f, "is missing or empty; every tally logs its selection or draw");
      return;
    }
    Optional<ChainBreak> broken = HashChain.verify(log);
    if (broken.isPresent()) {
      report.mismatch(f + " entry " + broken.get().sequence(), broken.get().reason());
    } else {
      LogEntry last = log.get(log.size() - 1);
      report.ok(
          f,
          log.size()
              + " entries, hash chain intact; last: "
              + last.action()
              + " by "
              + last.actor()
              + " at "
              + last.at());
    }
  }

  private static void files(Path dir, JsonNode index, TallyVerifyReport report) throws IOException {
    Set<String> listed = new HashSet<>();
    int ok = 0;
    for (JsonNode f : index.path("files")) {
      String path = f.path("path").asText();
      listed.add(path);
      Path p = dir.resolve(path);
      if (!Files.isRegularFile(p)) {
        report.mismatch("file " + path, "listed in " + TallyFiles.INDEX + " but missing");
        continue;
      }
      String actual = HashedFile.sha256(p);
      if (!actual.equals(f.path("sha256").asText())) {
        report.mismatch(
            "file " + path,
            "SHA-256 is "
                + actual
                + ", "
                + TallyFiles.INDEX
                + " lists "
                + f.path("sha256").asText());
      } else {
        ok++;
      }
    }
    try (Stream<Path> w = Files.walk(dir)) {
      for (Path p : w.filter(Files::isRegularFile).toList()) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (!rel.equals(TallyFiles.INDEX) && !listed.contains(rel)) {
          report.mismatch("file " + rel, "is not listed in " + TallyFiles.INDEX);
        }
      }
    }
    report.ok("files", ok + " file(s) match their SHA-256 in " + TallyFiles.INDEX);
  }

  /**
   * When not one recorded draw (or randomly selected precinct) is reproduced, the seed (or the
   * population it is drawn from) is not the one the draws were made with: name it.
   */
  private static void seed(Path dir, TallyState s, Object result, TallyVerifyReport report)
      throws IOException {
    List<String> expected = new ArrayList<>();
    List<String> recorded = new ArrayList<>();
    String file;
    if (result instanceof OnePercentResult r) {
      file = TallyFiles.SELECTION;
      expected.addAll(r.selection().random());
      for (RecordCsv.Row row : RecordCsv.read(dir.resolve(file))) {
        if (!"discretionary".equals(row.cells().get("kind"))) {
          recorded.add(row.cells().getOrDefault("precinct", ""));
        }
      }
    } else {
      file = TallyFiles.DRAWS;
      ((BatchResult) result).draws().forEach(d -> expected.add(Long.toString(d.ticket())));
      for (RecordCsv.Row row : RecordCsv.read(dir.resolve(file))) {
        recorded.add(row.cells().getOrDefault("ticket", ""));
      }
    }
    int same = 0;
    for (int i = 0; i < Math.min(expected.size(), recorded.size()); i++) {
      same += expected.get(i).equals(recorded.get(i)) ? 1 : 0;
    }
    if (!recorded.isEmpty() && same == 0) {
      report.mismatch(
          "seed",
          "the seed "
              + s.seed()
              + " in "
              + TallyFiles.INDEX
              + " reproduces none of the "
              + recorded.size()
              + " draws in "
              + file
              + " from the "
              + (s.kind() == TallyKind.ONE_PERCENT ? "precinct list" : "batch population")
              + ": the seed (or the list) is not the one the draws were made with");
    } else {
      report.ok(
          "draws from the seed",
          same + " of " + expected.size() + " draws in " + file + " reproduced");
    }
  }

  private static void handCounts(Object result, TallyVerifyReport report) {
    List<TallyProblem> problems =
        result instanceof OnePercentResult r
            ? r.entry().problems()
            : ((BatchResult) result).entry().problems();
    for (TallyProblem p : problems) {
      report.mismatch(
          TallyFiles.HAND_TALLY + (p.row() > 0 ? " line " + p.row() : ""),
          "breaks a hand-count rule: " + p.message());
    }
    if (problems.isEmpty()) {
      report.ok(TallyFiles.HAND_TALLY, "every line passes the hand-count checks");
    }
  }

  private static void table(Path dir, TallyTables.Table t, TallyState s, TallyVerifyReport report)
      throws IOException {
    Path f = dir.resolve(t.file());
    if (!Files.isRegularFile(f)) {
      report.mismatch(t.file(), "is missing; the tally's facts determine it");
      return;
    }
    List<RecordCsv.Row> rows = RecordCsv.read(f);
    List<String> header;
    try (java.io.BufferedReader in = Files.newBufferedReader(f)) {
      String first = in.readLine();
      header = first == null ? List.of() : List.of(first.split(",", -1));
    }
    if (!header.equals(t.header())) {
      report.mismatch(t.file(), "header " + header + ", expected " + t.header());
      return;
    }
    int bad = 0;
    for (int i = 0; i < Math.max(rows.size(), t.rows().size()); i++) {
      List<String> want = i < t.rows().size() ? t.rows().get(i) : null;
      List<String> have = i < rows.size() ? cells(rows.get(i), t.header()) : null;
      if (want != null && have != null && same(want, have)) {
        continue;
      }
      if (++bad > SHOWN) {
        continue;
      }
      long line =
          have != null
              ? rows.get(i).line()
              : (rows.isEmpty() ? 1 : rows.get(rows.size() - 1).line()) + 1;
      String item = t.file() + " line " + line;
      if (want == null) {
        report.mismatch(item, "is not determined by the tally's facts: " + String.join(",", have));
      } else if (have == null) {
        report.mismatch(item, "is missing; recomputed " + String.join(",", want));
      } else {
        report.mismatch(
            item,
            "recomputed "
                + String.join(",", want)
                + "; the record has "
                + String.join(",", have)
                + hint(t, want, s));
      }
    }
    if (bad > SHOWN) {
      report.mismatch(t.file(), (bad - SHOWN) + " more line(s) differ");
    }
    if (bad == 0) {
      report.ok(t.file(), t.rows().size() + " line(s) recomputed and equal");
    }
  }

  /** For a derived row: the hand-tally lines it comes from, so the altered input is named too. */
  private static String hint(TallyTables.Table t, List<String> want, TallyState s) {
    if (!t.file().equals(TallyFiles.COMPARISON) && !t.file().equals(TallyFiles.RISK)) {
      return "";
    }
    String batch = t.file().equals(TallyFiles.RISK) ? want.get(1) : want.get(0);
    List<String> lines = new ArrayList<>();
    for (HandLine h : s.hand()) {
      boolean sameChoice =
          t.file().equals(TallyFiles.RISK)
              || (h.line().contest().equals(want.get(1)) && h.line().choice().equals(want.get(2)));
      if (h.line().batch().equals(batch) && sameChoice) {
        lines.add(Long.toString(h.line().row()));
      }
    }
    return lines.isEmpty()
        ? ""
        : " (from "
            + TallyFiles.HAND_TALLY
            + " line"
            + (lines.size() > 1 ? "s " : " ")
            + String.join(", ", lines)
            + ")";
  }

  private static List<String> cells(RecordCsv.Row r, List<String> header) {
    List<String> out = new ArrayList<>();
    header.forEach(h -> out.add(r.cells().getOrDefault(h, "")));
    return out;
  }

  /** Cells equal as text, or as numbers to a relative 10^-9 (floating point across platforms). */
  static boolean same(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i)) && !close(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean close(String a, String b) {
    if (!a.contains(".") && !a.contains("E") || !b.contains(".") && !b.contains("E")) {
      return false;
    }
    try {
      double x = Double.parseDouble(a);
      double y = Double.parseDouble(b);
      return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void absent(Path dir, List<TallyTables.Table> tables, TallyVerifyReport report) {
    Set<String> derived = new HashSet<>();
    tables.forEach(t -> derived.add(t.file()));
    for (String f :
        List.of(
            TallyFiles.PRECINCTS,
            TallyFiles.SELECTION,
            TallyFiles.BATCHES,
            TallyFiles.DRAWS,
            TallyFiles.COMPARISON,
            TallyFiles.WHAT_IT_BOUGHT,
            TallyFiles.RISK,
            TallyFiles.ROUNDS,
            TallyFiles.FULL_COUNT)) {
      if (!derived.contains(f) && Files.exists(dir.resolve(f))) {
        report.mismatch(f, "is in the record but the tally's facts do not determine it");
      }
    }
  }

  private static void index(
      JsonNode index, Map<String, Object> expected, TallyVerifyReport report) {
    JsonNode want = TallyRecord.JSON.valueToTree(expected);
    int ok = 0;
    for (Iterator<String> it = want.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (equal(want.get(field), index.path(field))) {
        ok++;
      } else {
        report.mismatch(
            TallyFiles.INDEX + " field '" + field + "'",
            "recomputed " + want.get(field) + "; the record has " + index.path(field));
      }
    }
    report.ok(TallyFiles.INDEX, ok + " field(s) recomputed and equal");
  }

  /** JSON values equal, numbers to a relative 10^-9. */
  private static boolean equal(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      double x = a.asDouble();
      double y = b.asDouble();
      return x == y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
    }
    if (a.isContainerNode() && b.isContainerNode() && a.size() == b.size()) {
      if (a.isArray() != b.isArray()) {
        return false;
      }
      if (a.isArray()) {
        for (int i = 0; i < a.size(); i++) {
          if (!equal(a.get(i), b.get(i))) {
            return false;
          }
        }
        return true;
      }
      for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!b.has(f) || !equal(a.get(f), b.get(f))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** A round is started only when the one before ended with every batch counted above the limit. */
  private static void rounds(TallyState s, BatchResult r, TallyVerifyReport report) {
    List<TallyState.Round> rounds = s.batch().rounds();
    int last = 0;
    boolean ok = true;
    for (int i = 0; i < rounds.size(); i++) {
      if (rounds.get(i).number() != i + 1) {
        report.mismatch("rounds", "round " + (i + 1) + " is numbered " + rounds.get(i).number());
        ok = false;
      }
      if (i > 0 && last > 0 && last <= r.risk().size()) {
        double p = r.risk().get(last - 1).pValue();
        if (p <= s.batch().alpha()) {
          report.mismatch(
              "rounds",
              "round "
                  + (i + 1)
                  + " was started although the risk after round "
                  + i
                  + " ("
                  + p
                  + ") met the limit "
                  + s.batch().riskLimit());
          ok = false;
        }
      }
      last += rounds.get(i).draws();
    }
    if (ok) {
      report.ok(
          "rounds",
          rounds.size() + " round(s), each started after the risk stayed above the limit");
    }
  }
}
