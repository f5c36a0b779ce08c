package org.riskaudit.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's page layout: long tables paginate, long text wraps, any script can be printed. */
class PdfLayoutTest {
  @TempDir Path dir;

  @Test
  void aTableLongerThanAPageContinuesOnNewPagesUnderItsRepeatedHeader() throws Exception {
    PdfTable.Builder t =
        PdfTable.builder().column("Card column", 2).number("Draw column", 1).column("Kind", 2);
    for (int i = 1; i <= 200; i++) {
      t.row("County 1/tab/batch/" + i, Integer.toString(i), "one-vote overstatement");
    }
    PdfChecks.Pdf pdf = write(f -> f.table(t.build()));

    assertThat(pdf.pages()).isGreaterThanOrEqualTo(4);
    assertThat(pdf.text().split("Card column", -1)).hasSize(pdf.pages() + 1);
    assertThat(pdf.text()).contains("County 1/tab/batch/1 ", "County 1/tab/batch/200 ");
    assertThat(pdf.text().indexOf("batch/199 ")).isLessThan(pdf.text().indexOf("batch/200 "));
  }

  @Test
  void longCellsWrapInsideTheirColumnAndOverlongOnesAreCutWithAnEllipsis() throws Exception {
    String hash = "ab".repeat(64);
    String sentence = "a candidate name that is far too long for one narrow column ".repeat(8);
    List<String> lines = PdfText.wrap(PdfText.REGULAR, 9, hash, 100, 10);
    assertThat(lines).hasSizeGreaterThan(1);
    assertThat(String.join("", lines)).isEqualTo(hash);
    for (String l : lines) {
      assertThat(PdfText.width(PdfText.REGULAR, 9, l)).isLessThanOrEqualTo(100);
    }
    List<String> cut = PdfText.wrap(PdfText.REGULAR, 9, sentence, 100, 4);
    assertThat(cut).hasSize(4);
    assertThat(cut.get(3)).endsWith("...");
    assertThat(PdfText.width(PdfText.REGULAR, 9, cut.get(3))).isLessThanOrEqualTo(100);

    PdfChecks.Pdf pdf =
        write(
            f -> {
              f.paragraph(sentence + hash);
              f.facts(List.<String[]>of(new String[] {"A label longer than its column", hash}), 80);
              f.table(
                  PdfTable.builder()
                      .column("Name", 1)
                      .column("Hash", 1)
                      .number("n", 0.3f)
                      .row(sentence, hash, "123456789012345")
                      .build());
            });
    assertThat(pdf.pages()).isEqualTo(1);
    assertThat(PdfChecks.flat(pdf.text())).contains("a candidate name that is far too long");
  }

  @Test
  void charactersTheStandardFontsCannotShowAreReplacedInsteadOfFailing() throws Exception {
    assertThat(PdfText.clean("Łódź 市長 ✓ café — ﬁn\u0007x\ty"))
        .isEqualTo("?ódz ?? ? café — fin x y");
    String names = "Mesure Ω — Łódź 市長 ✓ Zoë \uD83D\uDDF3";
    PdfChecks.Pdf pdf =
        write(
            f -> {
              f.heading(names, 14);
              f.paragraph(names);
              f.facts(List.<String[]>of(new String[] {names, names}), 120);
              f.table(PdfTable.builder().column(names, 1).row(names).build());
            });
    assertThat(pdf.text()).contains("Mesure ? — ?ódz ?? ? Zoë ?");
  }

  /** A step that lays out content. */
  interface Content {
    void on(PdfFlow f) throws Exception;
  }

  private PdfChecks.Pdf write(Content content) throws Exception {
    Path file = dir.resolve("layout.pdf");
    try (PDDocument doc = new PDDocument();
        OutputStream os = Files.newOutputStream(file)) {
      PdfFlow f = new PdfFlow(doc);
      f.newPage();
      content.on(f);
      f.finish("layout test - a footer with a name: Łódź");
      doc.save(os);
    }
    return PdfChecks.read(file);
  }
}
