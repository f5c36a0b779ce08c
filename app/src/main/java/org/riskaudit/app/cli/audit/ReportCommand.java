package org.riskaudit.app.cli.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.riskaudit.app.report.AuditReport;
import org.riskaudit.app.report.ReportService;
import org.riskaudit.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskaudit audit report}: the round or final report as PDF and CSV (docs/reports.md). */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the audit's report into a folder: report.pdf (for officials and the public) and",
      "contests.csv, discrepancies.csv, risk-history.csv and counties.csv. Without --round it",
      "shows the audit as it stands (the final report once it is complete); with --round N, as",
      "it stood at the end of round N. Works at every stage. See docs/reports.md."
    })
public final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin AuditOptions options;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "folder for the report (created if needed; its report files are replaced)")
  Path out;

  @Option(
      names = "--round",
      paramLabel = "N",
      defaultValue = "0",
      description = "report the end of round N instead of the audit as it stands")
  int round;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    try (Store store = options.open()) {
      ReportService reports = new ReportService(store);
      AuditReport report = reports.build(options.auditId(store), round);
      ReportService.Written w = reports.write(report, out);
      o.printf(
          "%s of audit %s written to %s:%n  %s (%d page%s)%n",
          round > 0 ? "Report of round " + round : "Report",
          report.snapshot().auditId(),
          out,
          ReportService.PDF,
          w.pages(),
          w.pages() == 1 ? "" : "s");
      w.csvRows().forEach((file, rows) -> o.printf("  %s (%,d rows)%n", file, rows));
    }
    return 0;
  }
}
