package org.riskaudit.formats.dominion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.riskaudit.core.card.ContestDefinition;

/**
 * The column layout of a Dominion CSV export, read from its 4 header rows: where the fixed columns
 * are (row 4), where the contest columns start (first non-empty cell of row 2), and each contest's
 * columns, Vote For and ranks (row 2) and choices (row 3, {@code Name(rank)} for ranked contests).
 */
final class CsvLayout {
  /** One contest's columns [first, last). For ranked contests {@code rankOf[i]} is 1-based. */
  record ContestColumns(ContestVotes votes, int first, int last, int[] candidateOf, int[] rankOf) {}

  private static final Pattern HEADER =
      Pattern.compile(
          "^(.*?)\\s*\\((?:Vote For=(\\d+)|Number of positions=(\\d+),\\s*Number of ranks=(\\d+))\\)\\s*$",
          Pattern.DOTALL);
  private static final Pattern RANKED_CHOICE =
      Pattern.compile("^(.*)\\((\\d+)\\)\\s*$", Pattern.DOTALL);

  int cvrNumber = -1;
  int tabulator = -1;
  int batch = -1;
  int record = -1;
  int imprinted = -1;
  int precinct = -1;
  int ballotType = -1;
  int columns;
  final List<ContestColumns> contests = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();

  /** Builds the layout, or returns an error message (with the fix after " Fix: "). */
  static Object of(List<String> row2, List<String> row3, List<String> row4) {
    CsvLayout l = new CsvLayout();
    int n = row2.size();
    while (n > 0 && row2.get(n - 1).isBlank()) {
      n--; // trailing empty cells (some exports pad the header rows unevenly)
    }
    l.columns = n;
    int start = -1;
    for (int i = 0; i < row2.size(); i++) {
      if (!row2.get(i).isBlank()) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      return "header row 2 has no contest names, so this is not a Dominion CVR export with 4 header rows"
          + " Fix: export the CVRs as Dominion 'CVR_Export' CSV (4 header rows)";
    }
    if (start == 0) {
      return "header row 2 starts with '"
          + row2.get(0)
          + "', but in a Dominion CVR export it is empty"
          + " over the fixed columns (CvrNumber, TabulatorNum, ...), so this is not a Dominion CVR export"
          + " Fix: give the CVR_Export CSV; a ballot manifest or results file cannot be read as CVRs";
    }
    for (int i = 0; i < start && i < row4.size(); i++) {
      switch (row4.get(i).trim().toLowerCase(Locale.ROOT)) {
        case "cvrnumber" -> l.cvrNumber = i;
        case "tabulatornum" -> l.tabulator = i;
        case "batchid" -> l.batch = i;
        case "recordid" -> l.record = i;
        case "imprintedid" -> l.imprinted = i;
        case "precinctportion" -> l.precinct = i;
        case "ballottype" -> l.ballotType = i;
        default -> {} // CountingGroup, NotCountingGroup, UniqueVotingIdentifier, ...: not needed
      }
    }
    for (String[] req :
        new String[][] {
          {"CvrNumber", "" + l.cvrNumber},
          {"TabulatorNum", "" + l.tabulator},
          {"BatchId", "" + l.batch},
          {"RecordId", "" + l.record}
        }) {
      if (req[1].equals("-1")) {
        return "header row 4 has no column '"
            + req[0]
            + "' before the contest columns (found "
            + row4.subList(0, Math.min(start, row4.size()))
            + ")"
            + " Fix: the 4th row must name CvrNumber, TabulatorNum, BatchId, RecordId, ...; check"
            + " that the file has exactly 4 header rows";
      }
    }
    if (row3.size() < l.columns || row4.size() < start) {
      return "header rows 2, 3 and 4 have "
          + row2.size()
          + ", "
          + row3.size()
          + " and "
          + l.columns
          + " cells; rows 3 and 4 must cover the contest columns of row 2 Fix: export the CVR file again";
    }
    int i = start;
    while (i < l.columns) {
      String header = row2.get(i);
      int j = i + 1;
      while (j < l.columns && row2.get(j).equals(header)) {
        j++;
      }
      Object c = contest(header, row3.subList(i, j), i, l.warnings);
      if (c instanceof String err) {
        return err;
      }
      l.contests.add((ContestColumns) c);
      i = j;
    }
    return l;
  }

  private static Object contest(
      String header, List<String> choices, int first, List<String> warnings) {
    Matcher m = HEADER.matcher(header);
    String name;
    int voteFor = 1;
    int ranks = 0;
    if (m.matches()) {
      name = m.group(1);
      if (m.group(2) != null) {
        voteFor = Integer.parseInt(m.group(2));
      } else {
        voteFor = Integer.parseInt(m.group(3));
        ranks = Integer.parseInt(m.group(4));
      }
    } else {
      name = header;
      warnings.add(
          "contest header '"
              + header.replaceAll("\\s+", " ")
              + "' does not say (Vote For=N); assuming Vote For=1");
    }
    name = name.replaceAll("\\s+", " ").trim();
    if (name.isEmpty() || voteFor < 1) {
      return "contest header '"
          + header
          + "' in column "
          + (first + 1)
          + " has no name or Vote For < 1"
          + " Fix: export the CVR file again";
    }
    int n = choices.size();
    int[] cand = new int[n];
    int[] rank = new int[n];
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int k = 0; k < n; k++) {
      String choice = choices.get(k).replaceAll("\\s+", " ").trim();
      if (ranks > 0) {
        Matcher rm = RANKED_CHOICE.matcher(choice);
        if (!rm.matches()) {
          return "ranked contest '"
              + name
              + "' has choice column '"
              + choice
              + "' (column "
              + (first + k + 1)
              + ") without a rank like 'Alice(1)' Fix: export the CVR file again";
        }
        choice = rm.group(1).trim();
        rank[k] = Integer.parseInt(rm.group(2));
      }
      if (choice.isEmpty()) {
        choice = "Choice " + (k + 1);
      }
      cand[k] = index.computeIfAbsent(choice, x -> index.size());
    }
    List<String> names = new ArrayList<>(index.keySet());
    ContestVotes votes =
        new ContestVotes(
            new ContestDefinition(name, voteFor, names, ranks), names.toArray(new String[0]));
    return new ContestColumns(votes, first, first + n, cand, rank);
  }
}
