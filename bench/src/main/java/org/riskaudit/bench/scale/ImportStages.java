package org.riskaudit.bench.scale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.tally.ContestTally;
import org.riskaudit.core.tally.Tabulator;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.dominion.DominionCsvImporter;
import org.riskaudit.formats.dominion.DominionJsonImporter;
import org.riskaudit.store.Store;

/**
 * The import stages: the bare read of the export bytes (the baseline), the import alone (parse,
 * validate, tabulate) and the import streamed into a store through {@code CardStore.load(audit,
 * CardSource)}, all over the same generated files.
 */
final class ImportStages {
  private ImportStages() {}

  /**
   * Baseline: every token of every JSON CVR file through a Jackson {@link JsonParser} and every
   * character of the CSV exports decoded, on {@code threads} threads, building nothing.
   *
   * @return tokens plus characters read, so the work cannot be optimised away
   */
  static long bareRead(ScaleElection e, int threads) throws Exception {
    JsonFactory f = new JsonFactory();
    List<Path> json = e.jsonCvrFiles();
    List<Path> csv = e.csvInputs();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> parts = new ArrayList<>();
      for (int k = 0; k < threads; k++) {
        int part = k;
        parts.add(
            pool.submit(
                () -> {
                  long n = 0;
                  for (int i = part; i < json.size(); i += threads) {
                    try (InputStream in = Files.newInputStream(json.get(i));
                        JsonParser p = f.createParser(in)) {
                      while (p.nextToken() != null) {
                        n++;
                      }
                    }
                  }
                  char[] buf = new char[1 << 16];
                  for (int i = part; i < csv.size(); i += threads) {
                    try (Reader r = Files.newBufferedReader(csv.get(i), StandardCharsets.UTF_8)) {
                      for (int got; (got = r.read(buf)) > 0; ) {
                        n += got;
                      }
                    }
                  }
                  return n;
                }));
      }
      long n = 0;
      for (Future<Long> p : parts) {
        n += p.get();
      }
      return n;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Reads every county's export (JSON counties, then CSV counties) into a fresh {@link Tabulator}
   * and then {@code more}; fails on any import error.
   */
  static Tabulator readAll(ScaleElection e, Consumer<Cvr> more) throws Exception {
    Tabulator t =
        Tabulator.forContests(
            List.of(
                new ContestDefinition(
                    ScaleElection.CONTEST, 1, List.copyOf(e.expected().keySet()), 0)));
    Consumer<Cvr> sink = more == null ? t : t.andThen(more);
    check(new DominionJsonImporter().read(e.jsonInputs(), sink));
    check(new DominionCsvImporter().read(e.csvInputs(), sink));
    return t;
  }

  /** Streams the import into the store: parsing on its own threads, inserting on this one. */
  static Tabulator importInto(Store store, String auditId, ScaleElection e, Progress progress) {
    Tabulator[] tab = new Tabulator[1];
    long loaded = store.cards().load(auditId, sink -> tab[0] = readAll(e, progress.counting(sink)));
    if (loaded != e.summary().cvrs()) {
      throw new IllegalStateException("stored " + loaded + " cards of " + e.summary().cvrs());
    }
    return tab[0];
  }

  private static void check(CvrImportResult r) {
    if (r.hasErrors()) {
      throw new IllegalStateException(
          "the generated export does not import: "
              + r.problems().stream()
                  .filter(org.riskaudit.formats.ImportProblem::isError)
                  .findFirst()
                  .orElseThrow()
                  .describe());
    }
  }

  /** Fails unless the tabulation reproduces the generated totals exactly. */
  static void verify(Tabulator t, ScaleElection e, String what) {
    ContestTally tally = t.tally(ScaleElection.CONTEST);
    boolean ok = t.cards() == e.summary().cvrs() && tally.blanks() == e.blanks();
    for (var c : e.expected().entrySet()) {
      ok &= tally.votesFor(c.getKey()) == c.getValue();
    }
    if (!ok) {
      throw new IllegalStateException(
          what
              + " does not reproduce the generated totals: "
              + tally
              + " over "
              + t.cards()
              + " cards; expected "
              + e.expected()
              + ", "
              + e.blanks()
              + " blanks over "
              + e.summary().cvrs()
              + " cards");
    }
  }
}
