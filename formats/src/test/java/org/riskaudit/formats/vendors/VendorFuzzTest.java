package org.riskaudit.formats.vendors;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.formats.clearballot.ClearBallotImporter;
import org.riskaudit.formats.ess.EssImporter;
import org.riskaudit.formats.hart.HartImporter;
import org.riskaudit.formats.manifest.ManifestParser;
import org.riskaudit.formats.nist.NistJsonImporter;
import org.riskaudit.formats.nist.NistXmlImporter;
import org.riskaudit.formats.results.ReportedResultsParser;
import org.riskaudit.testing.SharedData;

/**
 * Seeded mutations of valid files (bytes deleted, duplicated, replaced; lines cut): whatever the
 * damage, the importers answer with problems, never with an unhandled exception.
 */
class VendorFuzzTest {
  static final int CASES = 150;

  static String mutate(String text, SplittableRandom r) {
    StringBuilder b = new StringBuilder(text);
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits && b.length() > 1; i++) {
      int at = r.nextInt(b.length());
      switch (r.nextInt(5)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, b.charAt(r.nextInt(b.length())));
        case 2 -> b.setCharAt(at, ",\"\n0x-=9 ".charAt(r.nextInt(9)));
        case 3 -> b.setLength(at);
        default -> b.insert(at, "\uFEFF\"\"");
      }
    }
    return b.toString();
  }

  @Test
  void mutatedVendorManifestAndResultsFilesNeverThrow(@TempDir Path dir) throws Exception {
    String cb =
        Files.readString(
            SharedData.require("other-vendor-cvrs/clearballot/arlo_CLEARBALLOT_CVRS.csv"));
    Path ess = SharedData.require("other-vendor-cvrs/ess");
    String essCvr = Files.readString(ess.resolve("arlo_ESS_CVR.csv"));
    String essBallots = Files.readString(ess.resolve("arlo_ESS_BALLOTS_1.csv"));
    String manifest = Files.readString(ess.resolve("arlo_ess_manifest.csv"));
    String nistJson =
        Files.readString(SharedData.require("nist-cvr-cdf/hiltonroscoe/example_2.json"));
    String nistXml = Files.readString(SharedData.require("nist-cvr-cdf/usnistgov/example_1.xml"));
    String hartXml =
        Files.readString(SharedData.require("other-vendor-cvrs/hart/test_Hart_CVR_1.xml"));
    SplittableRandom r = new SplittableRandom(20261123);
    for (int i = 0; i < CASES; i++) {
      Path a =
          Files.writeString(dir.resolve("cb" + i + ".csv"), mutate(cb, r), StandardCharsets.UTF_8);
      Path c = Files.writeString(dir.resolve("cvr" + i + ".csv"), mutate(essCvr, r));
      Path b = Files.writeString(dir.resolve("ballots" + i + ".csv"), mutate(essBallots, r));
      Path m = Files.writeString(dir.resolve("m" + i + ".csv"), mutate(manifest, r));
      assertThatCode(() -> new ClearBallotImporter().read(List.of(a), x -> {}))
          .doesNotThrowAnyException();
      assertThatCode(() -> new EssImporter().read(List.of(c, b), x -> {}))
          .doesNotThrowAnyException();
      assertThatCode(() -> ManifestParser.withHeader("J").parse(m)).doesNotThrowAnyException();
      assertThatCode(() -> ReportedResultsParser.parse(m, "Q")).doesNotThrowAnyException();
      Path nj = Files.writeString(dir.resolve("n" + i + ".json"), mutate(nistJson, r));
      Path nx = Files.writeString(dir.resolve("n" + i + ".xml"), mutate(nistXml, r));
      Path hx = Files.writeString(dir.resolve("h" + i + ".xml"), mutate(hartXml, r));
      assertThatCode(() -> new NistJsonImporter().read(List.of(nj), x -> {}))
          .doesNotThrowAnyException();
      assertThatCode(() -> new NistXmlImporter().read(List.of(nx), x -> {}))
          .doesNotThrowAnyException();
      assertThatCode(() -> new HartImporter().read(List.of(hx), x -> {}))
          .doesNotThrowAnyException();
    }
  }
}
