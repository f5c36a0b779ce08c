package org.riskaudit.app.tally;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.core.batch.BatchContest;
import org.riskaudit.core.manualtally.HandTally;
import org.riskaudit.core.manualtally.TallyLine;
import org.riskaudit.core.manualtally.TallyProblem;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.tally.HandTallyParser;

/**
 * Entry of tally sheets from CSV files: parses them, adds them to the lines already recorded, and
 * checks all of them together against the precincts or batches to count ({@link HandTally}), so
 * that a choice counted on sheets in two files is still checked against the batch's cards. Every
 * problem is reported at once with its file, line and column; nothing is entered when there is one.
 */
public final class HandEntry {
  private HandEntry() {}

  /**
   * The lines after entering {@code files}, or throws {@link AuditFailure.BadInput} listing every
   * problem.
   *
   * @param replace drop the recorded lines of every (batch, sheet) the files give again (a
   *     corrected sheet)
   */
  public static List<HandLine> enter(
      List<Batch> toCount,
      List<TallyContest> contests,
      List<HandLine> recorded,
      List<Path> files,
      boolean replace,
      String unit)
      throws IOException {
    List<ImportProblem> problems = new ArrayList<>();
    List<HandLine> added = new ArrayList<>();
    for (Path f : files) {
      HandTallyParser.Result r = HandTallyParser.parse(f);
      problems.addAll(r.problems());
      String name = f.getFileName().toString();
      r.lines().forEach(l -> added.add(new HandLine(l, name, l.row())));
    }
    if (problems.stream().anyMatch(ImportProblem::isError)) {
      throw new AuditFailure.BadInput(
          "The hand-count file has errors; nothing was entered.", problems);
    }
    Set<String> resubmitted = new LinkedHashSet<>();
    added.forEach(h -> resubmitted.add(h.line().batch() + "\u0000" + h.line().sheet()));
    List<HandLine> all = new ArrayList<>();
    for (HandLine h : recorded) {
      if (!replace || !resubmitted.contains(h.line().batch() + "\u0000" + h.line().sheet())) {
        all.add(h);
      }
    }
    all.addAll(added);
    Set<HandLine> fresh = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    fresh.addAll(added);
    List<ImportProblem> found = check(toCount, contests, all, fresh, unit);
    if (!found.isEmpty()) {
      throw new AuditFailure.BadInput(
          "The hand counts have problems; nothing was entered. Every problem:", found);
    }
    return all;
  }

  /**
   * Enters tally-sheet files into a tally record: checked against the precincts or batches the
   * record says to count now, and written with everything they change (comparison, risk).
   */
  public static Object enterInto(Path record, List<Path> files, boolean replace)
      throws IOException {
    TallyState s = TallyRecord.read(record);
    Object r = TallyRecord.compute(s);
    List<Batch> toCount =
        r instanceof OnePercentResult o ? o.tallied() : ((BatchResult) r).toCount();
    List<HandLine> lines = enter(toCount, s.contests(), s.hand(), files, replace, s.kind().unit());
    StringBuilder details = new StringBuilder("replace=" + replace + " lines=" + lines.size());
    for (Path f : files) {
      details
          .append(" file=")
          .append(f.getFileName())
          .append(" sha256=")
          .append(org.riskaudit.app.audit.HashedFile.sha256(f));
    }
    return TallyRecord.write(record, s.withHand(lines), "enter", details.toString());
  }

