package org.riskaudit.formats.dominion;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.cvr.CvrImporter;

/**
 * Imports Dominion Democracy Suite CSV CVR exports ({@code CVR_Export_*.csv}, 4 header rows; see
 * {@link CsvLayout}). Data cells: {@code 1} a mark, {@code 0} none, all cells of a contest empty =
 * the contest is not on the card; more 1s than Vote For is an overvote. Ranked contests have one
 * column per (choice, rank).
 *
 * <p><b>Placement rule:</b> a card is at position {@code RecordId} of batch {@code (TabulatorNum,
 * BatchId)}. County: {@link #withCounty}, else the file name without {@code .csv} (a trailing
 * {@code " - cvrs"} is dropped). Several files (or a folder of .csv files) are read in name order.
 */
public final class DominionCsvImporter implements CvrImporter {
  private final String county;

  public DominionCsvImporter() {
    this(null);
  }

  private DominionCsvImporter(String county) {
    this.county = county;
  }

  /** The same importer placing every card in {@code county}. */
  public DominionCsvImporter withCounty(String county) {
    if (county == null || county.isBlank()) {
      throw new IllegalArgumentException("county must not be blank, got '" + county + "'");
    }
    return new DominionCsvImporter(county.trim());
  }

  @Override
  public String format() {
    return "dominion-csv";
  }

