package org.riskaudit.bench.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.tally.Tabulator;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.cvr.CvrImporter;
import org.riskaudit.formats.dominion.DominionCsvImporter;
import org.riskaudit.formats.dominion.DominionJsonImporter;
import org.riskaudit.formats.generate.CountyTotals;
import org.riskaudit.formats.generate.ElectionGenerator;
import org.riskaudit.formats.generate.GeneratorOptions;

/**
 * End-to-end import benchmark: generates a Dominion JSON and a Dominion CSV export of N cards
 * (default 5,000,000) into a temporary folder, then measures import (parse, validate, tabulate with
 * {@link Tabulator}) in cards per second, the ratio against a bare Jackson token scan of the same
 * JSON bytes (same thread count, building nothing) and the heap: retained growth after GC per card,
 * and the peak used heap sampled during the import. Prints a Markdown report on stdout. Usage:
 * {@code ImportBenchmark [cards] [workdir]}.
 */
public final class ImportBenchmark {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  public static void main(String[] args) throws Exception {
    long cards = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
    Path dir =
        args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("riskaudit-import-bench");
    int threads = Runtime.getRuntime().availableProcessors();
    StringBuilder md = new StringBuilder();
    md.append("# Dominion CVR import benchmark\n\n");
    md.append("- date: ").append(Instant.now()).append('\n');
    md.append("- machine: ")
        .append(threads)
        .append(" cores available, ")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.arch"))
        .append(", Java ")
        .append(System.getProperty("java.version"))
        .append(", max heap ")
        .append(Runtime.getRuntime().maxMemory() >> 20)
        .append(" MiB\n");
    md.append("- system load average at start: ")
        .append(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
        .append(" (the machine is shared; absolute times vary between runs, the ratio less so)\n");
    md.append("- command: `bench/run-import` (cards = ")
        .append(cards)
        .append("; JVM capped at -Xmx512m, so the import cannot hold per-card state)\n\n");

    long t0 = System.nanoTime();
    CountyTotals.Election e = CountyTotals.synthetic(cards, 1, "Question 1");
    GeneratorOptions o =
        new GeneratorOptions(1, 2024, 0, Map.of(), 0, 0.01, 250, true, false, true);
    ElectionGenerator.Summary s = new ElectionGenerator(e, o, "Benchmark").write(dir);
    double genSeconds = (System.nanoTime() - t0) / 1e9;
    Path json = dir.resolve("dominion-json").resolve("County_1");
    Path csv = dir.resolve("dominion-csv").resolve("County_1.csv");
    long jsonBytes = size(json);
    long csvBytes = Files.size(csv);
    md.append(
        String.format(
            "Generated %,d cards (%,d JSON files, %,d MB; CSV %,d MB) in %.1f s.%n%n",
            s.cards(), s.batches(), jsonBytes >> 20, csvBytes >> 20, genSeconds));

    // warm-up on a prefix-sized run is not possible without another data set; run each once first
    // on the same data (the OS page cache is then warm for every measured pass alike).
    bareParse(json, threads);
    importRun(new DominionJsonImporter(), json, e);
    importRun(new DominionCsvImporter(), csv, e);

    // three interleaved rounds; each measurement reports its fastest round (least disturbed by
    // other processes on a shared machine) and the largest heap figures seen
    double bare = Double.MAX_VALUE;
    Run j = null;
    Run c = null;
    for (int round = 0; round < 3; round++) {
      bare = Math.min(bare, bareParse(json, threads));
      j = best(j, importRun(new DominionJsonImporter(), json, e));
      c = best(c, importRun(new DominionCsvImporter(), csv, e));
    }
    md.append(
        "Times: fastest of 3 interleaved rounds after one warm-up round; heap: largest of the 3.\n\n");
    md.append(
        "| measurement | cards | seconds | cards/s | MB/s | peak live heap growth, max after-GC heap during run minus before (bytes/card) | peak used heap during run (MiB, incl. garbage) |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    md.append(
        String.format(
            "| bare JSON token scan (Jackson JsonParser, %d threads, builds nothing) | %,d | %.2f | %,.0f | %.0f | - | - |%n",
            threads, s.cvrs(), bare, s.cvrs() / bare, jsonBytes / 1e6 / bare));
    md.append(row("Dominion JSON import + tabulate", j, jsonBytes));
    md.append(row("Dominion CSV import + tabulate", c, csvBytes));
    md.append(
        String.format(
            "%nRatio JSON import time / bare JSON scan time (fastest of 3 rounds each), same run: **%.2f**.%n",
            j.seconds / bare));
    md.append(
        String.format(
            "Both imports reproduce the generated totals: JSON %s, CSV %s.%n",
            j.correct, c.correct));
    System.out.print(md);
    if (args.length < 2) {
      deleteTree(dir);
    }
  }

