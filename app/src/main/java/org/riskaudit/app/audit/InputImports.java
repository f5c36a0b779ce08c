package org.riskaudit.app.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.riskaudit.core.audit.AuditCommand;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.Outcome;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.audit.BatchVotes;
import org.riskaudit.formats.audit.BatchVotesParser;
import org.riskaudit.formats.cvr.CvrFormats;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.manifest.ManifestParseResult;
import org.riskaudit.formats.manifest.ManifestParser;
import org.riskaudit.formats.results.ReportedResultsParser;
import org.riskaudit.store.AuditDao;
import org.riskaudit.store.InputDao;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;
import org.riskaudit.store.StoreException;

/**
 * Imports an audit's inputs before they are committed (workflow brief, step 2): ballot manifests,
 * CVR exports, reported results and, for counties with only batch totals, those totals. Each import
 * parses first and refuses a file with errors (listing every problem); otherwise it replaces what
 * that file's counties had of that kind, records every file's SHA-256, and logs the import, all in
 * one transaction. After the commit every import is refused.
 */
public final class InputImports {
  private final Store store;
  private final String auditId;

  public InputImports(Store store, String auditId) {
    this.store = store;
    this.auditId = auditId;
  }

  /** A manifest with a County column, or one county's manifest ({@code county} or file name). */
  public ImportReport manifest(Path file, String county, String actor) throws IOException {
    refuseUnlessDefined("manifest " + file.getFileName());
    String fallback = county != null ? county : ManifestParser.countyFromFileName(file);
    ManifestParseResult m = ManifestParser.withHeader(fallback).parse(file);
    refuseErrors("The ballot manifest", m.problems());
    Set<String> counties = new TreeSet<>();
    m.manifest().batches().forEach(b -> counties.add(b.county()));
    List<HashedFile> files = HashedFile.of(List.of(file));
    advance(
        "manifest",
        counties,
        files,
        m.manifest().batches().size() + " batches, " + m.manifest().totalCards() + " cards",
        actor,
        h -> {
          AuditDao dao = h.attach(AuditDao.class);
          counties.forEach(c -> dao.deleteManifest(auditId, c));
          for (ManifestBatch b : m.manifest().batches()) {
            dao.insertManifestBatch(
                new Rows.ManifestBatchRow(
                    auditId, b.county(), b.tabulator(), b.batch(), b.cards(), b.container()));
          }
          counties.forEach(
              c -> dao.insertCountyIfAbsent(new Rows.CountyRow(auditId, c, AuditType.COMPARISON)));
        });
    return new ImportReport(
        "manifest", counties, m.manifest().totalCards(), files, notes(m.problems()));
  }

  /** Reported results, long ({@code county,contest,choice,votes}) or wide for one contest. */
  public ImportReport results(Path file, String wideContest, String actor) throws IOException {
    refuseUnlessDefined("results " + file.getFileName());
    ReportedResultsParser.Result r = ReportedResultsParser.parse(file, wideContest);
    refuseErrors("The reported results", r.problems());
    Set<String> counties = new TreeSet<>(r.results().byCounty().keySet());
    List<HashedFile> files = HashedFile.of(List.of(file));
    long[] rows = {0};
    advance(
        "results",
        counties,
        files,
        "",
        actor,
        h -> {
          AuditDao dao = h.attach(AuditDao.class);
          counties.forEach(c -> dao.deleteReportedResults(auditId, c));
          r.results()
              .byCounty()
              .forEach(
                  (county, contests) ->
                      contests.forEach(
                          (contest, choices) ->
                              choices.forEach(
                                  (choice, votes) -> {
                                    rows[0]++;
                                    dao.insertReportedResult(
                                        new Rows.ReportedResultRow(
                                            auditId, county, contest, choice, votes));
                                  })));
        });
    return new ImportReport("results", counties, rows[0], files, notes(r.problems()));
  }

  /** Batch totals ({@code county,tabulator,batch,contest,choice,votes}) for ONEAudit counties. */
  public ImportReport batchTotals(Path file, String actor) throws IOException {
    refuseUnlessDefined("batch totals " + file.getFileName());
    BatchVotesParser.Result r = BatchVotesParser.parse(file);
    refuseErrors("The batch totals", r.problems());
    for (BatchVotes v : r.rows()) {
      if (v.sheet() != 1) {
        throw new AuditFailure.Refused(
            "Batch totals have one row per batch, contest and choice; '"
                + file.getFileName()
                + "' has a sheet column with sheet "
                + v.sheet()
                + ". Remove the sheet column.");
      }
    }
    Set<String> counties = new TreeSet<>();
    r.rows().forEach(v -> counties.add(v.county()));
    List<HashedFile> files = HashedFile.of(List.of(file));
    advance(
        "batch-totals",
        counties,
        files,
        r.rows().size() + " rows",
        actor,
        h -> {
          InputDao dao = h.attach(InputDao.class);
          counties.forEach(c -> dao.deleteBatchResults(auditId, c));
          for (BatchVotes v : r.rows()) {
            dao.insertBatchResult(
                new Rows.BatchResultRow(
                    auditId,
                    v.county(),
                    v.tabulator(),
                    v.batch(),
                    v.contest(),
                    v.choice(),
                    v.votes()));
          }
        });
    return new ImportReport("batch-totals", counties, r.rows().size(), files, notes(r.problems()));
  }

