package org.riskaudit.formats.hart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLStreamException;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.cvr.CvrImporter;

/**
 * Hart Verity CVR exports: XML files (one per sheet), folders of them, zips of them and zips of
 * zips, with the optional "scanned ballot information" CSV ({@code #FormatVersion 1}, header line
 * prefixed by {@code #}) whose {@code CvrId} joins to {@code CvrGuid} and gives the tabulator
 * ({@code Workstation}) and the imprinted id ({@code UniqueIdentifier}).
 *
 * <p>Each sheet is a card. Its position in batch {@code BatchNumber} is the rank of (BatchSequence,
 * SheetNumber) among the batch's sheets, the order they are stacked in; the import report states
 * this rule. Hart lists only voted options and flags overvotes itself ({@code Overvotes}), so no
 * Vote For is assumed: a contest's Vote For in the definitions is the most choices any card without
 * an overvote selected. The export is read twice (positions first), so memory holds one small key
 * per sheet, never the votes.
 */
public final class HartImporter implements CvrImporter {
  private final String county;

  public HartImporter() {
    this(null);
  }

  private HartImporter(String county) {
    this.county = county;
  }

  public HartImporter withCounty(String county) {
    return new HartImporter(county);
  }

  @Override
  public String format() {
    return "hart";
  }

  private interface SheetVisitor {
    void sheet(String file, HartSheet s);
  }

  private record Scanned(String tabulator, String imprinted) {}

  @Override
  public CvrImportResult read(List<Path> inputs, Consumer<Cvr> sink) throws IOException {
    try {
      return readAll(inputs, sink);
    } catch (IllegalArgumentException e) {
      // A value a record refuses (a blank contest name, a position below 1): the export is
      // unusable.
      return new CvrImportResult(
          format(),
          List.of(),
          0,
          List.of(
              ImportProblem.error(
                  "(inputs)",
                  0,
                  "",
                  "the export has an invalid value: " + e.getMessage(),
                  "Export the CVRs again from Verity.")));
    }
  }

