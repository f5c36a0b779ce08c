package org.riskaudit.app.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.core.audit.AssertionMeasurement;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.audit.HandCount;
import org.riskaudit.core.discrepancy.Discrepancy;
import org.riskaudit.core.sampling.CardId;
import org.riskaudit.formats.record.RecordCsv;
import org.riskaudit.store.Rows;

/**
 * The report's CSV tables (RFC 4180, UTF-8, header row; docs/reports.md describes every column):
 * contests.csv, discrepancies.csv, risk-history.csv and counties.csv.
 */
public final class ReportCsv {
  public static final String CONTESTS = "contests.csv";
  public static final String DISCREPANCIES = "discrepancies.csv";
  public static final String RISK_HISTORY = "risk-history.csv";
  public static final String COUNTIES = "counties.csv";

  static final List<String> CONTEST_COLUMNS =
      List.of(
          "contest",
          "role",
          "type",
          "rule",
          "seats",
          "cards",
          "reported_votes",
          "reported_winners",
          "assertion",
          "diluted_margin",
          "drawn",
          "measured",
          "p_value",
          "met_at_draw",
          "contest_risk",
          "risk_limit",
          "outcome",
          "discrepancies",
          "two_vote_over",
          "one_vote_over",
          "one_vote_under",
          "two_vote_under",
          "winner_draws",
          "loser_draws",
          "hand_count_votes",
          "hand_count_winners",
          "hand_count_missing_batches");
  static final List<String> DISCREPANCY_COLUMNS =
      List.of(
          "contest",
          "assertion",
          "round",
          "draw",
          "card",
          "county",
          "kind",
          "votes",
          "overstatement",
          "comparison_value");
  static final List<String> RISK_COLUMNS =
      List.of("contest", "assertion", "round", "draw", "card", "p_value");
  static final List<String> COUNTY_COLUMNS =
      List.of(
          "county",
          "type",
          "round",
          "cards_drawn",
          "cards_recorded",
          "total_cards_drawn",
          "total_recorded",
          "sign_offs",
          "signed_off_by");

  private ReportCsv() {}

  /** One discrepancy of the report, with the round its draw belongs to. */
  record DiscrepancyLine(
      String contest, String assertion, int round, AssertionMeasurement.CardDiscrepancy found) {
    Discrepancy discrepancy() {
      return found.discrepancy();
    }
  }

  /** A table: its header and its data rows. */
  public record Table(List<String> header, List<List<String>> rows) {
    public Table {
      header = List.copyOf(header);
      rows = List.copyOf(rows);
    }
  }

  /** The report's CSV file names, in the order they are written. */
  public static final List<String> FILES = List.of(CONTESTS, DISCREPANCIES, RISK_HISTORY, COUNTIES);

  /** One of the tables by file name (the web application serves them one by one). */
  public static Table table(AuditReport r, String file) {
    return switch (file) {
      case CONTESTS -> new Table(CONTEST_COLUMNS, contests(r));
      case DISCREPANCIES -> new Table(DISCREPANCY_COLUMNS, discrepancyRows(r));
      case RISK_HISTORY -> new Table(RISK_COLUMNS, riskHistory(r));
      case COUNTIES -> new Table(COUNTY_COLUMNS, counties(r));
      default ->
          throw new IllegalArgumentException(
              "no report table '" + file + "'; the tables are " + FILES);
    };
  }