  /**
   * Checks lines with {@link HandTally}; each problem is placed at its line's file (the entry file,
   * or the record's hand-tally.csv for lines entered before).
   */
  static List<ImportProblem> check(
      List<Batch> toCount,
      List<TallyContest> contests,
      List<HandLine> lines,
      Set<HandLine> added,
      String unit) {
    Map<TallyLine, HandLine> byLine = new IdentityHashMap<>();
    lines.forEach(h -> byLine.put(h.line(), h));
    List<BatchContest> bc = contests.stream().map(TallyContest::batchContest).toList();
    HandTally.Entry e = HandTally.enter(toCount, bc, lines.stream().map(HandLine::line).toList());
    List<ImportProblem> out = new ArrayList<>();
    for (TallyProblem p : e.problems()) {
      String[] whatFix = split(p.message());
      if (p instanceof TallyProblem.DuplicateLine d) {
        whatFix[0] = whatFix[0].replace("on row " + d.firstRow(), "on " + first(d, lines, added));
      }
      HandLine at = lineOf(p, byLine);
      if (at != null) {
        String file = added.contains(at) ? at.source() : TallyFiles.HAND_TALLY;
        out.add(
            ImportProblem.error(file, at.line().row(), column(p, unit), whatFix[0], whatFix[1]));
      } else {
        HandLine first = firstFor(p, lines, added);
        String file =
            first == null || !added.contains(first) ? TallyFiles.HAND_TALLY : first.source();
        out.add(
            ImportProblem.error(
                file, first == null ? 0 : first.line().row(), "votes", whatFix[0], whatFix[1]));
      }
    }
    return out;
  }

  /** Where the line a duplicate repeats was entered: this entry's file, or the record. */
  private static String first(
      TallyProblem.DuplicateLine d, List<HandLine> lines, Set<HandLine> added) {
    TallyLine l = d.line();
    for (HandLine h : lines) {
      TallyLine x = h.line();
      if (x != l
          && x.row() == d.firstRow()
          && x.batch().equals(l.batch())
          && x.contest().equals(l.contest())
          && x.choice().equals(l.choice())
          && x.sheet().equals(l.sheet())) {
        return added.contains(h)
            ? h.source() + " line " + x.row()
            : TallyFiles.HAND_TALLY
                + " line "
                + x.row()
                + " of the record (entered from "
                + h.source()
                + " line "
                + h.sourceLine()
                + ")";
      }
    }
    return "row " + d.firstRow();
  }

  private static HandLine lineOf(TallyProblem p, Map<TallyLine, HandLine> byLine) {
    TallyLine l = null;
    if (p instanceof TallyProblem.NegativeCount n) {
      l = n.line();
    } else if (p instanceof TallyProblem.UnknownBatch u) {
      l = u.line();
    } else if (p instanceof TallyProblem.ContestNotInBatch c) {
      l = c.line();
    } else if (p instanceof TallyProblem.UnknownChoice u) {
      l = u.line();
    } else if (p instanceof TallyProblem.DuplicateLine d) {
      l = d.line();
    }
    return l == null ? null : byLine.get(l);
  }

  /**
   * For a batch total's problem: the first line it adds up (of that choice, or of the contest),
   * preferring a line just entered over one recorded before.
   */
  private static HandLine firstFor(TallyProblem p, List<HandLine> lines, Set<HandLine> added) {
    String batch;
    String contest;
    String choice = null;
    if (p instanceof TallyProblem.ChoiceAboveCards c) {
      batch = c.batch();
      contest = c.contest();
      choice = c.choice();
    } else if (p instanceof TallyProblem.TotalAboveCards t) {
      batch = t.batch();
      contest = t.contest();
    } else {
      return null;
    }
    String wanted = choice;
    List<HandLine> adding =
        lines.stream()
            .filter(h -> h.line().batch().equals(batch) && h.line().contest().equals(contest))
            .filter(h -> wanted == null || h.line().choice().equals(wanted))
            .filter(h -> h.line().votes() >= 0)
            .toList();
    return adding.stream()
        .filter(added::contains)
        .findFirst()
        .orElse(adding.stream().findFirst().orElse(null));
  }

  private static String column(TallyProblem p, String unit) {
    if (p instanceof TallyProblem.UnknownBatch) {
      return unit;
    }
    if (p instanceof TallyProblem.ContestNotInBatch) {
      return "contest";
    }
    if (p instanceof TallyProblem.UnknownChoice) {
      return "choice";
    }
    if (p instanceof TallyProblem.DuplicateLine) {
      return "sheet";
    }
    return "votes";
  }

  /** The message without its "Row n: " (the location says it) split at " Fix: ". */
  static String[] split(String message) {
    String m = message.replaceFirst("^Row \\d+: ", "");
    int i = m.indexOf(" Fix: ");
    return i < 0 ? new String[] {m, ""} : new String[] {m.substring(0, i), m.substring(i + 6)};
  }
}
