package org.riskaudit.formats.dominion;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The JSON files of a Dominion export given as files, folders or zips: manifests (file names
 * containing "Manifest", and Configuration) and CVR files (every other .json), CVR files ordered by
 * the number in {@code CvrExport_<n>.json} so that the output order is deterministic.
 */
final class ExportFiles implements Closeable {
  /** One JSON file inside the inputs. */
  interface Entry {
    String name();

    InputStream open() throws IOException;
  }

  private static final Pattern NUMBER = Pattern.compile("(\\d+)\\.json$");
  final List<Entry> manifests = new ArrayList<>();
  final List<Entry> cvrFiles = new ArrayList<>();
  final List<String> notFound = new ArrayList<>();

  /** Zips that cannot be opened, with the reason. */
  final List<String> broken = new ArrayList<>();

  private final List<ZipFile> zips = new ArrayList<>();

  /** Folder or zip name of the first input, without extension: the county fallback. */
  String firstFolderName = "";

  static ExportFiles of(List<Path> inputs) throws IOException {
    ExportFiles f = new ExportFiles();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) {
        f.folderName(in.getFileName());
        try (Stream<Path> s = Files.list(in)) {
          for (Path p : s.sorted().toList()) {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".json") && Files.isRegularFile(p)) {
              f.add(fileEntry(p));
            } else if (n.endsWith(".zip")) {
              try {
                f.addZip(p);
              } catch (java.util.zip.ZipException e) {
                f.broken.add(p.getFileName() + ": " + e.getMessage());
              }
            }
          }
        }
      } else if (!Files.exists(in)) {
        f.notFound.add(in.toString());
      } else if (in.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
        f.folderName(in.getFileName());
        try {
          f.addZip(in);
        } catch (java.util.zip.ZipException e) {
          f.broken.add(in.getFileName() + ": " + e.getMessage());
        }
      } else {
        f.folderName(in.toAbsolutePath().getParent().getFileName());
        f.add(fileEntry(in));
      }
    }
    f.cvrFiles.sort(Comparator.comparingLong(ExportFiles::fileNumber).thenComparing(Entry::name));
    return f;
  }

  private void folderName(Path p) {
    if (firstFolderName.isEmpty() && p != null) {
      String n = p.toString();
      firstFolderName =
          n.toLowerCase(Locale.ROOT).endsWith(".zip") ? n.substring(0, n.length() - 4) : n;
    }
  }

  private static long fileNumber(Entry e) {
    Matcher m = NUMBER.matcher(e.name());
    if (m.find() && m.group(1).length() < 18) {
      return Long.parseLong(m.group(1));
    }
    return -1;
  }

  private static Entry fileEntry(Path p) {
    String name = p.getFileName().toString();
    return new Entry() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(p);
      }
    };
  }

  private void addZip(Path zipPath) throws IOException {
    ZipFile zip = new ZipFile(zipPath.toFile());
    zips.add(zip);
    List<? extends ZipEntry> entries =
        zip.stream()
            .filter(e -> !e.isDirectory())
            .sorted(Comparator.comparing(ZipEntry::getName))
            .toList();
    for (ZipEntry ze : entries) {
      if (!ze.getName().toLowerCase(Locale.ROOT).endsWith(".json")) {
        continue;
      }
      String name = zipPath.getFileName() + "!" + ze.getName();
      add(
          new Entry() {
            @Override
            public String name() {
              return name;
            }

            @Override
            public InputStream open() throws IOException {
              return zip.getInputStream(ze);
            }
          });
    }
  }

  private void add(Entry e) {
    String base = baseName(e.name());
    if (base.contains("Manifest") || base.startsWith("Configuration")) {
      manifests.add(e);
    } else {
      cvrFiles.add(e);
    }
  }

  static String baseName(String name) {
    int slash =
        Math.max(name.lastIndexOf('/'), Math.max(name.lastIndexOf('\\'), name.lastIndexOf('!')));
    return name.substring(slash + 1);
  }

  @Override
  public void close() throws IOException {
    for (ZipFile z : zips) {
      z.close();
    }
  }
}
