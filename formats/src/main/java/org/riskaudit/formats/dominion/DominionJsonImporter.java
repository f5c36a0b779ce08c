package org.riskaudit.formats.dominion;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.cvr.CvrImporter;

/**
 * Imports a Dominion Democracy Suite JSON CVR export (EMS 5.2 with contests under the session's
 * element, 5.10+ with {@code Cards[]}): {@code CvrExport*.json} files, folders or zips holding
 * them, together with the export's manifests (ContestManifest and CandidateManifest are required).
 *
 * <p><b>Placement rule:</b> a card is at position {@code RecordId} of batch {@code (TabulatorId,
 * BatchId)}; a redacted RecordId "X" is taken from the ImageMask ({@code ..._<tab>_<batch>_<record>
 * *.*}) and a NOTE gives the count. The cards of a multi-card session share the session's location
 * and are told apart by their imprinted id {@code tab-batch-record-<PaperIndex+1>}.
 *
 * <p>CVR files are parsed in parallel (a bounded window of files in flight, so memory stays
 * bounded) and their cards delivered to the sink on the calling thread in file order ({@code
 * CvrExport_<n>} by n), so the output is deterministic. Each input folder or zip that holds both
 * manifests and CVR files is a separate export (for example one county each); the other inputs
 * together form one export. County: {@link #withCounty} (for every export), else the
 * ElectionEventManifest's Jurisdiction, else the folder or zip name.
 */
public final class DominionJsonImporter implements CvrImporter {
  private static final JsonFactory FACTORY = new JsonFactory();
  private final String county;
  private final int threads;

  public DominionJsonImporter() {
    this(null, Runtime.getRuntime().availableProcessors());
  }

  private DominionJsonImporter(String county, int threads) {
    this.county = county;
    this.threads = Math.max(1, threads);
  }

  /** The same importer placing every card in {@code county}. */
  public DominionJsonImporter withCounty(String county) {
    if (county == null || county.isBlank()) {
      throw new IllegalArgumentException("county must not be blank, got '" + county + "'");
    }
    return new DominionJsonImporter(county.trim(), threads);
  }

