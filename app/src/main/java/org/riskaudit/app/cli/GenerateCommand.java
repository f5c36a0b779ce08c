package org.riskaudit.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.riskaudit.formats.generate.CountyTotals;
import org.riskaudit.formats.generate.ElectionGenerator;
import org.riskaudit.formats.generate.GeneratorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskaudit generate}: writes a deterministic synthetic election in vendor formats. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a synthetic election in real vendor formats, deterministic from --seed.",
      "Output folder (--out):",
      "  ballot-manifest.csv      County,Container,Tabulator,Batch Name,",
      "                           Number of Ballots (one row per batch)",
      "  reported-results.csv     county,contest,choice,votes (machine count)",
      "  dominion-json/<county>/  CvrExport_<n>.json per batch + manifests",
      "                           (dominion-json/<county>.zip with --zip)",
      "  dominion-csv/<county>.csv  Dominion CSV export (4 header rows)",
      "  paper/<county>.csv       what every card really says (Dominion CSV),",
      "                           written when --errors/--attack/--missing is set",
      "Details: docs/formats.md, 'Generated elections'.",
      ""
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Option(
      names = "--totals",
      description =
          "CSV 'county,<choice>,<choice>...' of true votes per county (e.g. the recall's recall_q1_by_county.csv).")
  Path totals;

  @Option(
      names = "--cards",
      description = "Without --totals: number of cards (Yes 45 %% / No 55 %%).",
      defaultValue = "100000")
  long cards;

  @Option(
      names = "--counties",
      description = "Without --totals: number of synthetic counties.",
      defaultValue = "1")
  int counties;

  @Option(names = "--contest", description = "Contest name.", defaultValue = "Question 1")
  String contest;

  @Option(
      names = "--scale",
      description = "Fraction of the totals to generate.",
      defaultValue = "1")
  double scale;

  @Option(names = "--seed", description = "Random seed.", defaultValue = "1")
  long seed;

  @Option(
      names = "--errors",
      description = "Fraction of CVRs that differ from the paper at random.",
      defaultValue = "0")
  double errors;

  @Option(
      names = "--attack",
      paramLabel = "COUNTY=SHIFT",
      split = ",",
      description =
          "COUNTY=SHIFT,...: fraction of the winner's paper votes recorded for the runner-up in CVRs and reported results.")
  Map<String, Double> attack = new LinkedHashMap<>();

  @Option(
      names = "--county-format",
      paramLabel = "COUNTY=FORMAT",
      split = ",",
      description =
          "COUNTY=FORMAT,...: write these counties as ess, clearballot, nist or batch-totals (no CVRs, for ONEAudit) instead of Dominion.")
  Map<String, String> countyFormats = new LinkedHashMap<>();

  @Option(
      names = "--missing",
      description = "Fraction of cards without a CVR (phantoms).",
      defaultValue = "0")
  double missing;

  @Option(names = "--blank", description = "Fraction of cards with no vote.", defaultValue = "0")
  double blank;

  @Option(names = "--batch-size", description = "Cards per batch.", defaultValue = "250")
  int batchSize;

  @Option(names = "--format", description = "json, csv or both.", defaultValue = "both")
  String format;

  @Option(names = "--zip", description = "Write each county's JSON export as one zip.")
  boolean zip;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    if (!format.equals("json") && !format.equals("csv") && !format.equals("both")) {
      err.println(
          "riskaudit generate: --format '" + format + "' is not allowed; use json, csv or both");
      return 2;
    }
    try {
      CountyTotals.Election election =
          totals != null
              ? CountyTotals.readCsv(totals, contest)
              : CountyTotals.synthetic(cards, counties, contest);
      GeneratorOptions o =
          new GeneratorOptions(
              scale,
              seed,
              errors,
              attack,
              missing,
              blank,
              batchSize,
              !format.equals("csv"),
              zip,
              !format.equals("json"));
      Map<String, org.riskaudit.formats.generate.CountyFormat> formats = new LinkedHashMap<>();
      countyFormats.forEach(
          (c, f) -> formats.put(c, org.riskaudit.formats.generate.CountyFormat.parse(f)));
      o = o.withCountyFormats(formats);
      long t0 = System.nanoTime();
      ElectionGenerator.Summary s =
          new ElectionGenerator(election, o, "Synthetic " + contest).write(out);
      err.printf(
          "generated %d cards (%d CVRs, %d missing, %d altered) in %d counties, %d batches, in %.1f s into %s%n",
          s.cards(),
          s.cvrs(),
          s.missing(),
          s.altered(),
          s.counties(),
          s.batches(),
          (System.nanoTime() - t0) / 1e9,
          out);
      return 0;
    } catch (java.nio.file.NoSuchFileException e) {
      err.println("riskaudit generate: --totals file '" + e.getFile() + "' does not exist");
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("riskaudit generate: " + e.getMessage());
      return 2;
    }
  }
}
