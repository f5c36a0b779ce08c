package org.riskaudit.bench.scale;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.riskaudit.app.retrieval.RetrievalCsv;
import org.riskaudit.app.retrieval.RetrievalList;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.core.estimate.NoErrorSampleSize;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.core.sampling.CardId;
import org.riskaudit.core.sampling.Draw;
import org.riskaudit.core.sampling.SampleSelector;
import org.riskaudit.core.sampling.SelectedCard;
import org.riskaudit.core.sampling.TicketKey;

/**
 * Ticket keys for every manifest card and statewide draws with their retrieval list. Every card of
 * the manifest gets the exact 18-digit ordering key of its first ticket ({@link TicketKey}, what
 * {@link SampleSelector} ranks by); the baseline is a bare SHA-256 of the same bytes (seed hash and
 * card id) on the same threads.
 */
final class TicketStages {
  static final String SEED = "20210914310415926535";

  private TicketStages() {}

  /**
   * Stages 4a and 4b (fastest of 3 interleaved rounds: they take seconds, and the first round warms
   * up the JIT) and the statewide draws (each the fastest of 3), added to the report.
   */
  static List<DrawResult> measureAll(
      Report report, Progress progress, BallotManifest m, double margin, int threads, Path work)
      throws Exception {
    // seconds, not minutes: fastest of 3 interleaved rounds, the first one warming up the JIT
    Probe.Cost sha = null;
    Probe.Cost keys = null;
    for (int round = 1; round <= 3; round++) {
      progress.stage("ticket keys for every card and their baseline, round " + round + " of 3");
      sha = fastest(sha, Probe.measure(() -> TicketStages.bareSha256(m, threads)).cost());
      keys = fastest(keys, Probe.measure(() -> TicketStages.ticketKeys(m, threads)).cost());
    }
    report.add(
        "4a",
        "baseline: bare SHA-256 of seed hash + id for every manifest card ("
            + threads
            + " threads; fastest of 3)",
        m.totalCards(),
        sha,
        null);
    report.add(
        "4b",
        "**ticket numbers for every card**: exact 18-digit first-ticket keys (TicketKey over the"
            + " manifest, "
            + threads
            + " threads; fastest of 3)",
        m.totalCards(),
        keys,
        "4a");
    progress.done(String.format("%.1f s", keys.seconds()));

    int[] sizes = {
      NoErrorSampleSize.kaplanMarkov(margin, 0.05, 1.03905, 0, 0, 0, 0),
      NoErrorSampleSize.kaplanMarkov(0.01, 0.05, 1.03905, 0, 0, 0, 0),
      5_000
    };
    List<TicketStages.DrawResult> draws = new java.util.ArrayList<>();
    for (int size : sizes) {
      progress.stage("draw " + size + " cards statewide with the retrieval list, best of 3");
      TicketStages.DrawResult best = null;
      for (int round = 0; round < 3; round++) {
        TicketStages.DrawResult d =
            TicketStages.draw(m, size, work.resolve("retrieval-" + size + ".csv"));
        if (best == null
            || d.selectSeconds() + d.listSeconds() < best.selectSeconds() + best.listSeconds()) {
          best = d;
        }
      }
      draws.add(best);
      progress.done(String.format("%.2f s + %.2f s", best.selectSeconds(), best.listSeconds()));
    }
    return draws;
  }

  private static Probe.Cost fastest(Probe.Cost a, Probe.Cost b) {
    return a == null || b.seconds() < a.seconds() ? b : a;
  }

  /** The batches split into {@code parts} runs of about equal numbers of cards. */
  static List<List<ManifestBatch>> split(BallotManifest m, int parts) {
    List<List<ManifestBatch>> out = new ArrayList<>();
    long per = (m.totalCards() + parts - 1) / parts;
    List<ManifestBatch> cur = new ArrayList<>();
    long n = 0;
    for (ManifestBatch b : m.batches()) {
      cur.add(b);
      n += b.cards();
      if (n >= per && out.size() < parts - 1) {
        out.add(cur);
        cur = new ArrayList<>();
        n = 0;
      }
    }
    out.add(cur);
    return out;
  }

  /** The xor of every card's ticket key, computed on {@code threads} threads. */
  static long ticketKeys(BallotManifest m, int threads) {
    List<List<ManifestBatch>> parts = split(m, threads);
    return IntStream.range(0, parts.size())
        .parallel()
        .mapToLong(
            k -> {
              TicketKey keys = new TicketKey(SEED);
              long x = 0;
              for (ManifestBatch b : parts.get(k)) {
                byte[] prefix = prefix(b);
                for (int p = 1; p <= b.cards(); p++) {
                  x ^= keys.firstKey(prefix, p);
                }
              }
              return x;
            })
        .reduce(0, (a, b) -> a ^ b);
  }

  /** Baseline: SHA-256 of the seed hash and each card id's bytes, nothing else. */
  static long bareSha256(BallotManifest m, int threads) {
    byte[] seedHash =
        java.util.HexFormat.of()
            .formatHex(sha256().digest(SEED.getBytes(StandardCharsets.UTF_8)))
            .getBytes(StandardCharsets.US_ASCII);
    List<List<ManifestBatch>> parts = split(m, threads);
    return IntStream.range(0, parts.size())
        .parallel()
        .mapToLong(
            k -> {
              MessageDigest md = sha256();
              byte[] digits = new byte[11];
              long x = 0;
              for (ManifestBatch b : parts.get(k)) {
                byte[] prefix = prefix(b);
                for (int p = 1; p <= b.cards(); p++) {
                  int len = 0;
                  for (int v = p; v > 0; v /= 10) {
                    digits[10 - len++] = (byte) ('0' + v % 10);
                  }
                  md.update(seedHash);
                  md.update(prefix);
                  md.update(digits, 11 - len, len);
                  x ^= md.digest()[31];
                }
              }
              return x;
            })
        .reduce(0, (a, b) -> a ^ b);
  }

  /** What one statewide draw cost. */
  record DrawResult(int draws, int cardsToPull, double selectSeconds, double listSeconds) {}

  /**
   * Draws {@code n} cards with replacement over the whole manifest, merges them into the cards to
   * retrieve and writes their retrieval list (two audit boards per county) as CSV into {@code out}.
   */
  static DrawResult draw(BallotManifest m, int n, Path out) throws Exception {
    long t0 = System.nanoTime();
    List<Draw> draws = new SampleSelector(SEED, m).draw(SampleSelector.ALL_CARDS, 0, n, true);
    long t1 = System.nanoTime();
    List<SelectedCard> cards = SelectedCard.union(Map.of(ScaleElection.CONTEST, draws));
    List<RetrievalRow> rows = RetrievalList.build(cards, m, 2, SEED, l -> true);
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      RetrievalCsv.write(rows, w);
    }
    long t2 = System.nanoTime();
    if (draws.size() != n || rows.size() != cards.size()) {
      throw new IllegalStateException(
          n + " draws gave " + draws.size() + " draws and " + rows.size() + " rows");
    }
    return new DrawResult(n, rows.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
  }

  private static byte[] prefix(ManifestBatch b) {
    return CardId.prefix(b.county(), b.tabulator(), b.batch()).getBytes(StandardCharsets.UTF_8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
