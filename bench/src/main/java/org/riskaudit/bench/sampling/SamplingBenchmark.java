package org.riskaudit.bench.sampling;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.riskaudit.app.retrieval.RetrievalCsv;
import org.riskaudit.app.retrieval.RetrievalList;
import org.riskaudit.app.retrieval.RetrievalPdf;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.core.sampling.CardId;
import org.riskaudit.core.sampling.ConsistentSampler;
import org.riskaudit.core.sampling.Draw;
import org.riskaudit.core.sampling.SampleSelector;
import org.riskaudit.core.sampling.SelectedCard;
import org.riskaudit.core.sampling.TicketKey;
import org.riskaudit.formats.manifest.ManifestParseResult;
import org.riskaudit.formats.manifest.ManifestParser;

/**
 * Sampling benchmark (issue: sampling): selecting 1,000 cards from the 3,094,308-card Orange County
 * manifest and writing the retrieval list, and ticket throughput against a bare SHA-256 of the same
 * ids, measured in one run. Prints Markdown for bench/results/sampling.md.
 *
 * <p>Usage: SamplingBenchmark PATH_TO_OC_full_manifest.csv [synthetic-cards]
 */
public final class SamplingBenchmark {
  private static final String SEED = "31415926535897932384626433";

  public static void main(String[] args) throws Exception {
    Path manifestPath = Path.of(args[0]);
    long synthetic = args.length > 1 ? Long.parseLong(args[1]) : 13_000_000L;
    StringBuilder out = new StringBuilder();
    out.append("# Sampling benchmark\n\n");
    out.append("- date: ").append(Instant.now()).append('\n');
    out.append("- machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores available, ")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.arch"))
        .append(", Java ")
        .append(System.getProperty("java.version"))
        .append(", max heap ")
        .append(Runtime.getRuntime().maxMemory() >> 20)
        .append(" MiB\n");
    out.append("- command: `bench/run-sampling` (seed ").append(SEED).append(")\n\n");

    long t0 = System.nanoTime();
    ManifestParseResult parsed = ManifestParser.withHeader("Orange").parse(manifestPath);
    double parseS = seconds(t0);
    BallotManifest m = parsed.manifest();
    if (parsed.hasErrors()) {
      throw new IllegalStateException("manifest has errors: " + parsed.problems());
    }

    // Warm-up, then the measured selection + retrieval list (best of 3).
    select(m, 100);
    double best = Double.MAX_VALUE;
    Result r = null;
    for (int i = 0; i < 3; i++) {
      long s = System.nanoTime();
      Result ri = select(m, 1000);
      double t = seconds(s);
      if (t < best) {
        best = t;
        r = ri;
      }
    }
    out.append("## Orange County 2020 manifest (")
        .append(m.batches().size())
        .append(" batches, ")
        .append(String.format("%,d", m.totalCards()))
        .append(" cards)\n\n");
    out.append("| step | seconds |\n|---|---:|\n");
    out.append(String.format("| read and validate the manifest | %.3f |%n", parseS));
    out.append(
        String.format(
            "| select 1,000 draws with replacement over all %,d cards (%d cards to pull) | %.3f |%n",
            m.totalCards(), r.rows, r.selectS));
    out.append(String.format("| build the retrieval list and write it as CSV | %.3f |%n", r.csvS));
    out.append(
        String.format(
            "| **selection + retrieval list (CSV)**, best of 3 runs | **%.3f** |%n",
            r.selectS + r.csvS));
    out.append(
        String.format(
            "| printable PDF of the same list with a placeholder sheet per card (%,d bytes) | %.3f |%n%n",
            r.pdfBytes, r.pdfS));

    // Ticket throughput on synthetic ids, against a bare SHA-256 of the same bytes.
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 1; i <= 1_000_000; i++) {
      ids.add(CardId.of("Los Angeles", "T" + (i % 97), "B" + (i / 250), i % 250 + 1));
    }
    double bare = Double.MAX_VALUE;
    double key = Double.MAX_VALUE;
    double full = Double.MAX_VALUE;
    long sink = 0;
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] h =
        "6ed645ef0e1abea1bf1e4e935ff04f9e18d39812387f63cda3415b46240f0405"
            .getBytes(StandardCharsets.US_ASCII);
    TicketKey keys = new TicketKey(SEED);
    ConsistentSampler sampler = new ConsistentSampler(SEED);
    for (int round = 0; round < 3; round++) {
      long s = System.nanoTime();
      for (String id : ids) {
        md.update(h);
        sink += md.digest(id.getBytes(StandardCharsets.UTF_8))[0];
      }
      bare = Math.min(bare, seconds(s));
      s = System.nanoTime();
      for (String id : ids) {
        sink += keys.firstKey(id);
      }
      key = Math.min(key, seconds(s));
      if (round == 0) {
        s = System.nanoTime();
        for (int i = 0; i < 200_000; i++) {
          sink += sampler.firstFraction(ids.get(i)).length();
        }
        full = seconds(s) * 5;
      }
    }
    out.append("## Ticket computation, 1,000,000 synthetic card ids, one thread (best of 3)\n\n");
    out.append(
        "| what | seconds per million | cards/s | ratio to bare SHA-256 |\n|---|---:|---:|---:|\n");
    out.append(
        String.format(
            "| bare SHA-256 of seed hash + id (baseline) | %.3f | %,.0f | 1.00 |%n",
            bare, 1e6 / bare));
    out.append(
        String.format(
            "| ticket key (exact 18-digit prefix used for ordering) | %.3f | %,.0f | %.2f |%n",
            key, 1e6 / key, key / bare));
    out.append(
        String.format(
            "| full ticket string (BigInteger decimal, as the reference does) | %.3f | %,.0f | %.2f |%n%n",
            full, 1e6 / full, full / bare));

    // A whole statewide population: selection over `synthetic` cards from a generated manifest.
    List<ManifestBatch> batches = new java.util.ArrayList<>();
    long left = synthetic;
    int b = 0;
    while (left > 0) {
      int n = (int) Math.min(500, left);
      batches.add(new ManifestBatch("County" + (b % 58), "", "T" + (b % 40), "B" + b, n));
      left -= n;
      b++;
    }
    BallotManifest state = new BallotManifest(batches);
    long s = System.nanoTime();
    List<Draw> draws =
        new SampleSelector(SEED, state).draw(SampleSelector.ALL_CARDS, 0, 2000, true);
    double stateS = seconds(s);
    out.append(
        String.format(
            "## Statewide selection: %,d synthetic cards (%,d batches), 2,000 draws with replacement%n%n",
            synthetic, batches.size()));
    out.append(
        String.format(
            "Every card's ticket key computed and the 2,000 smallest kept: %.2f s (%,.0f cards/s, all cores); first draw %s.%n",
            stateS, synthetic / stateS, draws.get(0).cardId()));
    out.append("\n(checksum ").append(sink).append(")\n");
    System.out.print(out);
    if (args.length > 2) {
      Files.writeString(Path.of(args[2]), out.toString());
    }
  }

  private record Result(int rows, double selectS, double csvS, double pdfS, int pdfBytes) {}

  private static Result select(BallotManifest m, int n) throws Exception {
    long t = System.nanoTime();
    List<Draw> draws = new SampleSelector(SEED, m).draw(SampleSelector.ALL_CARDS, 0, n, true);
    double selectS = seconds(t);
    t = System.nanoTime();
    List<SelectedCard> cards = SelectedCard.union(Map.of("Contest", draws));
    List<RetrievalRow> rows = RetrievalList.build(cards, m, 2, SEED, l -> true);
    StringWriter csv = new StringWriter();
    RetrievalCsv.write(rows, csv);
    double csvS = seconds(t);
    t = System.nanoTime();
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    RetrievalPdf.write("Orange - retrieval list", rows, pdf);
    return new Result(rows.size(), selectS, csvS, seconds(t), pdf.size());
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