  private CvrImportResult readAll(List<Path> inputs, Consumer<Cvr> sink) throws IOException {
    List<ImportProblem> problems = new ArrayList<>();
    Map<String, Scanned> scanned = new HashMap<>();
    List<Path> cvrInputs = new ArrayList<>();
    for (Path p : inputs) {
      if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
        readScanned(p, scanned, problems);
      } else {
        cvrInputs.add(p);
      }
    }
    String countyName =
        county != null
            ? county
            : cvrInputs.isEmpty()
                ? "County"
                : cvrInputs.get(0).getFileName().toString().replaceFirst("(?i)\\.(zip|xml)$", "");
    Map<String, TreeMap<Long, Integer>> order = new HashMap<>();
    visit(
        cvrInputs,
        problems,
        (file, s) ->
            order
                .computeIfAbsent(s.batch(), k -> new TreeMap<>())
                .put((long) s.sequence() * 1000 + s.sheet(), 0));
    order
        .values()
        .forEach(
            m -> {
              int i = 0;
              for (Map.Entry<Long, Integer> e : m.entrySet()) {
                e.setValue(++i);
              }
            });
    Map<String, List<String>> choices = new LinkedHashMap<>();
    Map<String, Integer> voteFor = new LinkedHashMap<>();
    long[] cards = {0};
    Map<String, String> seen = new HashMap<>();
    visit(
        cvrInputs,
        new ArrayList<>(),
        (file, s) -> {
          String key = s.batch() + "/" + s.sequence() + "/" + s.sheet();
          String first = seen.putIfAbsent(key, file);
          if (first != null) {
            problems.add(
                ImportProblem.error(
                    file,
                    0,
                    "BatchSequence",
                    "batch "
                        + s.batch()
                        + " sequence "
                        + s.sequence()
                        + " sheet "
                        + s.sheet()
                        + " appears again (first in "
                        + first
                        + ")",
                    "Each sheet must appear once."));
            return;
          }
          Map<String, ContestVote> votes = new LinkedHashMap<>();
          s.votes()
              .forEach(
                  (contest, list) -> {
                    boolean over = s.overvoted().getOrDefault(contest, false);
                    votes.put(
                        contest,
                        over
                            ? ContestVote.OVERVOTE
                            : new ContestVote(list.stream().distinct().toList(), false));
                    List<String> known = choices.computeIfAbsent(contest, k -> new ArrayList<>());
                    list.stream().filter(c -> !known.contains(c)).forEach(known::add);
                    if (!over) {
                      voteFor.merge(contest, Math.max(1, list.size()), Math::max);
                    } else {
                      voteFor.putIfAbsent(contest, 1);
                    }
                  });
          Scanned sc = scanned.get(s.cvrGuid());
          int position = order.get(s.batch()).get((long) s.sequence() * 1000 + s.sheet());
          sink.accept(
              new Cvr(
                  new CardLocation(countyName, sc == null ? "" : sc.tabulator, s.batch(), position),
                  sc == null ? s.cvrGuid() : sc.imprinted,
                  "",
                  s.precinct(),
                  votes));
          cards[0]++;
        });
    problems.add(
        ImportProblem.note(
            "(inputs)",
            0,
            "BatchSequence",
            "placement rule: each sheet is a card at the rank of (BatchSequence, SheetNumber) within its BatchNumber"
                + (scanned.isEmpty()
                    ? "; no scanned-ballot CSV was given, so tabulators are empty"
                    : "")));
    List<ContestDefinition> defs = new ArrayList<>();
    choices.forEach(
        (c, list) -> defs.add(new ContestDefinition(c, voteFor.getOrDefault(c, 1), list, 0)));
    return new CvrImportResult(format(), defs, cards[0], problems);
  }

  private static void visit(List<Path> inputs, List<ImportProblem> problems, SheetVisitor v)
      throws IOException {
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
            visit(List.of(f), problems, v);
          }
        }
      } else {
        try (InputStream in = Files.newInputStream(p)) {
          entry(p.getFileName().toString(), in, problems, v);
        }
      }
    }
  }

  private static void entry(
      String name, InputStream in, List<ImportProblem> problems, SheetVisitor v)
      throws IOException {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".zip")) {
      ZipInputStream zip = new ZipInputStream(in);
      try {
        for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
          if (!e.isDirectory()) {
            entry(
                name + "!" + e.getName(),
                new ByteArrayInputStream(zip.readAllBytes()),
                problems,
                v);
          }
        }
      } catch (java.util.zip.ZipException e) {
        problems.add(
            ImportProblem.error(
                name,
                0,
                "",
                "the zip cannot be read: " + e.getMessage(),
                "Copy the export again."));
      }
    } else if (lower.endsWith(".xml")) {
      try {
        v.sheet(name, HartXml.read(in));
      } catch (XMLStreamException | NumberFormatException e) {
        problems.add(
            ImportProblem.error(
                name,
                0,
                "",
                "not a readable Hart CVR: " + e.getMessage(),
                "Export the CVR again; each XML must be a complete <Cvr> with BatchNumber and BatchSequence."));
      }
    }
  }

  private static void readScanned(Path p, Map<String, Scanned> out, List<ImportProblem> problems)
      throws IOException {
    String file = p.getFileName().toString();
    List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    List<String> header = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replace("\uFEFF", "");
      if (line.startsWith("#FormatVersion") || line.isBlank()) {
        continue;
      }
      List<String> cells = splitCsv(line.startsWith("#") ? line.substring(1) : line);
      if (header == null) {
        header = cells;
        if (!header.contains("CvrId") || !header.contains("Workstation")) {
          problems.add(
              ImportProblem.error(
                  file,
                  i + 1,
                  "",
                  "the scanned-ballot header has no CvrId or Workstation column",
                  "Give Hart's scanned ballot information CSV."));
          return;
        }
        continue;
      }
      int id = header.indexOf("CvrId");
      int ws = header.indexOf("Workstation");
      int uid = header.indexOf("UniqueIdentifier");
      if (cells.size() > Math.max(id, ws)) {
        out.putIfAbsent(
            cells.get(id),
            new Scanned(cells.get(ws), uid >= 0 && uid < cells.size() ? cells.get(uid) : ""));
      }
    }
  }

  private static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(b.toString());
        b.setLength(0);
      } else {
        b.append(c);
      }
    }
    out.add(b.toString());
    return out;
  }
}