  /** The same importer parsing with {@code threads} threads (1 = on the calling thread only). */
  public DominionJsonImporter withThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    return new DominionJsonImporter(county, threads);
  }

  @Override
  public String format() {
    return "dominion-json";
  }

  @Override
  public CvrImportResult read(List<Path> inputs, Consumer<Cvr> sink) throws IOException {
    Problems problems = new Problems();
    Map<String, ContestDefinition> contests = new LinkedHashMap<>();
    Map<String, SeenCards> seen = new HashMap<>();
    long cards = 0;
    for (List<Path> export : exports(inputs)) {
      cards += readExport(export, sink, problems, contests, seen);
    }
    return new CvrImportResult(
        format(), new ArrayList<>(contests.values()), cards, problems.list());
  }

  /**
   * Splits the inputs into exports: a folder or zip holding both manifests and CVR files is a
   * complete export (a county) on its own; all other inputs (CVR files, manifest folders) together
   * form one export, listed first.
   */
  private static List<List<Path>> exports(List<Path> inputs) throws IOException {
    List<List<Path>> complete = new ArrayList<>();
    List<Path> loose = new ArrayList<>();
    for (Path in : expandFolderOfExports(inputs)) {
      boolean container =
          Files.isDirectory(in)
              || in.getFileName() != null
                  && in.getFileName()
                      .toString()
                      .toLowerCase(java.util.Locale.ROOT)
                      .endsWith(".zip");
      if (container && Files.exists(in)) {
        try (ExportFiles f = ExportFiles.of(List.of(in))) {
          if (!f.manifests.isEmpty() && !f.cvrFiles.isEmpty()) {
            complete.add(List.of(in));
            continue;
          }
        }
      }
      loose.add(in);
    }
    List<List<Path>> out = new ArrayList<>();
    if (!loose.isEmpty()) {
      out.add(loose);
    }
    out.addAll(complete);
    return out;
  }

  /**
   * A folder with no JSON files of its own but with sub-folders or zips (for example the
   * generator's {@code dominion-json/} with one export per county) stands for its children.
   */
  private static List<Path> expandFolderOfExports(List<Path> inputs) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) {
        List<Path> children;
        try (java.util.stream.Stream<Path> s = Files.list(in)) {
          children = s.sorted().toList();
        }
        boolean ownJson =
            children.stream()
                .anyMatch(
                    p ->
                        p.getFileName()
                            .toString()
                            .toLowerCase(java.util.Locale.ROOT)
                            .endsWith(".json"));
        List<Path> nested =
            children.stream()
                .filter(
                    p ->
                        Files.isDirectory(p)
                            || p.getFileName()
                                .toString()
                                .toLowerCase(java.util.Locale.ROOT)
                                .endsWith(".zip"))
                .toList();
        if (!ownJson && !nested.isEmpty()) {
          out.addAll(nested);
          continue;
        }
      }
      out.add(in);
    }
    return out;
  }

  private long readExport(
      List<Path> inputs,
      Consumer<Cvr> sink,
      Problems problems,
      Map<String, ContestDefinition> contests,
      Map<String, SeenCards> seen)
      throws IOException {
    long errorsBefore = problems.errorCount();
    try (ExportFiles files = ExportFiles.of(inputs)) {
      for (String missing : files.notFound) {
        problems.error(
            missing, 0, "", "the input does not exist", "give an existing file, folder or zip");
      }
      for (String broken : files.broken) {
        problems.error(
            broken.substring(0, broken.indexOf(':')),
            0,
            "",
            "the zip cannot be opened:" + broken.substring(broken.indexOf(':') + 1),
            "copy the export zip again; it is damaged or incomplete");
      }
      DominionManifests manifests = DominionManifests.load(files, problems);
      if (problems.errorCount() > errorsBefore) {
        return 0;
      }
      manifests.definitions().forEach(d -> contests.putIfAbsent(d.name(), d));
      if (files.cvrFiles.isEmpty()) {
        problems.error(
            files.firstFolderName.isEmpty() ? "(inputs)" : files.firstFolderName,
            0,
            "",
            "the inputs contain no CVR files (CvrExport*.json)",
            "give the export folder or zip that holds the CvrExport files");
      }
      String c =
          county != null
              ? county
              : !manifests.jurisdiction.isEmpty()
                  ? manifests.jurisdiction
                  : !files.firstFolderName.isBlank() ? files.firstFolderName : "County";
      return deliver(
          files, manifests, c, sink, problems, seen.computeIfAbsent(c, k -> new SeenCards()));
    }
  }

  private long deliver(
      ExportFiles files,
      DominionManifests manifests,
      String county,
      Consumer<Cvr> sink,
      Problems problems,
      SeenCards seen)
      throws IOException {
    long cards = 0;
    long recovered = 0;
    long multiCard = 0;
    ExecutorService pool =
        threads > 1
            ? Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread t = new Thread(r, "dominion-json");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    try {
      Deque<Future<CvrFileReader.FileResult>> window = new ArrayDeque<>();
      int next = 0;
      List<ExportFiles.Entry> all = files.cvrFiles;
      while (next < all.size() || !window.isEmpty()) {
        while (next < all.size()
            && (pool == null ? window.isEmpty() : window.size() < threads * 4)) {
          ExportFiles.Entry e = all.get(next++);
          CvrFileReader reader = new CvrFileReader(FACTORY, manifests, county, e.name());
          if (pool == null) {
            window.add(java.util.concurrent.CompletableFuture.completedFuture(reader.read(e)));
          } else {
            window.add(pool.submit(() -> reader.read(e)));
          }
        }
        CvrFileReader.FileResult r = get(window.poll());
        r.problems().forEach(problems::add);
        recovered += r.recovered();
        multiCard += r.multiCard();
        int lastSession = -1;
        for (int i = 0; i < r.cards().size(); i++) {
          Cvr cvr = r.cards().get(i);
          int s = r.sessionOfCard()[i];
          if (s != lastSession) {
            lastSession = s;
            if (!seen.addLocation(
                cvr.location().tabulator(), cvr.location().batch(), cvr.location().position())) {
              problems.error(
                  r.file(),
                  s,
                  "RecordId",
                  "duplicate card: tabulator "
                      + cvr.location().tabulator()
                      + ", batch "
                      + cvr.location().batch()
                      + ", record "
                      + cvr.location().position()
                      + " appears in more than one session",
                  "remove the duplicate session or file; every card must be exported once");
              continue;
            }
          }
          sink.accept(cvr);
          cards++;
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    if (cards > 0) {
      problems.add(
          ImportProblem.note(
              "(all files)",
              0,
              "RecordId",
              "placement rule: each card is at"
                  + " position RecordId of batch (TabulatorId, BatchId); "
                  + cards
                  + " cards placed"));
    }
    if (multiCard > 0) {
      problems.add(
          ImportProblem.note(
              "(all files)",
              0,
              "Cards",
              multiCard
                  + " sessions have several cards; each card is its own CVR at the session's position,"
                  + " told apart by imprinted id tab-batch-record-<PaperIndex+1>"));
    }
    if (recovered > 0) {
      problems.add(
          ImportProblem.note(
              "(all files)",
              0,
              "RecordId",
              recovered
                  + " sessions had a redacted RecordId \"X\"; their record number was recovered from ImageMask"
                  + " (..._<tabulator>_<batch>_<record>*.*) and used as the position in the batch"));
    }
    return cards;
  }

  private static CvrFileReader.FileResult get(Future<CvrFileReader.FileResult> f)
      throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("import interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("parsing a CVR file failed: " + e.getCause(), e.getCause());
    }
  }
}
