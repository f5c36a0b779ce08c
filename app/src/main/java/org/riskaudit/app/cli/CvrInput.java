package org.riskaudit.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.formats.cvr.CvrFormats;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.cvr.CvrImporter;

/**
 * The CVR inputs shared by the {@code cvrs} commands (a picocli mixin), read with progress on a
 * terminal (stderr, at most once a second).
 */
final class CvrInput {
  @picocli.CommandLine.Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "CVR files, folders or zips")
  List<Path> paths;

  @picocli.CommandLine.Option(
      names = "--format",
      defaultValue = "auto",
      description = "auto, dominion-json, dominion-csv, ess, clearballot, nist, nist-xml or hart")
  String format;

  @picocli.CommandLine.Option(
      names = "--county",
      description = "county name (default: from the export or file name)")
  String county;

  CvrImportResult read(Consumer<Cvr> sink, PrintWriter err) throws IOException {
    CvrImporter importer = CvrFormats.forName(format, paths, county);
    boolean terminal = System.console() != null;
    long[] count = {0};
    long[] last = {System.nanoTime()};
    CvrImportResult r =
        importer.read(
            paths,
            cvr -> {
              sink.accept(cvr);
              if (terminal && (++count[0] & 0xFFFF) == 0 && System.nanoTime() - last[0] > 1e9) {
                last[0] = System.nanoTime();
                err.printf("\r  %,d cards read...", count[0]);
                err.flush();
              }
            });
    if (terminal && count[0] > 0xFFFF) {
      err.print("\r");
    }
    return r;
  }
}