  @Override
  public CvrImportResult read(List<Path> inputs, Consumer<Cvr> sink) throws IOException {
    Problems problems = new Problems();
    List<Path> files = new ArrayList<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) {
        try (Stream<Path> s = Files.list(in)) {
          s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".csv"))
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(in)) {
        files.add(in);
      } else {
        problems.error(
            in.toString(), 0, "", "the input does not exist", "give an existing file or folder");
      }
    }
    Map<String, ContestDefinition> contests = new LinkedHashMap<>();
    Map<String, SeenCards> seenByCounty = new HashMap<>();
    long cards = 0;
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f);
          Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        String county = countyFor(f);
        SeenCards seen = seenByCounty.computeIfAbsent(county, k -> new SeenCards());
        FileReader fr = new FileReader(f.getFileName().toString(), county, problems, seen, sink);
        cards += fr.read(new CsvRecords(r));
        if (fr.layout != null) {
          for (CsvLayout.ContestColumns c : fr.layout.contests) {
            contests.putIfAbsent(c.votes().definition.name(), c.votes().definition);
          }
        }
      }
    }
    if (cards > 0) {
      problems.add(
          ImportProblem.note(
              "(all files)",
              0,
              "RecordId",
              "placement rule: each card is at"
                  + " position RecordId of batch (TabulatorNum, BatchId); "
                  + cards
                  + " cards placed"));
    }
    return new CvrImportResult(
        format(), new ArrayList<>(contests.values()), cards, problems.list());
  }

  private String countyFor(Path f) {
    if (county != null) {
      return county;
    }
    String n = f.getFileName().toString();
    n = n.replaceFirst("(?i)\\.csv$", "").replaceFirst("(?i)\\s*-\\s*cvrs?$", "").trim();
    return n.isEmpty() ? "County" : n;
  }

  /** Reads one file. */
  private static final class FileReader {
    private final String file;
    private final String county;
    private final Problems problems;
    private final SeenCards seen;
    private final Consumer<Cvr> sink;
    private final Map<String, String> strings = new HashMap<>();
    private final String[] last = new String[8];
    CsvLayout layout;
    private int[] marked = new int[16];
    private int[] ranks = new int[16];

    FileReader(String file, String county, Problems problems, SeenCards seen, Consumer<Cvr> sink) {
      this.file = file;
      this.county = county;
      this.problems = problems;
      this.seen = seen;
      this.sink = sink;
    }

    long read(CsvRecords csv) throws IOException {
      long cards = 0;
      try {
        List<List<String>> header = new ArrayList<>();
        while (header.size() < 4 && csv.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 0; i < csv.fields(); i++) {
            row.add(csv.text(i));
          }
          header.add(row);
        }
        if (header.size() < 4) {
          problems.error(
              file,
              csv.line(),
              "",
              "the file has "
                  + header.size()
                  + " rows; a Dominion CVR export has 4 header rows and then one row per card",
              "export the CVRs again as Dominion CSV");
          return 0;
        }
        Object l = CsvLayout.of(header.get(1), header.get(2), header.get(3));
        if (l instanceof String err) {
          int fix = err.indexOf(" Fix: ");
          problems.error(
              file,
              err.startsWith("header row 2") ? 2 : 4,
              "",
              err.substring(0, fix),
              err.substring(fix + 6));
          return 0;
        }
        layout = (CsvLayout) l;
        layout.warnings.forEach(w -> problems.add(ImportProblem.warning(file, 2, "", w, "")));
        while (csv.next()) {
          if (csv.fields() == 1 && csv.length(0) == 0) {
            continue; // blank line
          }
          Cvr cvr = row(csv);
          if (cvr != null) {
            sink.accept(cvr);
            cards++;
          }
        }
      } catch (CsvRecords.CsvSyntaxException e) {
        problems.error(
            file,
            e.line,
            "",
            e.getMessage() + " (the file may be truncated)",
            "export the CVR file again");
      }
      return cards;
    }

    private String cached(CsvRecords csv, int field, int slot) {
      if (field < 0) {
        return "";
      }
      String prev = last[slot];
      if (prev != null && csv.equals(field, prev)) {
        return prev;
      }
      String s = csv.text(field);
      if (strings.size() < 100_000) {
        s = strings.computeIfAbsent(s, k -> k);
      }
      last[slot] = s;
      return s;
    }

    /** True when the row has more cells than the header but the extra ones are empty. */
    private boolean onlyEmptyAfterContests(CsvRecords csv) {
      if (csv.fields() < layout.columns) {
        return false;
      }
      for (int i = layout.columns; i < csv.fields(); i++) {
        if (csv.length(i) > 0) {
          return false;
        }
      }
      return true;
    }

    private Cvr row(CsvRecords csv) {
      long line = csv.line();
      if (csv.fields() != layout.columns && !onlyEmptyAfterContests(csv)) {
        problems.error(
            file,
            line,
            "",
            "the row has " + csv.fields() + " cells; the header has " + layout.columns + " columns",
            "every row must have as many cells as the header (file truncated or edited?)");
        return null;
      }
      String cvrNumber = csv.text(layout.cvrNumber);
      if (!seen.addCvrNumber(cvrNumber)) {
        problems.error(
            file,
            line,
            "CvrNumber",
            "duplicate CvrNumber " + cvrNumber,
            "remove the duplicate row; every card is exported once");
        return null;
      }
      int record = parseInt(csv, layout.record);
      if (record < 1) {
        problems.error(
            file,
            line,
            "RecordId",
            "RecordId '"
                + csv.text(layout.record)
                + "' is not a position in the batch (an integer of at least 1)",
            "export the CVRs again");
        return null;
      }
      String tab = cached(csv, layout.tabulator, 0);
      String batch = cached(csv, layout.batch, 1);
      if (!seen.addLocation(tab, batch, record)) {
        problems.error(
            file,
            line,
            "RecordId",
            "duplicate card: tabulator "
                + tab
                + ", batch "
                + batch
                + ", record "
                + record
                + " appears twice",
            "remove the duplicate row");
        return null;
      }
      Map<String, ContestVote> votes = null;
      String k1 = null;
      ContestVote v1 = null;
      int onCard = 0;
      for (CsvLayout.ContestColumns c : layout.contests) {
        ContestVote v = vote(csv, c, line);
        if (v == ERROR) {
          return null;
        }
        if (v == null) {
          continue;
        }
        onCard++;
        String name = c.votes().definition.name();
        if (onCard == 1) {
          k1 = name;
          v1 = v;
        } else {
          if (votes == null) {
            votes = new HashMap<>();
            votes.put(k1, v1);
          }
          votes.put(name, v);
        }
      }
      Map<String, ContestVote> m =
          onCard == 0 ? Map.of() : onCard == 1 ? Map.of(k1, v1) : Map.copyOf(votes);
      String imprinted =
          layout.imprinted >= 0 ? csv.text(layout.imprinted) : tab + "-" + batch + "-" + record;
      return new Cvr(
          new CardLocation(county, tab, batch, record),
          imprinted,
          cached(csv, layout.ballotType, 2),
          cached(csv, layout.precinct, 3),
          m);
    }

    private static final ContestVote ERROR = new ContestVote(List.of(), true);

    private ContestVote vote(CsvRecords csv, CsvLayout.ContestColumns c, long line) {
      int n = 0;
      int empty = 0;
      for (int col = c.first(); col < c.last(); col++) {
        int len = csv.length(col);
        if (len == 0) {
          empty++;
          continue;
        }
        char ch = csv.charAt(col, 0);
        if (len != 1 || (ch != '0' && ch != '1')) {
          problems.error(
              file,
              line,
              "column " + (col + 1),
              "mark '"
                  + csv.text(col)
                  + "' in contest '"
                  + c.votes().definition.name()
                  + "' is not 0, 1 or empty",
              "export the CVR file again");
          return ERROR;
        }
        if (ch == '1') {
          if (n == marked.length) {
            marked = java.util.Arrays.copyOf(marked, n * 2);
            ranks = java.util.Arrays.copyOf(ranks, n * 2);
          }
          int k = col - c.first();
          marked[n] = c.candidateOf()[k];
          ranks[n] = c.rankOf()[k];
          n++;
        }
      }
      if (empty == c.last() - c.first()) {
        return null;
      }
      ContestVotes v = c.votes();
      return v.definition.isRanked() ? v.ranked(marked, ranks, n) : v.plurality(marked, n);
    }

    private static int parseInt(CsvRecords csv, int field) {
      int len = csv.length(field);
      if (len == 0 || len > 9) {
        return -1;
      }
      int v = 0;
      for (int i = 0; i < len; i++) {
        char c = csv.charAt(field, i);
        if (c < '0' || c > '9') {
          return -1;
        }
        v = v * 10 + (c - '0');
      }
      return v;
    }
  }
}
