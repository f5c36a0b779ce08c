package org.riskaudit.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.riskaudit.app.record.RecordVerifier;
import org.riskaudit.app.record.VerifyReport;
import org.riskaudit.app.tally.TallyFiles;
import org.riskaudit.app.tally.TallyVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code riskaudit verify RECORD}: re-checks a published audit record from the record alone. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Re-checks an exported audit record from the record alone: file hashes, the activity",
      "log's hash chain, every ticket and draw (from the seed and the manifest), every",
      "discrepancy and risk value, the tallies behind the margins and any full hand count.",
      "A tally record ('riskaudit tally', with tally-record.json) is re-checked likewise",
      "(docs/manual-tally.md).",
      "Prints what matches and what does not; exit code 0 when everything matches, 1 otherwise."
    })
public final class VerifyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RECORD", description = "the audit or tally record folder")
  Path record;

  @Option(
      names = "--log-head",
      paramLabel = "HASH",
      description = "the activity log's last hash as published by the state (optional)")
  String logHead;

  @Option(names = "--quiet", description = "print only mismatches and the verdict")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    // A tally record (1 % tally or batch audit) has its own verifier.
    List<VerifyReport.Check> checks =
        TallyFiles.isTallyRecord(record)
            ? new TallyVerifier().verify(record).checks()
            : new RecordVerifier().verify(record, logHead).checks();
    List<VerifyReport.Check> mismatches = checks.stream().filter(c -> !c.ok()).toList();
    for (VerifyReport.Check c : checks) {
      if (!c.ok() || !quiet) {
        out.printf("%-8s %s: %s%n", c.ok() ? "OK" : "MISMATCH", c.item(), c.detail());
      }
    }
    out.println(
        mismatches.isEmpty()
            ? "VERIFIED: every checked item of " + record + " matches."
            : "NOT VERIFIED: " + mismatches.size() + " item(s) do not match.");
    return mismatches.isEmpty() ? 0 : 1;
  }
}