  /** Writes the four tables; returns the data rows of each, by file name. */
  static Map<String, Integer> write(AuditReport r, Path folder) throws IOException {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String file : FILES) {
      Table t = table(r, file);
      RecordCsv.write(folder.resolve(file), t.header(), t.rows());
      out.put(file, t.rows().size());
    }
    return out;
  }

  static List<List<String>> contests(AuditReport r) {
    double alpha = r.snapshot().alpha();
    String limit = r.snapshot().audit().riskLimit().toPlainString();
    List<List<String>> rows = new ArrayList<>();
    for (AuditProgress.ContestProgress c : r.progress().contests()) {
      AuditedContest a = c.measurement().contest();
      Optional<HandCount> hand = r.handCount(c.name());
      List<String> common =
          List.of(
              c.name(),
              ReportText.lower(a.spec().role()),
              ReportText.lower(a.spec().type()),
              ReportText.lower(a.spec().rule()),
              Integer.toString(a.spec().winners()),
              Long.toString(a.cards()),
              ReportText.votesCell(a.reportedVotes()),
              String.join(";", a.reported().winners()));
      List<String> tail =
          List.of(Double.toString(c.measurement().risk()), limit, Verdict.of(c, alpha, hand).code);
      List<String> handCells =
          hand.map(
                  h ->
                      List.of(
                          ReportText.votesCell(h.votes()),
                          String.join(";", h.winners()),
                          Integer.toString(h.missingBatches().size())))
              .orElse(List.of("", "", ""));
      List<AssertionMeasurement> assertions = c.measurement().assertions();
      if (assertions.isEmpty()) {
        rows.add(
            concat(
                common,
                List.of("", "", Integer.toString(c.drawn()), "0", "", ""),
                tail,
                List.of("", "", "", "", "", "", ""),
                handCells));
      }
      boolean polling = a.spec().type() == AuditType.POLLING;
      for (AssertionMeasurement m : assertions) {
        int metAt = m.metAt(alpha);
        List<String> counts =
            polling
                ? List.of(
                    "", "", "", "", "", Integer.toString(m.ones()), Integer.toString(m.zeros()))
                : List.of(
                    Integer.toString(m.discrepancies().size()),
                    Long.toString(m.count(2)),
                    Long.toString(m.count(1)),
                    Long.toString(m.count(-1)),
                    Long.toString(m.count(-2)),
                    "",
                    "");
        rows.add(
            concat(
                common,
                List.of(
                    m.assertion().assorter().describe(),
                    Double.toString(m.assertion().margin()),
                    Integer.toString(c.drawn()),
                    Integer.toString(m.draws()),
                    Double.toString(m.pValue()),
                    metAt < 0 ? "" : Integer.toString(metAt)),
                tail,
                counts,
                handCells));
      }
    }
    return rows;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> out = new ArrayList<>();
    for (List<String> p : parts) {
      out.addAll(p);
    }
    return out;
  }

  /** Every discrepancy of every assertion, in contest, assertion and draw order. */
  static List<DiscrepancyLine> discrepancies(AuditReport r) {
    List<DiscrepancyLine> out = new ArrayList<>();
    for (AuditProgress.ContestProgress c : r.progress().contests()) {
      for (AssertionMeasurement m : c.measurement().assertions()) {
        for (AssertionMeasurement.CardDiscrepancy d : m.discrepancies()) {
          int round = r.draw(c.name(), d.draw()).map(Rows.DrawRow::roundNo).orElse(0);
          out.add(new DiscrepancyLine(c.name(), m.assertion().assorter().describe(), round, d));
        }
      }
    }
    return out;
  }

  private static List<List<String>> discrepancyRows(AuditReport r) {
    List<List<String>> rows = new ArrayList<>();
    for (DiscrepancyLine l : discrepancies(r)) {
      Discrepancy d = l.discrepancy();
      rows.add(
          List.of(
              l.contest(),
              l.assertion(),
              Integer.toString(l.round()),
              Integer.toString(l.found().draw()),
              l.found().cardId(),
              CardId.parse(l.found().cardId()).county(),
              d.label(),
              Integer.toString(d.votes()),
              Double.toString(d.overstatement()),
              Double.toString(d.comparisonValue())));
    }
    return rows;
  }

  static List<List<String>> riskHistory(AuditReport r) {
    List<List<String>> rows = new ArrayList<>();
    for (AuditProgress.ContestProgress c : r.progress().contests()) {
      for (AssertionMeasurement m : c.measurement().assertions()) {
        double[] p = m.pValues();
        String a = m.assertion().assorter().describe();
        for (int i = 0; i < p.length; i++) {
          Optional<Rows.DrawRow> d = r.draw(c.name(), i + 1);
          rows.add(
              List.of(
                  c.name(),
                  a,
                  d.map(x -> Integer.toString(x.roundNo())).orElse(""),
                  Integer.toString(i + 1),
                  d.map(Rows.DrawRow::cardId).orElse(""),
                  Double.toString(p[i])));
        }
      }
    }
    return rows;
  }

  /** One row per county and round; before the first round, one row per county for round 0. */
  static List<List<String>> counties(AuditReport r) {
    List<List<String>> rows = new ArrayList<>();
    if (r.rounds().isEmpty()) {
      r.snapshot()
          .countyTypes()
          .forEach(
              (county, type) ->
                  rows.add(
                      List.of(county, ReportText.lower(type), "0", "0", "0", "0", "0", "0", "")));
      return rows;
    }
    for (AuditReport.RoundFacts round : r.rounds()) {
      round.counties().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e -> {
                AuditProgress.CountyProgress c = e.getValue();
                rows.add(
                    List.of(
                        e.getKey(),
                        ReportText.lower(r.snapshot().countyType(e.getKey())),
                        Integer.toString(round.number()),
                        Integer.toString(c.roundCards()),
                        Integer.toString(c.roundRecorded()),
                        Integer.toString(c.cards()),
                        Integer.toString(c.recorded()),
                        Integer.toString(c.signedOff().size()),
                        String.join(";", c.signedOff())));
              });
    }
    return rows;
  }
}
