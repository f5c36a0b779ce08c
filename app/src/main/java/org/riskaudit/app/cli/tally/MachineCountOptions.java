package org.riskaudit.app.cli.tally;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskaudit.app.tally.MachineCounts;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where a new tally's machine counts come from (a picocli mixin). */
final class MachineCountOptions {
  @Option(
      names = "--results",
      paramLabel = "FILE",
      description =
          "precinct (or batch) results CSV: [county,]precinct|batch,cards,contest,choice,votes")
  Path results;

  @Option(
      names = "--cvrs",
      arity = "1..*",
      paramLabel = "PATH",
      description = "CVR files, folders or zips, in any format 'riskaudit cvrs tally' reads")
  List<Path> cvrs;

  @Option(
      names = "--format",
      defaultValue = "auto",
      description =
          "CVR format: auto, dominion-json, dominion-csv, ess, clearballot, nist,"
              + " nist-xml or hart")
  String format;

  @Option(names = "--county", description = "county name for the CVRs (default: from the export)")
  String county;

  @Option(
      names = "--by",
      defaultValue = "precinct",
      paramLabel = "precinct|batch",
      description =
          "group CVRs by precinct (portion), named county/precinct, or by tabulator batch, named"
              + " county/tabulator/batch (default: precinct)")
  String by;

  @Option(
      names = "--vote-for",
      paramLabel = "CONTEST=K",
      description =
          "how many choices a voter may select in a contest (default: from the CVRs, else 1)")
  Map<String, Integer> voteFor = new LinkedHashMap<>();

  boolean given() {
    return results != null || cvrs != null;
  }

  MachineCounts.Loaded load(CommandLine cl) throws IOException {
    if ((results == null) == (cvrs == null)) {
      throw new CommandLine.ParameterException(
          cl, "give the machine counts with exactly one of --results FILE or --cvrs PATH...");
    }
    if (results != null) {
      return MachineCounts.fromResults(results, voteFor);
    }
    MachineCounts.Grouping g =
        switch (by) {
          case "precinct" -> MachineCounts.Grouping.PRECINCT;
          case "batch" -> MachineCounts.Grouping.BATCH;
          default ->
              throw new CommandLine.ParameterException(
                  cl, "--by must be precinct or batch, got '" + by + "'");
        };
    return MachineCounts.fromCvrs(cvrs, format, county, g, voteFor);
  }
}
