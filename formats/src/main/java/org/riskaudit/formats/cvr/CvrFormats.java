package org.riskaudit.formats.cvr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.riskaudit.formats.clearballot.ClearBallotImporter;
import org.riskaudit.formats.dominion.DominionCsvImporter;
import org.riskaudit.formats.dominion.DominionJsonImporter;
import org.riskaudit.formats.ess.EssImporter;
import org.riskaudit.formats.hart.HartImporter;
import org.riskaudit.formats.nist.NistJsonImporter;
import org.riskaudit.formats.nist.NistXmlImporter;

/** The CVR formats RiskAudit reads, by name or recognised from the files themselves. */
public final class CvrFormats {
  private CvrFormats() {}

  /** Format names accepted by {@code --format}. */
  public static final List<String> NAMES =
      List.of(
          "auto",
          "dominion-json",
          "dominion-csv",
          "ess",
          "clearballot",
          "nist",
          "nist-xml",
          "hart");

  /** The importer for a format name ("auto" recognises it from {@code inputs}). */
  public static CvrImporter forName(String name, List<Path> inputs, String county)
      throws IOException {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("auto")) {
      n = detect(inputs);
    }
    return switch (n) {
      case "dominion-json" ->
          county == null
              ? new DominionJsonImporter()
              : new DominionJsonImporter().withCounty(county);
      case "dominion-csv" ->
          county == null ? new DominionCsvImporter() : new DominionCsvImporter().withCounty(county);
      case "ess" -> county == null ? new EssImporter() : new EssImporter().withCounty(county);
      case "clearballot" ->
          county == null ? new ClearBallotImporter() : new ClearBallotImporter().withCounty(county);
      case "nist" ->
          county == null ? new NistJsonImporter() : new NistJsonImporter().withCounty(county);
      case "nist-xml" ->
          county == null ? new NistXmlImporter() : new NistXmlImporter().withCounty(county);
      case "hart" -> county == null ? new HartImporter() : new HartImporter().withCounty(county);
      default ->
          throw new IllegalArgumentException(
              "unknown CVR format '" + name + "'; use one of " + String.join(", ", NAMES));
    };
  }

  private static boolean zipHoldsXml(Path p) throws IOException {
    try (java.util.zip.ZipInputStream z =
        new java.util.zip.ZipInputStream(Files.newInputStream(p))) {
      for (var e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        String n = e.getName().toLowerCase(Locale.ROOT);
        if (n.endsWith(".json")) {
          return false;
        }
        if (n.endsWith(".xml") || n.endsWith(".zip")) {
          return true;
        }
      }
    } catch (java.util.zip.ZipException e) {
      return false;
    }
    return false;
  }

  private static boolean isNistReport(Path p) throws IOException {
    try (java.io.InputStream in = Files.newInputStream(p)) {
      String head = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
      return head.contains("\"CVR.") || head.contains("CastVoteRecordReport");
    }
  }

  /**
   * Recognises the format: zips and folders with .json files, or .json files, are Dominion JSON;
   * .csv files whose first line is a Dominion CVR export's election row are Dominion CSV.
   */
  public static String detect(List<Path> inputs) throws IOException {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no CVR files given");
    }
    Path p = inputs.get(0);
    if (!Files.exists(p)) {
      throw new IllegalArgumentException("CVR input " + p + " does not exist");
    }
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (Files.isDirectory(p)) {
      try (Stream<Path> s = Files.walk(p, 3)) {
        List<String> names =
            s.map(x -> x.getFileName().toString().toLowerCase(Locale.ROOT)).toList();
        if (names.stream().anyMatch(x -> x.endsWith(".xml"))) {
          return "hart";
        }
        if (names.stream().anyMatch(x -> x.endsWith(".json") || x.endsWith(".zip"))) {
          return "dominion-json";
        }
        if (names.stream().anyMatch(x -> x.endsWith(".csv"))) {
          return "dominion-csv";
        }
      }
    } else if (name.endsWith(".json") && isNistReport(p)) {
      return "nist";
    } else if (name.endsWith(".xml")) {
      return isNistReport(p) ? "nist-xml" : "hart";
    } else if (name.endsWith(".zip")) {
      return zipHoldsXml(p) ? "hart" : "dominion-json";
    } else if (name.endsWith(".json")) {
      return "dominion-json";
    } else if (name.endsWith(".csv")) {
      String first;
      try (Stream<String> lines = Files.lines(p, java.nio.charset.StandardCharsets.UTF_8)) {
        first = lines.findFirst().orElse("").replace("\uFEFF", "");
      }
      if (first.startsWith("RowNumber,BoxID")) {
        return "clearballot";
      }
      if (first.startsWith("Cast Vote Record,") || first.startsWith("Ballots")) {
        return "ess";
      }
      return "dominion-csv";
    }
    throw new IllegalArgumentException(
        "cannot tell the CVR format of "
            + p
            + "; give --format (one of "
            + String.join(", ", NAMES)
            + ")");
  }
}
