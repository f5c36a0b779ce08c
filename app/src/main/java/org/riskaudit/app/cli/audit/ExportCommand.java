package org.riskaudit.app.cli.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.riskaudit.app.record.RecordExporter;
import org.riskaudit.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskaudit audit export}: the audit record for observers (docs/audit-record.md). */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the audit record into a new folder: inputs and their hashes, the seed, every draw",
      "with its ticket, the sampled cards' CVRs (NIST CDF), interpretations, discrepancies, the",
      "risk after every card, round results, hand counts and the activity log.",
      "Anyone can check it with 'riskaudit verify FOLDER'."
    })
public final class ExportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin AuditOptions options;

  @Option(names = "--out", required = true, description = "a new (or empty) folder")
  Path out;

  @Option(
      names = "--all-cvrs",
      description = "also publish every CVR, so that observers can re-tabulate them")
  boolean allCvrs;

  @Override
  public Integer call() throws IOException {
    try (Store store = options.open()) {
      new RecordExporter(store, options.auditId(store)).export(out, allCvrs);
    }
    spec.commandLine()
        .getOut()
        .printf("Audit record written to %s. Check it with: riskaudit verify %s%n", out, out);
    return 0;
  }
}
