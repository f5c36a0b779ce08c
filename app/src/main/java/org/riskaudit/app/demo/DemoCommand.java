package org.riskaudit.app.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.core.audit.AssertionMeasurement;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.HandCount;
import org.riskaudit.formats.generate.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskaudit demo}: a statewide RLA of the 2021 California recall, end to end. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a statewide risk-limiting audit of the 2021 California recall, Question 1, on a",
      "generated election built from the 58 certified county totals: CVR exports in the",
      "counties' vendor formats, a public seed, simulated audit boards, the risk per round, the",
      "final record and its verification. Nothing to set up; writes into --out."
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scale",
      defaultValue = "0.02",
      description = "fraction of the real 12.8 million cards (default 0.02; 1 = the full state)")
  double scale;

  @Option(
      names = "--errors",
      defaultValue = "0",
      description = "rate of random scanner errors in the CVRs (e.g. 0.001)")
  double errors;

  @Option(
      names = "--attack",
      description = "alter the CVRs and results of the largest counties to reverse the outcome")
  boolean attack;

  @Option(
      names = "--out",
      defaultValue = "riskaudit-demo",
      description = "folder for the election, the database and the record (default riskaudit-demo)")
  Path out;

  @Option(names = "--seed", description = "the public seed (at least 20 digits)")
  String seed = DemoOptions.DEFAULT_SEED;

  @Option(
      names = "--election-seed",
      defaultValue = "2021",
      description = "seed of the generated election")
  long electionSeed;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    DemoOptions o = new DemoOptions(scale, errors, attack, this.out, seed, electionSeed);
    DemoResult r = new DemoRunner(err).run(o);
    summary(out, r, (System.nanoTime() - t0) / 1e9);
    return r.verified() ? 0 : 1;
  }

  /**
   * Cards pulled per county, largest first, with each county's export format and audit type; the
   * ONEAudit counties are always listed, counties with no card drawn are only counted.
   */
  static void countyTable(PrintWriter out, DemoResult r) {
    AuditProgress p = r.progress();
    out.println("  Cards pulled per county (largest first):");
    out.printf("    %-16s %-14s %-11s %6s%n", "county", "export", "audit", "cards");
    long none = 0;
    for (var e : DemoRunner.byCards(r.cardsByCounty()).entrySet()) {
      String county = e.getKey();
      AuditType type = p.snapshot().countyType(county);
      if (e.getValue() == 0 && type != AuditType.ONEAUDIT) {
        none++;
        continue;
      }
      OutputFormat f = DemoElection.FORMATS.get(county);
      out.printf(
          "    %-16s %-14s %-11s %,6d%n",
          county,
          f == null ? "?" : f.option(),
          type == AuditType.ONEAUDIT ? "ONEAudit" : type.name().toLowerCase(Locale.ROOT),
          e.getValue());
    }
    if (none > 0) {
      out.printf("    (%d more counties had no card drawn)%n", none);
    }
  }

  static void summary(PrintWriter out, DemoResult r, double seconds) {
    AuditProgress p = r.progress();
    out.println();
    out.println("RiskAudit demo: 2021 California recall, Question 1");
    out.printf(
        "  %,d cards generated in 58 counties; the audit pulled %,d distinct cards in %d round(s).%n",
        r.generatedCards(),
        r.cardsByCounty().values().stream().mapToInt(Integer::intValue).sum(),
        r.rounds());
    for (AuditProgress.ContestProgress c : p.contests()) {
      out.printf(
          "  %s: reported winner %s; risk %.4g after %,d draws (risk limit %s) - %s%n",
          c.name(),
          c.measurement().contest().reported().winners(),
          c.measurement().risk(),
          c.measurement().draws(),
          p.snapshot().audit().riskLimit().toPlainString(),
          c.met(p.snapshot().alpha()) ? "CONFIRMED" : "NOT confirmed by sampling");
      for (AssertionMeasurement a : c.measurement().assertions()) {
        out.printf(
            "    %s: diluted margin %.4f, %d discrepancies%n",
            a.assertion().assorter().describe(), a.assertion().margin(), a.discrepancies().size());
      }
    }
    for (HandCount h : r.handCounts()) {
      out.printf(
          "  Full hand count of %s: %s -> %s%n",
          h.contest(),
          h.votes(),
          h.confirmsReportedOutcome()
              ? "confirms the reported outcome"
              : "the reported outcome "
                  + h.reportedWinners()
                  + " was WRONG; the hand count's "
                  + h.winners()
                  + " replaces it");
    }
    countyTable(out, r);
    out.printf("  Final report: %s%n", r.record().resolveSibling("report").resolve("report.pdf"));
    out.printf("  Audit record: %s%n", r.record());
    out.printf(
        "  riskaudit verify %s: %s%n",
        r.record(),
        r.verified() ? "VERIFIED (every item matches)" : r.verifyMismatches() + " MISMATCHES");
    out.printf("  (%.0f s)%n", seconds);
    out.flush();
  }
}
