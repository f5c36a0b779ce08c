package org.riskaudit.bench.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.riskaudit.formats.generate.CountyTotals;
import org.riskaudit.formats.generate.ElectionGenerator;
import org.riskaudit.formats.generate.GeneratorOptions;

/**
 * The statewide election of the scale benchmark: 58 counties proportioned like Question 1 of the
 * 2021 California recall (or 58 equal synthetic counties when the recall's totals are absent),
 * scaled to the requested number of cards, generated deterministically by {@link ElectionGenerator}
 * into {@code dir}. Every fifth county (in the totals file's order) is imported from its Dominion
 * CSV export, the others from their Dominion JSON exports; the generator writes both formats and
 * the unused one of each county is deleted, so the folder holds exactly the input.
 *
 * @param expected true votes per choice (no errors are generated, so also the reported results)
 * @param blanks cards with no vote in the contest
 */
record ScaleElection(
    Path dir,
    String source,
    double scale,
    ElectionGenerator.Summary summary,
    List<String> jsonCounties,
    List<String> csvCounties,
    Map<String, Long> expected,
    long blanks) {
  static final String CONTEST = "Recall Question 1";
  static final long SEED = 20_210_914L;

  /** Blank or invalid Question 1 votes of the recall: 54,013 of 12,892,578 ballots cast. */
  static final double BLANK_RATE = 54_013.0 / 12_838_565;

  static final int BATCH_SIZE = 250;

  static ScaleElection generate(long cards, Path dir, Path recallTotals) throws IOException {
    CountyTotals.Election e;
    String source;
    if (recallTotals != null && Files.isRegularFile(recallTotals)) {
      e = CountyTotals.readCsv(recallTotals, CONTEST);
      source = "county totals of " + recallTotals.getFileName() + " (2021 California recall, Q1)";
    } else {
      e = CountyTotals.synthetic(Math.round(cards / (1 + BLANK_RATE)), 58, CONTEST);
      source = "58 equal synthetic counties (recall totals not found), Yes 45 % / No 55 %";
    }
    long votes = 0;
    for (CountyTotals c : e.counties()) {
      for (long v : c.votes()) {
        votes += v;
      }
    }
    double scale = cards / (votes * (1 + BLANK_RATE));
    GeneratorOptions o =
        new GeneratorOptions(
            scale, SEED, 0, Map.of(), 0, BLANK_RATE, BATCH_SIZE, true, false, true);
    ElectionGenerator.Summary s = new ElectionGenerator(e, o, "Scale benchmark").write(dir);
    List<String> json = new ArrayList<>();
    List<String> csv = new ArrayList<>();
    for (int i = 0; i < e.counties().size(); i++) {
      String county = e.counties().get(i).county();
      boolean asCsv = i % 5 == 4;
      (asCsv ? csv : json).add(county);
      String file = ElectionGenerator.fileName(county);
      if (asCsv) {
        deleteTree(dir.resolve("dominion-json").resolve(file));
      } else {
        Files.delete(dir.resolve("dominion-csv").resolve(file + ".csv"));
      }
    }
    Map<String, Long> expected = new LinkedHashMap<>();
    e.choices().forEach(c -> expected.put(c, 0L));
    for (String line :
        Files.readAllLines(dir.resolve("reported-results.csv"), StandardCharsets.UTF_8)) {
      String[] f = line.split(",");
      if (!line.startsWith("county,") && expected.containsKey(f[f.length - 2])) {
        expected.merge(f[f.length - 2], Long.parseLong(f[f.length - 1]), Long::sum);
      }
    }
    long blanks = s.cards() - expected.values().stream().mapToLong(Long::longValue).sum();
    return new ScaleElection(dir, source, scale, s, json, csv, expected, blanks);
  }

  List<Path> jsonInputs() {
    return jsonCounties.stream()
        .map(c -> dir.resolve("dominion-json").resolve(ElectionGenerator.fileName(c)))
        .toList();
  }

  List<Path> csvInputs() {
    return csvCounties.stream()
        .map(c -> dir.resolve("dominion-csv").resolve(ElectionGenerator.fileName(c) + ".csv"))
        .toList();
  }

  Path manifest() {
    return dir.resolve("ballot-manifest.csv");
  }

  /** The CvrExport files of every JSON county, in import order. */
  List<Path> jsonCvrFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path folder : jsonInputs()) {
      try (Stream<Path> s = Files.list(folder)) {
        s.filter(p -> p.getFileName().toString().startsWith("CvrExport"))
            .sorted()
            .forEach(files::add);
      }
    }
    return files;
  }

  static long bytes(List<Path> paths) throws IOException {
    long n = 0;
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          n += s.mapToLong(f -> f.toFile().length()).sum();
        }
      } else {
        n += Files.size(p);
      }
    }
    return n;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
