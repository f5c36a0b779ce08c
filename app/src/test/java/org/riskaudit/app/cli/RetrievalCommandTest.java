package org.riskaudit.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalCommandTest {

  @Test
  void writesACsvPerCountyAndAPdfPerBoard(@TempDir Path dir) throws Exception {
    Path m = dir.resolve("Alpine - ballot manifest.csv");
    Files.writeString(
        m, "Container,Tabulator,Batch Name,Number of Ballots\nBox 1,T1,B1,40\nBox 1,T1,B2,60\n");
    CliRunner r =
        CliRunner.run(
            "retrieval",
            "--manifest",
            m.toString(),
            "--seed",
            "12345678901234567890",
            "--count",
            "10",
            "--boards",
            "2",
            "--out",
            dir.resolve("out").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("10 draws from 100 cards");
    assertThat(dir.resolve("out/Alpine-retrieval.csv")).exists();
    assertThat(dir.resolve("out/Alpine-board-1.pdf")).exists();
    assertThat(dir.resolve("out/Alpine-board-2.pdf")).exists();
  }

  @Test
  void aBadManifestStopsWithItsProblemsAndNoFiles(@TempDir Path dir) throws Exception {
    Path m = dir.resolve("Alpine.csv");
    Files.writeString(m, "Batch Name,Number of Ballots\nB1,0\n");
    CliRunner r =
        CliRunner.run(
            "retrieval",
            "--manifest",
            m.toString(),
            "--seed",
            "12345678901234567890",
            "--count",
            "3",
            "--out",
            dir.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("Alpine.csv:2").contains("every batch needs at least 1");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
