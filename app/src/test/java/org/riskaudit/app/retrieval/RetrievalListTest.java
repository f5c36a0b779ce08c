package org.riskaudit.app.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.core.sampling.Draw;
import org.riskaudit.core.sampling.SampleSelector;
import org.riskaudit.core.sampling.SelectedCard;

class RetrievalListTest {
  static final String SEED = "98765432109876543210";
  static final BallotManifest MANIFEST =
      new BallotManifest(
          List.of(
              new ManifestBatch("Alpine", "Box 2", "T1", "B10", 50),
              new ManifestBatch("Alpine", "Box 2", "T1", "B2", 50),
              new ManifestBatch("Alpine", "Box 10", "T1", "B3", 50),
              new ManifestBatch("Alpine", "Box 1", "T2", "B1", 50),
              new ManifestBatch("Amador", "", "T9", "B1", 80)));

  static List<RetrievalRow> rows(int boards) {
    List<Draw> draws = new SampleSelector(SEED, MANIFEST).draw(l -> true, 0, 120, true);
    return RetrievalList.build(
        SelectedCard.union(Map.of("Q1", draws)),
        MANIFEST,
        boards,
        SEED,
        l -> !l.batch().equals("B3"));
  }

  @Test
  void naturalOrderPutsB2BeforeB10() {
    List<String> sorted = new java.util.ArrayList<>(List.of("B10", "B2", "b1", "B02x"));
    sorted.sort(NaturalOrder.INSTANCE);
    assertThat(sorted).containsExactly("b1", "B2", "B02x", "B10");
  }

  @Test
  void rowsFollowStorageOrder() {
    List<RetrievalRow> rows = rows(1);
    assertThat(rows).isSortedAccordingTo(RetrievalList.STORAGE_ORDER);
    List<String> containers =
        rows.stream()
            .filter(r -> r.county().equals("Alpine"))
            .map(RetrievalRow::container)
            .distinct()
            .toList();
    assertThat(containers).containsExactly("Box 1", "Box 2", "Box 10");
    assertThat(rows.stream().mapToInt(RetrievalRow::timesDrawn).sum()).isEqualTo(120);
    assertThat(rows).filteredOn(RetrievalRow::phantom).allMatch(r -> r.batch().equals("B3"));
  }

  @Test
  void boardsGetWholeBatchesBalancedAndReproducibly() {
    List<RetrievalRow> a = rows(2);
    List<RetrievalRow> b = rows(2);
    assertThat(a).isEqualTo(b);
    for (RetrievalRow r : a) {
      assertThat(a)
          .filteredOn(
              x ->
                  x.county().equals(r.county())
                      && x.batch().equals(r.batch())
                      && x.tabulator().equals(r.tabulator()))
          .allMatch(x -> x.board() == r.board());
    }
    long board1 = RetrievalList.select(a, "Alpine", 1).size();
    long board2 = RetrievalList.select(a, "Alpine", 2).size();
    assertThat(board1 + board2).isEqualTo(RetrievalList.select(a, "Alpine", 0).size());
    assertThat(board1).isPositive();
    assertThat(board2).isPositive();
  }

  @Test
  void csvHasAHeaderAndOneLinePerCard() throws Exception {
    List<RetrievalRow> rows = rows(1);
    StringWriter w = new StringWriter();
    RetrievalCsv.write(rows, w);
    String[] lines = w.toString().split("\n");
    assertThat(lines[0])
        .startsWith("County,Container,Tabulator,Batch,Position,Card Id,Times Drawn");
    assertThat(lines).hasSize(rows.size() + 1);
  }

  @Test
  void pdfHasTheListAndOnePlaceholderPerCard() throws Exception {
    List<RetrievalRow> rows = RetrievalList.select(rows(1), "Amador", 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RetrievalPdf.write("Amador - board 1", rows, out);
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(rows.size());
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("AUDIT PLACEHOLDER").contains("Amador - board 1");
    }
  }

  @Test
  void pdfKeepsAccentedNamesThatTheStandardFontsCanShow() throws Exception {
    List<RetrievalRow> rows = RetrievalList.select(rows(1), "Amador", 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RetrievalPdf.write("Amador - mesa de José Muñoz 市", rows, out);
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      assertThat(new PDFTextStripper().getText(doc)).contains("Amador - mesa de José Muñoz ?");
    }
  }
}
