package org.riskaudit.app.web.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.HashedFile;
import org.riskaudit.app.record.RecordExporter;
import org.riskaudit.store.Store;

/**
 * Published audit records in the data directory (docs/web-state.md):
 *
 * <pre>
 * dataDir/published/{audit}/                     the latest record, exactly as {@code riskaudit
 *                                                audit export} writes it (the public pages serve
 *                                                this folder; {@code riskaudit verify} checks it)
 * dataDir/publications/{audit}/{n}/record/       publication n's record folder
 * dataDir/publications/{audit}/{n}/record.zip    the same folder as one download
 * dataDir/publications/{audit}/{n}/publication.json
 * dataDir/publications/{audit}/latest.json       a copy of the newest publication.json
 * </pre>
 *
 * Publications are numbered 1, 2, ... and never overwritten: an interim record published during the
 * audit stays available to the state after the final one. The public folder is replaced by renaming
 * a complete copy into place, so it never holds a half-written record.
 */
public final class Publications {
  /** Folder under the data directory holding each audit's latest record (served publicly). */
  public static final String PUBLIC_FOLDER = "published";

  /** Folder under the data directory holding every publication of each audit. */
  public static final String FOLDER = "publications";

  public static final String LATEST = "latest.json";
  public static final String PUBLICATION = "publication.json";
  public static final String RECORD = "record";
  public static final String ZIP = "record.zip";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One publication, as written in publication.json. */
  public record Publication(
      String audit,
      int version,
      String publishedAt,
      String publishedBy,
      String stage,
      int round,
      String zip,
      String zipSha256,
      long zipBytes,
      String indexSha256,
      String logHead) {}

  private final Path dataDir;

  public Publications(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** The folder of one audit's publications (the audit id is validated by the store's rule). */
  public Path auditDir(String auditId) {
    return dataDir.resolve(FOLDER).resolve(checked(auditId));
  }

  /** The public folder of the audit's latest record. */
  public Path publicDir(String auditId) {
    return dataDir.resolve(PUBLIC_FOLDER).resolve(checked(auditId));
  }

  private static String checked(String auditId) {
    if (!auditId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") || auditId.contains("..")) {
      throw new IllegalArgumentException("not an audit id: " + auditId);
    }
    return auditId;
  }

  /** Every publication of the audit, oldest first. */
  public List<Publication> list(String auditId) throws IOException {
    Path dir = auditDir(auditId);
    List<Publication> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().matches("[0-9]{1,6}")).toList()) {
        Path f = p.resolve(PUBLICATION);
        if (Files.isRegularFile(f)) {
          out.add(JSON.readValue(f.toFile(), Publication.class));
        }
      }
    }
    out.sort(Comparator.comparingInt(Publication::version));
    return out;
  }

  public Optional<Publication> latest(String auditId) throws IOException {
    Path f = auditDir(auditId).resolve(LATEST);
    return Files.isRegularFile(f)
        ? Optional.of(JSON.readValue(f.toFile(), Publication.class))
        : Optional.empty();
  }

  /**
   * Exports the audit's record with {@link RecordExporter} as the next publication, zips it, and
   * writes the publication's facts to the activity log (the zip's and the index's SHA-256, and the
   * log head the record ends with).
   */
  public Publication publish(Store store, String auditId, boolean allCvrs, String actor)
      throws IOException {
    Path dir = auditDir(auditId);
    Files.createDirectories(dir);
    int version = list(auditId).stream().mapToInt(Publication::version).max().orElse(0) + 1;
    Path staging = Files.createTempDirectory(dir, ".staging-");
    try {
      Path record = staging.resolve(RECORD);
      new RecordExporter(store, auditId).export(record, allCvrs);
      Path zip = staging.resolve(ZIP);
      zip(record, zip);
      JsonNode index = JSON.readTree(record.resolve("audit-record.json").toFile());
      AuditSnapshot s = AuditLoader.load(store, auditId);
      Publication p =
          new Publication(
              auditId,
              version,
              store.clock().instant().toString(),
              actor,
              s.state().stage().name(),
              s.state().round(),
              version + "/" + ZIP,
              HashedFile.sha256(zip),
              Files.size(zip),
              HashedFile.sha256(record.resolve("audit-record.json")),
              index.path("log").path("lastHash").asText(null));
      JSON.writeValue(staging.resolve(PUBLICATION).toFile(), p);
      Path target = dir.resolve(Integer.toString(version));
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      Path latestTmp = dir.resolve(".latest.tmp");
      JSON.writeValue(latestTmp.toFile(), p);
      try {
        Files.move(
            latestTmp,
            dir.resolve(LATEST),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(latestTmp, dir.resolve(LATEST), StandardCopyOption.REPLACE_EXISTING);
      }
      replacePublic(auditId, target.resolve(RECORD), version);
      store.log(
          auditId,
          actor,
          "publish",
          "version="
              + version
              + " stage="
              + p.stage()
              + " round="
              + p.round()
              + " record.zip sha256="
              + p.zipSha256()
              + " audit-record.json sha256="
              + p.indexSha256()
              + " log-head="
              + p.logHead());
      return p;
    } finally {
      if (Files.exists(staging)) {
        deleteTree(staging);
      }
    }
  }

  /**
   * A file of a publication, or empty when {@code relative} does not name a regular file inside it
   * (no path may climb out of the publication's folder).
   */
  public Optional<Path> file(String auditId, int version, String relative) {
    Path base = auditDir(auditId).resolve(Integer.toString(version)).normalize();
    Path f = base.resolve(relative).normalize();
    if (!f.startsWith(base) || !Files.isRegularFile(f)) {
      return Optional.empty();
    }
    return Optional.of(f);
  }

  /** The files of a publication's record folder, relative to it, in path order. */
  public List<String> recordFiles(String auditId, int version) throws IOException {
    Path record = auditDir(auditId).resolve(Integer.toString(version)).resolve(RECORD);
    if (!Files.isDirectory(record)) {
      return List.of();
    }
    try (Stream<Path> w = Files.walk(record)) {
      return w.filter(Files::isRegularFile)
          .map(p -> record.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /** Copies the record beside the public folder, then renames the copy into its place. */
  private void replacePublic(String auditId, Path record, int version) throws IOException {
    Path live = publicDir(auditId);
    Path parent = live.getParent();
    Files.createDirectories(parent);
    Path incoming = parent.resolve(".incoming-" + auditId + "-" + version);
    Path retired = parent.resolve(".retired-" + auditId + "-" + version);
    if (Files.exists(incoming)) {
      deleteTree(incoming);
    }
    try (Stream<Path> w = Files.walk(record)) {
      for (Path f : w.sorted().toList()) {
        Path to = incoming.resolve(record.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    if (Files.exists(live)) {
      Files.move(live, retired, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(incoming, live, StandardCopyOption.ATOMIC_MOVE);
    if (Files.exists(retired)) {
      deleteTree(retired);
    }
  }

  private static void zip(Path folder, Path zip) throws IOException {
    List<Path> files;
    try (Stream<Path> w = Files.walk(folder)) {
      files = w.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream os = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(os)) {
      for (Path f : files) {
        ZipEntry e =
            new ZipEntry(RECORD + "/" + folder.relativize(f).toString().replace('\\', '/'));
        e.setTime(0);
        z.putNextEntry(e);
        Files.copy(f, z);
        z.closeEntry();
      }
    }
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> w = Files.walk(p)) {
      for (Path f : w.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
