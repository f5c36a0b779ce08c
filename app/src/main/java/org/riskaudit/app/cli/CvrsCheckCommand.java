package org.riskaudit.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.riskaudit.core.reconcile.Finding;
import org.riskaudit.core.reconcile.Reconciler;
import org.riskaudit.core.reconcile.Reconciliation;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.manifest.ManifestParseResult;
import org.riskaudit.formats.manifest.ManifestParser;
import org.riskaudit.formats.results.ReportedResultsParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskaudit cvrs check}: the reconciliation report, before any sampling. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Reconciles CVRs with the ballot manifest and the reported results:",
      "tabulation vs reported, CVRs per batch, duplicates, unplaced CVRs, phantoms.",
      "Exit code 0 when everything reconciles, 1 when there are findings, 3 when an input is unreadable."
    })
public final class CvrsCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin CvrInput input;

  @Option(
      names = "--manifest",
      required = true,
      description = "ballot manifest CSV (repeatable, one per county)")
  List<Path> manifests;

  @Option(
      names = "--results",
      required = true,
      description = "reported results CSV (county,contest,choice,votes)")
  Path results;

  @Option(
      names = "--contest",
      description = "contest name for a one-contest wide results file (county,yes,no,...)")
  String wideContest;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ManifestParseResult m =
        manifests.size() == 1 && input.county != null
            ? ManifestParser.withHeader(input.county).parse(manifests.get(0))
            : manifests.size() == 1
                ? ManifestParser.withHeader(ManifestParser.countyFromFileName(manifests.get(0)))
                    .parse(manifests.get(0))
                : ManifestParser.parseAll(manifests, true);
    ReportedResultsParser.Result rr = ReportedResultsParser.parse(results, wideContest);
    List<ImportProblem> inputProblems = new ArrayList<>(m.problems());
    inputProblems.addAll(rr.problems());
    if (m.hasErrors() || rr.hasErrors()) {
      inputProblems.forEach(p -> err.println(p.describe()));
      err.println("riskaudit: the manifest or the results file has errors; fix them first.");
      err.flush();
      return 3;
    }
    Reconciler rec = new Reconciler(m.manifest());
    CvrImportResult r = input.read(rec, err);
    inputProblems.addAll(r.problems());
    Reconciliation report = rec.report(rr.results(), r.contests());
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("clean", report.isClean() && !r.hasErrors());
      o.put("manifestCards", report.manifestCards());
      o.put("cvrs", report.cvrs());
      o.put("placedCvrs", report.placedCvrs());
      o.put("phantoms", report.phantoms());
      o.put("findings", report.findings());
      o.put("importProblems", inputProblems.stream().map(ImportProblem::describe).toList());
      out.println(Json.write(o));
    } else {
      out.printf(
          "Reconciliation: %,d manifest cards, %,d CVRs read, %,d placed, %,d phantoms to add%n",
          report.manifestCards(), report.cvrs(), report.placedCvrs(), report.phantoms());
      for (Finding f : report.findings()) {
        out.printf(
            "  %-8s %-24s %s: %s%n", f.ok() ? "OK" : "PROBLEM", f.kind(), f.where(), f.detail());
      }
      inputProblems.forEach(p -> err.println(p.describe()));
      out.println(
          report.isClean() && !r.hasErrors()
              ? "Everything reconciles."
              : report.problems().size() + " problem(s) found.");
    }
    out.flush();
    err.flush();
    if (r.hasErrors()) {
      return 3;
    }
    return report.isClean() ? 0 : 1;
  }
}
