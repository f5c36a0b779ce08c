package org.riskaudit.formats.dominion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.riskaudit.formats.generate.CountyTotals;
import org.riskaudit.formats.generate.ElectionGenerator;
import org.riskaudit.formats.generate.GeneratorOptions;

/** Small valid exports written by the generator, for tests that break them. */
final class BrokenInputs {
  private BrokenInputs() {}

  /** Writes a 2-county election (about 600 cards, batches of 50) as JSON folders, zips and CSV. */
  static Path election(Path dir, boolean zip) throws IOException {
    CountyTotals.Election e =
        new CountyTotals.Election(
            "Measure A",
            List.of("Yes", "No", "Maybe"),
            List.of(
                new CountyTotals("North", new long[] {200, 150, 30}),
                new CountyTotals("South", new long[] {90, 120, 10})));
    new ElectionGenerator(
            e, new GeneratorOptions(1, 5, 0, Map.of(), 0, 0.02, 50, true, zip, true), "Test")
        .write(dir);
    return dir;
  }
}
