package org.riskaudit.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.riskaudit.formats.record.RecordCsv;

/** Reads a written report back: the PDF's pages and text, and the CSV tables. */
final class PdfChecks {
  /** A report PDF's page count and extracted text. */
  record Pdf(int pages, String text) {}

  private PdfChecks() {}

  /**
   * Opens the PDF with PDFBox, extracts its text, and asserts that every character lies inside the
   * page with at least 20 points to spare on each side (nothing runs off the page).
   */
  static Pdf read(Path file) throws IOException {
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      List<String> outside = new ArrayList<>();
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions)
                throws IOException {
              PDRectangle box = getCurrentPage().getMediaBox();
              for (TextPosition p : positions) {
                float x = p.getXDirAdj();
                float y = p.getYDirAdj();
                if (x < 20
                    || x + p.getWidthDirAdj() > box.getWidth() - 20
                    || y < 20
                    || y > box.getHeight() - 20) {
                  outside.add(
                      "page " + getCurrentPageNo() + " '" + text + "' at x=" + x + ", y=" + y);
                  break;
                }
              }
              super.writeString(text, positions);
            }
          };
      String text = stripper.getText(doc);
      assertThat(outside).as("text outside the page's margins").isEmpty();
      return new Pdf(doc.getNumberOfPages(), text);
    }
  }

  /** Reads one of the report's CSV tables, asserting its header and that every row is full. */
  static List<RecordCsv.Row> csv(Path folder, String name) throws IOException {
    List<String> columns =
        switch (name) {
          case ReportCsv.CONTESTS -> ReportCsv.CONTEST_COLUMNS;
          case ReportCsv.DISCREPANCIES -> ReportCsv.DISCREPANCY_COLUMNS;
          case ReportCsv.RISK_HISTORY -> ReportCsv.RISK_COLUMNS;
          case ReportCsv.COUNTIES -> ReportCsv.COUNTY_COLUMNS;
          default -> throw new IllegalArgumentException(name);
        };
    Path file = folder.resolve(name);
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8).get(0))
        .isEqualTo(String.join(",", columns));
    List<RecordCsv.Row> rows = RecordCsv.read(file);
    assertThat(rows).allSatisfy(r -> assertThat(r.cells()).hasSize(columns.size()));
    return rows;
  }

  /** The text with line breaks as spaces, so that wrapped sentences can be searched. */
  static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }
}
