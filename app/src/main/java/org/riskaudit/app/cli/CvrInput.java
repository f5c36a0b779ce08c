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

/** Reads CVR inputs with progress on a terminal (stderr, at most once a second). */
final class CvrInput {
  private CvrInput() {}

  static CvrImportResult read(
      List<Path> paths, String format, String county, Consumer<Cvr> sink, PrintWriter err)
      throws IOException {
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
