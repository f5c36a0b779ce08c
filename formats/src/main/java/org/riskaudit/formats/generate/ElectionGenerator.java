package org.riskaudit.formats.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Writes a complete synthetic election in real vendor formats (layout in docs/formats.md,
 * "Generated elections"). Each card's true (paper) vote is drawn without replacement from the
 * county's scaled totals, so the paper totals are exact; the CVR may then be altered by random
 * errors or by an attack, and may be missing. Every county uses its own generator seeded from
 * {@code seed} and the county's index, and draws the same number of random numbers per card, so the
 * output is a function of the options alone. Nothing per card is kept in memory.
 */
public final class ElectionGenerator {
  /** What was written. */
  public record Summary(
      long cards, long cvrs, long missing, long altered, int counties, long batches) {}

  private record CountyResult(
      long[] reported,
      List<String> manifestRows,
      long cards,
      long cvrs,
      long missing,
      long altered) {}

  private final CountyTotals.Election election;
  private final GeneratorOptions options;
  private final String electionName;

  public ElectionGenerator(
      CountyTotals.Election election, GeneratorOptions options, String electionName) {
    this.election = election;
    this.options = options;
    this.electionName = electionName;
  }

  public Summary write(Path out) throws IOException {
    Files.createDirectories(out);
    for (String county : options.attack().keySet()) {
      requireCounty("--attack", county);
    }
    for (String county : options.countyFormats().keySet()) {
      requireCounty("--county-format", county);
    }
    List<CountyResult> results;
    try {
      results =
          IntStream.range(0, election.counties().size())
              .parallel()
              .mapToObj(i -> county(out, i))
              .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    long cards = 0, cvrs = 0, missing = 0, altered = 0, batches = 0;
    try (BufferedWriter m =
            Files.newBufferedWriter(out.resolve("ballot-manifest.csv"), StandardCharsets.UTF_8);
        BufferedWriter r =
            Files.newBufferedWriter(out.resolve("reported-results.csv"), StandardCharsets.UTF_8)) {
      m.write("County,Container,Tabulator,Batch Name,Number of Ballots\n");
      r.write("county,contest,choice,votes\n");
      for (int i = 0; i < results.size(); i++) {
        CountyResult cr = results.get(i);
        String county = DominionWriters.csvCell(election.counties().get(i).county());
        for (String row : cr.manifestRows()) {
          m.write(county + "," + row + "\n");
        }
        for (int k = 0; k < election.choices().size(); k++) {
          r.write(
              county
                  + ","
                  + DominionWriters.csvCell(election.contest())
                  + ","
                  + DominionWriters.csvCell(election.choices().get(k))
                  + ","
                  + cr.reported()[k]
                  + "\n");
        }
        cards += cr.cards();
        cvrs += cr.cvrs();
        missing += cr.missing();
        altered += cr.altered();
        batches += cr.manifestRows().size();
      }
    }
    return new Summary(cards, cvrs, missing, altered, results.size(), batches);
  }

  private void requireCounty(String option, String county) {
    if (election.counties().stream().noneMatch(c -> c.county().equals(county))) {
      throw new IllegalArgumentException(
          option
              + " names county '"
              + county
              + "', which is not in the election; use one of the county names of the totals");
    }
  }

  /**
   * The county name as a file name: readable and round-tripping through the importers, which name a
   * county after its file ("San Luis Obispo.csv" -> "San Luis Obispo"); only characters that file
   * systems reject are replaced.
   */
  public static String fileName(String county) {
    return county.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", "_");
  }

  private CountyResult county(Path out, int index) {
    try {
      return writeCounty(out, index);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CountyResult writeCounty(Path out, int index) throws IOException {
    CountyTotals ct = election.counties().get(index);
    int k = election.choices().size();
    long[] remaining = new long[k + 1]; // last slot: blank cards
    long votes = 0;
    for (int i = 0; i < k; i++) {
      remaining[i] = Math.round(ct.votes()[i] * options.scale());
      votes += remaining[i];
    }
    remaining[k] = Math.round(votes * options.blankRate());
    long n = votes + remaining[k];
    int size = options.batchSize();
    int batches = (int) ((n + size - 1) / size);
    CountyFormat format = options.format(ct.county());
    // ES&S Tabulator CVRs start with a 4-digit tabulator number
    int firstTabulator = format == CountyFormat.ESS ? 1001 : 1;
    List<int[]> tabBatch = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      int tab = b / 50 + firstTabulator;
      int count = (int) Math.min(size, n - (long) b * size);
      tabBatch.add(new int[] {tab, b + 1, count});
      rows.add("Box " + (b / 20 + 1) + "," + tab + "," + (b + 1) + "," + count);
    }
    String file = fileName(ct.county());
    List<DominionWriters.CardWriter> cvrWriters = new ArrayList<>();
    String contest = election.contest();
    List<String> choices = election.choices();
    switch (format) {
      case ESS ->
          cvrWriters.add(VendorWriters.ess(out.resolve("ess").resolve(file), contest, choices));
      case CLEARBALLOT ->
          cvrWriters.add(
              VendorWriters.clearBallot(
                  out.resolve("clearballot").resolve(file + ".csv"), contest, choices));
      case NIST ->
          cvrWriters.add(
              VendorWriters.nist(
                  out.resolve("nist").resolve(file + ".json"),
                  electionName,
                  ct.county(),
                  contest,
                  choices));
      case BATCH_TOTALS ->
          cvrWriters.add(
              VendorWriters.batchTotals(
                  out.resolve("batch-totals").resolve(file + ".csv"),
                  ct.county(),
                  contest,
                  choices));
      case DOMINION, DOMINION_JSON, DOMINION_CSV -> {}
    }
    if (format.writesJson(options.json())) {
      ExportSink sink =
          options.zip()
              ? ExportSink.zip(out.resolve("dominion-json").resolve(file + ".zip"))
              : ExportSink.folder(out.resolve("dominion-json").resolve(file));
      cvrWriters.add(
          DominionWriters.json(
              sink, electionName, ct.county(), election.contest(), election.choices(), tabBatch));
    }
    if (format.writesCsv(options.csv())) {
      cvrWriters.add(
          DominionWriters.csv(
              out.resolve("dominion-csv").resolve(file + ".csv"),
              electionName,
              election.contest(),
              election.choices()));
    }
    DominionWriters.CardWriter paper =
        options.needsPaper()
            ? DominionWriters.csv(
                out.resolve("paper").resolve(file + ".csv"),
                electionName + " (paper truth)",
                election.contest(),
                election.choices())
            : null;
    SplittableRandom rng =
        new SplittableRandom(options.seed() ^ (0x9E3779B97F4A7C15L * (index + 1)));
    double shift = options.attack().getOrDefault(ct.county(), 0.0);
    int winner = election.winner();
    int loser = election.loser();
    long[] reported = new long[k];
    long cvrs = 0, missing = 0, altered = 0, left = n, number = 0;
    for (int[] tb : tabBatch) {
      for (DominionWriters.CardWriter w : cvrWriters) {
        w.startBatch(tb[0], tb[1]);
      }
      if (paper != null) {
        paper.startBatch(tb[0], tb[1]);
      }
      for (int rec = 1; rec <= tb[2]; rec++) {
        int truth = draw(rng.nextLong(left), remaining);
        remaining[truth]--;
        left--;
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        int other = rng.nextInt(k); // a different outcome among the k others (choices and blank)
        int paperChoice = truth == k ? -1 : truth;
        int machine = paperChoice;
        if (paperChoice == winner && u1 < shift) {
          machine = loser;
        } else if (u1 >= shift && u2 < options.errorRate()) {
          int o = other >= truth ? other + 1 : other;
          machine = o == k ? -1 : o;
        }
        if (machine != paperChoice) {
          altered++;
        }
        if (machine >= 0) {
          reported[machine]++;
        }
        number++;
        // a county with only batch totals has no CVRs to miss: its scanners counted every card
        boolean isMissing =
            rng.nextDouble() < options.missingRate() && format != CountyFormat.BATCH_TOTALS;
        if (isMissing) {
          missing++;
        } else {
          if (format != CountyFormat.BATCH_TOTALS) {
            cvrs++;
          }
          for (DominionWriters.CardWriter w : cvrWriters) {
            w.card(number, tb[0], tb[1], rec, machine);
          }
        }
        if (paper != null) {
          paper.card(number, tb[0], tb[1], rec, paperChoice);
        }
      }
    }
    for (DominionWriters.CardWriter w : cvrWriters) {
      w.close();
    }
    if (paper != null) {
      paper.close();
    }
    return new CountyResult(reported, rows, n, cvrs, missing, altered);
  }

  private static int draw(long u, long[] remaining) {
    for (int i = 0; i < remaining.length; i++) {
      if (u < remaining[i]) {
        return i;
      }
      u -= remaining[i];
    }
    throw new IllegalStateException("no cards left to draw");
  }
}
