package org.riskaudit.app.retrieval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.core.sampling.SelectedCard;

/**
 * Builds retrieval lists: the cards to pull, sorted the way storage is organised (county,
 * container, tabulator, batch, position, in natural order so that B2 comes before B10), with
 * multiplicity and tickets, and each county's batches shared among its audit boards.
 *
 * <p>Boards get whole batches, balanced by the number of cards to pull: batches are taken in the
 * order of SHA-256(seed + "/" + batch key) and each goes to the board with the fewest cards so far
 * (the lowest-numbered board on a tie). Anyone with the seed can repeat the assignment.
 */
public final class RetrievalList {
  private RetrievalList() {}

  /** Storage order: county, container, tabulator, batch, position. */
  public static final Comparator<RetrievalRow> STORAGE_ORDER =
      Comparator.comparing(RetrievalRow::county, NaturalOrder.INSTANCE)
          .thenComparing(RetrievalRow::container, NaturalOrder.INSTANCE)
          .thenComparing(RetrievalRow::tabulator, NaturalOrder.INSTANCE)
          .thenComparing(RetrievalRow::batch, NaturalOrder.INSTANCE)
          .thenComparingInt(RetrievalRow::position);

  /**
   * @param cards the cards to retrieve (from {@link SelectedCard#union})
   * @param manifest for the containers
   * @param boardsPerCounty audit boards in each county (at least 1)
   * @param seed the audit seed, for the reproducible board assignment
   * @param hasCvr which locations have a CVR (the others are phantoms)
   */
  public static List<RetrievalRow> build(
      List<SelectedCard> cards,
      BallotManifest manifest,
      int boardsPerCounty,
      String seed,
      Predicate<CardLocation> hasCvr) {
    if (boardsPerCounty < 1) {
      throw new IllegalArgumentException(
          "each county needs at least 1 audit board, got " + boardsPerCounty);
    }
    Map<String, String> container = new HashMap<>();
    for (ManifestBatch b : manifest.batches()) {
      container.put(batchKey(b.county(), b.tabulator(), b.batch()), b.container());
    }
    List<RetrievalRow> rows = new ArrayList<>();
    for (SelectedCard c : cards) {
      CardLocation l = c.location();
      rows.add(
          new RetrievalRow(
              l.county(),
              container.getOrDefault(batchKey(l.county(), l.tabulator(), l.batch()), ""),
              l.tabulator(),
              l.batch(),
              l.position(),
              c.cardId(),
              c.multiplicity(),
              List.copyOf(c.draws().keySet()),
              c.firstTicket().number(),
              0,
              !hasCvr.test(l)));
    }
    return assignBoards(rows, boardsPerCounty, seed);
  }

  static List<RetrievalRow> assignBoards(List<RetrievalRow> rows, int boards, String seed) {
    Map<String, Map<String, Integer>> cardsPerBatch = new LinkedHashMap<>();
    for (RetrievalRow r : rows) {
      cardsPerBatch
          .computeIfAbsent(r.county(), k -> new LinkedHashMap<>())
          .merge(batchKey(r.county(), r.tabulator(), r.batch()), 1, Integer::sum);
    }
    Map<String, Integer> boardOfBatch = new HashMap<>();
    cardsPerBatch.forEach(
        (county, batches) -> {
          List<String> order = new ArrayList<>(batches.keySet());
          Map<String, String> hash = new HashMap<>(); // once per batch, not per comparison
          order.forEach(k -> hash.put(k, hashHex(seed + "/" + k)));
          order.sort(Comparator.comparing(hash::get));
          long[] load = new long[boards];
          for (String k : order) {
            int best = 0;
            for (int b = 1; b < boards; b++) {
              if (load[b] < load[best]) {
                best = b;
              }
            }
            load[best] += batches.get(k);
            boardOfBatch.put(k, best + 1);
          }
        });
    List<RetrievalRow> out = new ArrayList<>();
    for (RetrievalRow r : rows) {
      int board = boardOfBatch.get(batchKey(r.county(), r.tabulator(), r.batch()));
      out.add(
          new RetrievalRow(
              r.county(),
              r.container(),
              r.tabulator(),
              r.batch(),
              r.position(),
              r.cardId(),
              r.timesDrawn(),
              r.contests(),
              r.firstTicket(),
              board,
              r.phantom()));
    }
    out.sort(STORAGE_ORDER);
    return out;
  }

  /** The distinct counties of the rows, in storage order. */
  public static List<String> counties(List<RetrievalRow> rows) {
    return rows.stream().map(RetrievalRow::county).distinct().toList();
  }

  static String batchKey(String county, String tabulator, String batch) {
    return county + "/" + tabulator + "/" + batch;
  }

  private static String hashHex(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder b = new StringBuilder();
      for (byte x : d) {
        b.append(String.format("%02x", x));
      }
      return b.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows of one county and board (board 0 = every board). */
  public static List<RetrievalRow> select(List<RetrievalRow> rows, String county, int board) {
    return rows.stream()
        .filter(r -> r.county().equals(county) && (board == 0 || r.board() == board))
        .toList();
  }

  /** Contests drawn for, for display. */
  static String contests(RetrievalRow r) {
    return String.join("; ", Set.copyOf(r.contests()).stream().sorted().toList());
  }
}
