package org.riskaudit.app.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.riskaudit.app.retrieval.RetrievalCsv;
import org.riskaudit.app.retrieval.RetrievalList;
import org.riskaudit.app.retrieval.RetrievalPdf;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.sampling.CardId;
import org.riskaudit.core.sampling.Draw;
import org.riskaudit.core.sampling.SelectedCard;
import org.riskaudit.core.sampling.Ticket;
import org.riskaudit.store.Rows;

/**
 * The current round's retrieval lists (workflow brief, step 4): the cards drawn in the round that
 * are not recorded yet, in storage order with multiplicity, each county's batches shared among its
 * audit boards reproducibly from the seed.
 */
public final class RetrievalService {
  private RetrievalService() {}

  /** The rows to retrieve in the current round, over all counties. */
  public static List<RetrievalRow> currentRound(AuditSnapshot s, int boardsPerCounty) {
    return rows(s, boardsPerCounty, false);
  }

  /**
   * Every card drawn in the current round, recorded or not, shared among the boards as {@link
   * #currentRound} does: the assignment stays the same while cards are recorded (the web entry's
   * list of a board's cards, with their status).
   */
  public static List<RetrievalRow> wholeRound(AuditSnapshot s, int boardsPerCounty) {
    return rows(s, boardsPerCounty, true);
  }

  private static List<RetrievalRow> rows(
      AuditSnapshot s, int boardsPerCounty, boolean includeRecorded) {
    int round = s.state().round();
    Map<String, List<Draw>> byContest = new TreeMap<>();
    for (Rows.DrawRow d : s.draws()) {
      if (d.roundNo() == round
          && (includeRecorded || !s.interpretations().containsKey(d.cardId()))) {
        CardLocation l = CardId.parse(d.cardId());
        byContest
            .computeIfAbsent(d.contest(), k -> new ArrayList<>())
            .add(new Draw(d.drawNo(), l, new Ticket(d.ticket(), d.cardId(), d.generation())));
      }
    }
    List<SelectedCard> cards = SelectedCard.union(byContest);
    String seed = s.state().seed().map(Object::toString).orElse("");
    return RetrievalList.build(cards, s.manifest(), boardsPerCounty, seed, l -> true);
  }

  /**
   * Writes {@code <county>-retrieval.csv} per county and {@code <county>-board-<k>.pdf} per audit
   * board (list and placeholder sheets); returns cards per county.
   */
  public static Map<String, Integer> write(AuditSnapshot s, int boards, Path out)
      throws IOException {
    return write(currentRound(s, boards), boards, "round " + s.state().round(), out);
  }

  /**
   * Writes retrieval lists of rows already assigned to boards: {@code <county>-retrieval.csv} per
   * county and {@code <county>-board-<k>.pdf} per board, titled with {@code what}.
   */
  public static Map<String, Integer> write(
      List<RetrievalRow> rows, int boards, String what, Path out) throws IOException {
    Files.createDirectories(out);
    Map<String, Integer> perCounty = new LinkedHashMap<>();
    for (String c : RetrievalList.counties(rows)) {
      List<RetrievalRow> countyRows = RetrievalList.select(rows, c, 0);
      perCounty.put(c, countyRows.size());
      try (Writer w =
          Files.newBufferedWriter(
              out.resolve(fileName(c) + "-retrieval.csv"), StandardCharsets.UTF_8)) {
        RetrievalCsv.write(countyRows, w);
      }
      for (int b = 1; b <= boards; b++) {
        try (OutputStream os =
            Files.newOutputStream(out.resolve(fileName(c) + "-board-" + b + ".pdf"))) {
          RetrievalPdf.write(
              c + " - " + what + " - audit board " + b, RetrievalList.select(rows, c, b), os);
        }
      }
    }
    return perCounty;
  }

  static String fileName(String county) {
    return county.replaceAll("[^A-Za-z0-9._-]+", "_");
  }
}
