package org.riskaudit.formats.dominion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.formats.cvr.CvrImportResult;

/**
 * Mutates valid exports at random (seeded; 300 cases: byte flips, deletions, insertions of JSON/CSV
 * punctuation, duplicated ranges, truncation) and checks that every import ends with a result,
 * never an escaped exception, and that a changed file that still imports without errors yields
 * cards.
 */
class DominionFuzzTest {
  private static final byte[] NOISE = "{}[],:\"=X0123456789-\r\n\\ ".getBytes();

  static byte[] mutate(byte[] in, Random rnd) {
    byte[] b = in.clone();
    int ops = 1 + rnd.nextInt(4);
    for (int k = 0; k < ops && b.length > 2; k++) {
      int at = rnd.nextInt(b.length);
      switch (rnd.nextInt(5)) {
        case 0 -> b[at] = NOISE[rnd.nextInt(NOISE.length)];
        case 1 -> {
          int len = Math.min(b.length - at, 1 + rnd.nextInt(40));
          byte[] c = new byte[b.length - len];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(b, at + len, c, at, b.length - at - len);
          b = c;
        }
        case 2 -> {
          byte[] c = new byte[b.length + 1];
          System.arraycopy(b, 0, c, 0, at);
          c[at] = NOISE[rnd.nextInt(NOISE.length)];
          System.arraycopy(b, at, c, at + 1, b.length - at);
          b = c;
        }
        case 3 -> {
          int len = Math.min(b.length - at, 1 + rnd.nextInt(200));
          byte[] c = new byte[b.length + len];
          System.arraycopy(b, 0, c, 0, at + len);
          System.arraycopy(b, at, c, at + len, b.length - at);
          b = c;
        }
        default -> b = java.util.Arrays.copyOf(b, at);
      }
    }
    return b;
  }

  @Test
  void randomlyMutatedExportsNeverThrow(@TempDir Path dir) throws IOException {
    Path base = BrokenInputs.election(dir.resolve("base"), false);
    Path jsonDir = base.resolve("dominion-json/South");
    Path quoted = base.resolve("quoted.csv"); // the same CVRs with every cell written as ="..."
    List<String> lines = Files.readAllLines(base.resolve("dominion-csv/South.csv"));
    StringBuilder q = new StringBuilder("\uFEFF");
    for (int i = 0; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",", -1);
      for (int k = 0; k < cells.length; k++) {
        q.append(k == 0 ? "" : ",")
            .append(i < 4 ? "\"" + cells[k] + "\"" : "=\"" + cells[k] + "\"");
      }
      q.append("\r\n");
    }
    Files.writeString(quoted, q);
    Assertions.assertThat(new DominionCsvImporter().read(List.of(quoted), c -> {}).cards())
        .isPositive();
    Assertions.assertThat(new DominionCsvImporter().read(List.of(quoted), c -> {}).hasErrors())
        .isFalse();
    List<Path> targets =
        List.of(
            quoted,
            jsonDir.resolve("CvrExport_0.json"),
            jsonDir.resolve("CvrExport_1.json"),
            jsonDir.resolve("ContestManifest.json"),
            jsonDir.resolve("CandidateManifest.json"),
            base.resolve("dominion-csv/South.csv"));
    Random rnd = new Random(20241105L);
    int withErrors = 0;
    for (int i = 0; i < 300; i++) {
      Path target = targets.get(rnd.nextInt(targets.size()));
      byte[] original = Files.readAllBytes(target);
      Files.write(target, mutate(original, rnd));
      boolean csv = target.toString().endsWith(".csv");
      CvrImportResult[] r = new CvrImportResult[1];
      assertThatCode(
              () ->
                  r[0] =
                      csv
                          ? new DominionCsvImporter().read(List.of(target), c -> {})
                          : new DominionJsonImporter().read(List.of(jsonDir), c -> {}))
          .as("case %d on %s", i, target.getFileName())
          .doesNotThrowAnyException();
      assertThat(r[0]).isNotNull();
      if (r[0].hasErrors()) {
        withErrors++;
        assertThat(r[0].problems()).allSatisfy(p -> assertThat(p.what()).isNotBlank());
      }
      Files.write(target, original);
    }
    assertThat(withErrors).as("mutations that were detected").isGreaterThan(100);
  }
}