  /**
   * CVR exports in any supported format. The cards stream from the parser into the database in one
   * transaction with the import's log entry and file hashes; an export with errors, or cards of a
   * county that already has CVRs (unless {@code replace}), roll it all back.
   *
   * @param progress called for every card stored (for a progress display), may be a no-op
   */
  public ImportReport cvrs(
      List<Path> paths,
      String format,
      String county,
      boolean replace,
      String actor,
      Consumer<Cvr> progress)
      throws IOException {
    refuseUnlessDefined("CVRs " + paths.get(0).getFileName());
    List<HashedFile> files = HashedFile.of(paths);
    Map<String, Long> existing = store.cards().countByCounty(auditId);
    if (replace) {
      Set<String> counties = countiesIn(paths, format, county);
      counties.forEach(c -> store.cards().deleteCounty(auditId, c));
      existing = store.cards().countByCounty(auditId);
    }
    Map<String, Long> already = existing;
    Set<String> seen = new HashSet<>();
    org.riskaudit.formats.cvr.CvrImporter importer = CvrFormats.forName(format, paths, county);
    CvrImportResult[] result = new CvrImportResult[1];
    java.util.function.Consumer<Cvr> check =
        c -> {
          if (seen.add(c.location().county()) && already.containsKey(c.location().county())) {
            throw new AuditFailure.Refused(
                "County '"
                    + c.location().county()
                    + "' already has "
                    + already.get(c.location().county())
                    + " CVRs in this audit; to import its CVRs again, add --replace.");
          }
          progress.accept(c);
        };
    try {
      store
          .cards()
          .load(
              auditId,
              sink -> {
                // the importer parses on the loader's producer thread while cards are inserted
                result[0] = importer.read(paths, check.andThen(sink));
                if (result[0].hasErrors()) {
                  throw new ImportFailed(result[0]);
                }
              },
              h -> {
                store.advanceOrThrow(
                    h,
                    auditId,
                    new AuditCommand.ImportInput(paths.get(0).getFileName().toString()),
                    actor,
                    "kind=cvr counties="
                        + new TreeSet<>(seen)
                        + " cards="
                        + result[0].cards()
                        + " "
                        + HashedFile.describe(files));
                recordFiles(h, "cvr", seen, files);
                InputDao dao = h.attach(InputDao.class);
                for (ContestDefinition d : result[0].contests()) {
                  dao.upsertDefinition(
                      new Rows.ContestDefinitionRow(auditId, d.name(), d.voteFor(), d.ranks()));
                }
              });
    } catch (ImportFailed e) {
      throw new AuditFailure.BadInput(
          "The CVR export has errors; nothing was imported. Fix them and import again.",
          e.result.problems());
    } catch (StoreException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof AuditFailure f) {
          throw f;
        }
      }
      throw e;
    } catch (IllegalStateException e) {
      throw new AuditFailure.Refused(e.getMessage());
    }
    return new ImportReport("cvr", seen, result[0].cards(), files, notes(result[0].problems()));
  }

  /** The importer finished with errors: its cards must not be used. */
  private static final class ImportFailed extends RuntimeException {
    final transient CvrImportResult result;

    ImportFailed(CvrImportResult result) {
      super("the CVR export has errors");
      this.result = result;
    }
  }

  private Set<String> countiesIn(List<Path> paths, String format, String county)
      throws IOException {
    Set<String> counties = new TreeSet<>();
    CvrFormats.forName(format, paths, county).read(paths, c -> counties.add(c.location().county()));
    return counties;
  }

  private void refuseUnlessDefined(String what) {
    AuditStage stage = store.state(auditId).stage();
    if (stage != AuditStage.DEFINED) {
      Outcome o =
          org.riskaudit.core.audit.Lifecycle.apply(
              store.state(auditId), new AuditCommand.ImportInput(what));
      throw new AuditFailure.Refused(((Outcome.Refused) o).message());
    }
  }

  private void advance(
      String kind,
      Set<String> counties,
      List<HashedFile> files,
      String summary,
      String actor,
      Consumer<Handle> write) {
    Outcome o =
        store.advance(
            auditId,
            new AuditCommand.ImportInput(files.get(0).name()),
            actor,
            "kind="
                + kind
                + " counties="
                + counties
                + (summary.isEmpty() ? "" : " " + summary)
                + " "
                + HashedFile.describe(files),
            h -> {
              write.accept(h);
              recordFiles(h, kind, counties, files);
            });
    if (o instanceof Outcome.Refused r) {
      throw new AuditFailure.Refused(r.message());
    }
  }

  private void recordFiles(Handle h, String kind, Set<String> counties, List<HashedFile> files) {
    AuditDao dao = h.attach(AuditDao.class);
    String county = counties.size() == 1 ? counties.iterator().next() : "(all)";
    // A new manifest or results file, or a county's own files, replace the earlier ones; but CVRs
    // or batch totals of several counties at once share the key "(all)" with other such imports
    // (Dominion JSON and Dominion CSV counties, say), whose hashes must stay in the record.
    boolean perCounty = kind.equals("cvr") || kind.equals("batch-totals");
    if (!perCounty || counties.size() == 1) {
      dao.deleteInputFiles(auditId, county, kind);
    }
    // the import's own log entry, appended earlier in this transaction
    long logSeq =
        h.attach(org.riskaudit.store.LogDao.class)
            .last(auditId)
            .orElseThrow(() -> new IllegalStateException("the import's log entry is missing"))
            .sequence();
    for (HashedFile f : files) {
      dao.upsertInputFile(
          new Rows.InputFileRow(
              auditId,
              county,
              f.name(),
              kind,
              f.sha256(),
              f.size(),
              store.clock().instant(),
              logSeq));
    }
  }

  static void refuseErrors(String what, List<ImportProblem> problems) {
    if (problems.stream().anyMatch(ImportProblem::isError)) {
      throw new AuditFailure.BadInput(
          what + " has errors; nothing was imported. Fix them and import again.", problems);
    }
  }

  private static List<ImportProblem> notes(List<ImportProblem> problems) {
    return problems.stream().filter(p -> !p.isError()).toList();
  }
}
