package org.riskaudit.app.retrieval;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes a retrieval list as CSV, one row per card to pull, in storage order. */
public final class RetrievalCsv {
  private RetrievalCsv() {}

  public static final List<String> HEADER =
      List.of(
          "County",
          "Container",
          "Tabulator",
          "Batch",
          "Position",
          "Card Id",
          "Times Drawn",
          "Contests",
          "Ticket",
          "Audit Board",
          "Phantom");

  public static void write(List<RetrievalRow> rows, Writer out) throws IOException {
    CsvWriter csv =
        CsvWriter.builder().lineDelimiter(de.siegmar.fastcsv.writer.LineDelimiter.LF).build(out);
    csv.writeRecord(HEADER);
    for (RetrievalRow r : rows) {
      csv.writeRecord(
          r.county(),
          r.container(),
          r.tabulator(),
          r.batch(),
          Integer.toString(r.position()),
          r.cardId(),
          Integer.toString(r.timesDrawn()),
          RetrievalList.contests(r),
          r.firstTicket().length() > 20 ? r.firstTicket().substring(0, 20) : r.firstTicket(),
          Integer.toString(r.board()),
          r.phantom() ? "yes" : "no");
    }
    out.flush();
  }
}
