package org.riskaudit.app.cli.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.riskaudit.app.audit.ImportReport;
import org.riskaudit.app.audit.InputImports;
import org.riskaudit.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskaudit audit import}: manifests, CVR exports, reported results, batch totals. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports inputs before they are committed; each file is hashed (SHA-256) and logged.",
      "Importing a county's input again replaces it. Files with errors are refused whole,",
      "with every problem listed. Formats: docs/formats.md."
    })
public final class ImportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin AuditOptions options;

  @Option(names = "--manifest", description = "ballot manifest CSV (repeatable)")
  List<Path> manifests = new ArrayList<>();

  @Option(
      names = "--cvrs",
      arity = "1..*",
      description = "CVR export files, folders or zips (one export, or a folder of county exports)")
  List<Path> cvrs = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "auto",
      description =
          "CVR format: auto, dominion-json, dominion-csv, ess, clearballot, nist, nist-xml, hart")
  String format;

  @Option(
      names = "--county",
      description = "county of a single-county manifest or CVR export (default: from the file)")
  String county;

  @Option(names = "--replace", description = "replace CVRs already imported for these counties")
  boolean replace;

  @Option(names = "--results", description = "reported results CSV (county,contest,choice,votes)")
  List<Path> results = new ArrayList<>();

  @Option(
      names = "--contest",
      description = "contest of a one-contest wide results file (county,<choice>,<choice>...)")
  String wideContest;

  @Option(
      names = "--batch-totals",
      description =
          "batch totals CSV of ONEAudit counties (county,tabulator,batch,contest,choice,votes)")
  List<Path> batchTotals = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (manifests.isEmpty() && cvrs.isEmpty() && results.isEmpty() && batchTotals.isEmpty()) {
      err.println(
          "riskaudit audit import: give at least one of --manifest, --cvrs, --results, --batch-totals");
      return 2;
    }
    try (Store store = options.open()) {
      InputImports imports = new InputImports(store, options.auditId(store));
      String actor = options.actor();
      for (Path m : manifests) {
        print(out, err, imports.manifest(m, county, actor));
      }
      for (Path r : results) {
        print(out, err, imports.results(r, wideContest, actor));
      }
      for (Path b : batchTotals) {
        print(out, err, imports.batchTotals(b, actor));
      }
      if (!cvrs.isEmpty()) {
        Progress progress = new Progress(err);
        ImportReport r = imports.cvrs(cvrs, format, county, replace, actor, c -> progress.tick());
        progress.done();
        print(out, err, r);
      }
    }
    out.println("Next: 'riskaudit audit check' reconciles the inputs; '--commit' freezes them.");
    return 0;
  }

  static void print(PrintWriter out, PrintWriter err, ImportReport r) {
    out.printf(
        "Imported %s: %,d %s for %s; %d file(s) hashed%n",
        r.kind(),
        r.count(),
        r.kind().equals("cvr") ? "cards" : r.kind().equals("manifest") ? "cards" : "rows",
        r.counties().size() == 1
            ? r.counties().iterator().next()
            : r.counties().size() + " counties",
        r.files().size());
    r.files().stream()
        .limit(5)
        .forEach(f -> out.printf("  sha256 %s  %s (%,d bytes)%n", f.sha256(), f.name(), f.size()));
    if (r.files().size() > 5) {
      out.printf("  ... and %d more files%n", r.files().size() - 5);
    }
    r.notes().forEach(p -> err.println("  " + p.describe()));
  }

  /** Cards imported so far, on stderr at most once a second when it is a terminal. */
  static final class Progress {
    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private long n;
    private long last = System.nanoTime();

    Progress(PrintWriter err) {
      this.err = err;
    }

    void tick() {
      if (terminal && (++n & 0xFFFF) == 0 && System.nanoTime() - last > 1e9) {
        last = System.nanoTime();
        err.printf("\r  %,d cards imported...", n);
        err.flush();
      }
    }

    void done() {
      if (terminal && n > 0xFFFF) {
        err.print("\r");
        err.flush();
      }
    }
  }
}
