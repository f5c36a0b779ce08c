package org.riskaudit.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.riskaudit.formats.generate.CountyTotals;
import org.riskaudit.formats.generate.ElectionGenerator;
import org.riskaudit.formats.generate.GeneratorOptions;
import org.riskaudit.formats.generate.OutputFormat;
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
      "  ess/<county>/            cvr.csv and ballots.csv (ES&S)",
      "  hart/<county>/           cvrs.zip (one XML per sheet) and",
      "                           scanned-ballots.csv (Hart Verity)",
      "  clearballot/<county>.csv Clear Ballot (ClearVote) CSV",
      "  nist/<county>.json       NIST SP 1500-103 CVR report, JSON",
      "  nist-xml/<county>.xml    NIST SP 1500-103 CVR report, XML",
      "  batch-totals/<county>.csv  votes per batch, no CVRs (for ONEAudit)",
      "  paper/<county>.csv       what every card really says (Dominion CSV),",
      "                           written when --errors/--attack/--missing is set",
      "                           or a county has no Dominion CSV",
      "Formats: dominion-json, dominion-csv, ess, hart, clearballot, nist,",
      "nist-xml, batch-totals (--default-format, --county-format).",
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
          "COUNTY=FORMAT (repeatable, or comma-separated): write this county in FORMAT instead of the default formats; give a county twice for two exports. FORMAT: dominion-json, dominion-csv, ess, hart, clearballot, nist, nist-xml, batch-totals (no CVRs, for ONEAudit).")
  List<String> countyFormats = new ArrayList<>();

  @Option(
      names = "--default-format",
      paramLabel = "FORMAT",
      split = ",",
      description =
          "The export(s) of every county without --county-format (repeatable, or comma-separated); default dominion-json and dominion-csv. Not with --format.")
  List<String> defaultFormats = new ArrayList<>();

  @Option(
      names = "--missing",
      description = "Fraction of cards without a CVR (phantoms).",
      defaultValue = "0")
  double missing;

  @Option(names = "--blank", description = "Fraction of cards with no vote.", defaultValue = "0")
  double blank;

  @Option(names = "--batch-size", description = "Cards per batch.", defaultValue = "250")
  int batchSize;

  @Option(
      names = "--format",
      description =
          "Dominion json, csv or both (default both); --default-format is the general form.")
  String format;

  @Option(names = "--zip", description = "Write each county's JSON export as one zip.")
  boolean zip;

  private static OutputFormat parse(String option, String given, String name) {
    try {
      return OutputFormat.parse(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " '" + given + "': " + e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    if (format != null && !defaultFormats.isEmpty()) {
      err.println("riskaudit generate: give --format or --default-format, not both");
      return 2;
    }
    String dominion = format == null ? "both" : format;
    if (!dominion.equals("json") && !dominion.equals("csv") && !dominion.equals("both")) {
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
              !dominion.equals("csv"),
              zip,
              !dominion.equals("json"));
      Set<OutputFormat> defaults = o.defaultFormats();
      if (!defaultFormats.isEmpty()) {
        defaults = EnumSet.noneOf(OutputFormat.class);
        for (String f : defaultFormats) {
          defaults.add(parse("--default-format", f, f));
        }
      }
      Map<String, Set<OutputFormat>> byCounty = new LinkedHashMap<>();
      for (String entry : countyFormats) {
        int eq = entry.lastIndexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) {
          throw new IllegalArgumentException(
              "--county-format '" + entry + "' is not COUNTY=FORMAT (e.g. Alpine=batch-totals)");
        }
        String county = entry.substring(0, eq).strip();
        byCounty
            .computeIfAbsent(county, c -> EnumSet.noneOf(OutputFormat.class))
            .add(parse("--county-format", entry, entry.substring(eq + 1)));
      }
      o = o.withFormats(defaults, byCounty);
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