  private static Run best(Run a, Run b) {
    if (a == null) {
      return b;
    }
    return new Run(
        b.cards,
        Math.min(a.seconds, b.seconds),
        Math.max(a.bytesPerCard, b.bytesPerCard),
        Math.max(a.peakMiB, b.peakMiB),
        a.correct && b.correct);
  }

  private record Run(
      long cards, double seconds, double bytesPerCard, long peakMiB, boolean correct) {}

  private static String row(String what, Run r, long bytes) {
    return String.format(
        "| %s | %,d | %.2f | %,.0f | %.0f | %.1f | %d |%n",
        what,
        r.cards,
        r.seconds,
        r.cards / r.seconds,
        bytes / 1e6 / r.seconds,
        r.bytesPerCard,
        r.peakMiB);
  }

  private static Run importRun(CvrImporter importer, Path input, CountyTotals.Election e)
      throws Exception {
    List<ContestDefinition> defs = List.of(new ContestDefinition(e.contest(), 1, e.choices(), 0));
    System.gc();
    long before = MEMORY.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong();
    AtomicLong peakAfterGc = new AtomicLong(before);
    List<Runnable> unsubscribe = new ArrayList<>();
    for (java.lang.management.GarbageCollectorMXBean gc :
        ManagementFactory.getGarbageCollectorMXBeans()) {
      javax.management.NotificationEmitter em = (javax.management.NotificationEmitter) gc;
      javax.management.NotificationListener l =
          (n, h) -> {
            if (n.getType()
                .equals(
                    com.sun.management.GarbageCollectionNotificationInfo
                        .GARBAGE_COLLECTION_NOTIFICATION)) {
              var info =
                  com.sun.management.GarbageCollectionNotificationInfo.from(
                      (javax.management.openmbean.CompositeData) n.getUserData());
              long used =
                  info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                      .mapToLong(java.lang.management.MemoryUsage::getUsed)
                      .sum();
              peakAfterGc.accumulateAndGet(used, Math::max);
            }
          };
      em.addNotificationListener(l, null, null);
      unsubscribe.add(
          () -> {
            try {
              em.removeNotificationListener(l);
            } catch (javax.management.ListenerNotFoundException ex) {
              throw new IllegalStateException(ex);
            }
          });
    }
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException ex) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    Tabulator t = Tabulator.forContests(defs);
    long t0 = System.nanoTime();
    CvrImportResult r = importer.read(List.of(input), t);
    double seconds = (System.nanoTime() - t0) / 1e9;
    sampler.interrupt();
    sampler.join();
    if (r.hasErrors()) {
      throw new IllegalStateException("import failed: " + r.problems().get(0).describe());
    }
    System.gc(); // its notification counts too: the tabulator is still reachable here
    Thread.sleep(200); // notifications are delivered asynchronously
    unsubscribe.forEach(Runnable::run);
    long after = peakAfterGc.get();
    if (t.cards() < 0) {
      throw new IllegalStateException(); // keeps the tabulator reachable through the GC above
    }
    long yes = e.counties().get(0).votes()[0];
    long no = e.counties().get(0).votes()[1];
    boolean correct =
        t.tally(e.contest()).votesFor("Yes") == yes && t.tally(e.contest()).votesFor("No") == no;
    return new Run(
        r.cards(),
        seconds,
        Math.max(0, after - before) / (double) r.cards(),
        peak.get() >> 20,
        correct && t.cards() == r.cards());
  }

  /** Reads every token of every CvrExport file with Jackson, building nothing. */
  private static double bareParse(Path folder, int threads) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(p -> p.getFileName().toString().startsWith("CvrExport")).sorted().toList();
    }
    JsonFactory f = new JsonFactory();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t0 = System.nanoTime();
    List<Future<Long>> parts = new ArrayList<>();
    for (int k = 0; k < threads; k++) {
      int part = k;
      parts.add(
          pool.submit(
              () -> {
                long tokens = 0;
                for (int i = part; i < files.size(); i += threads) {
                  try (InputStream in = Files.newInputStream(files.get(i));
                      JsonParser p = f.createParser(in)) {
                    while (p.nextToken() != null) {
                      tokens++;
                    }
                  }
                }
                return tokens;
              }));
    }
    long tokens = 0;
    for (Future<Long> p : parts) {
      tokens += p.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    if (tokens == 0) {
      throw new IllegalStateException("no tokens read");
    }
    return seconds;
  }

  private static long size(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
