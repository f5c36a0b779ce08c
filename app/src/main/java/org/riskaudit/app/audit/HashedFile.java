package org.riskaudit.app.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * An input file and its SHA-256, as committed with the audit (workflow brief, step 2).
 *
 * @param name the file's name as given, or its path relative to the folder given
 */
public record HashedFile(String name, String sha256, long size) {

  /** Every regular file of the inputs (folders walked in name order), hashed. */
  public static List<HashedFile> of(List<Path> inputs) throws IOException {
    List<HashedFile> out = new ArrayList<>();
    for (Path in : inputs) {
      if (!Files.exists(in)) {
        throw new java.nio.file.NoSuchFileException(in.toString(), null, "does not exist");
      }
      if (Files.isDirectory(in)) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(in)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
          String rel = in.getFileName() + "/" + in.relativize(f).toString().replace('\\', '/');
          out.add(new HashedFile(rel, sha256(f), Files.size(f)));
        }
      } else {
        out.add(new HashedFile(in.getFileName().toString(), sha256(in), Files.size(in)));
      }
    }
    return out;
  }

  public static String sha256(Path file) throws IOException {
    MessageDigest md = digest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * SHA-256 of the lines "sha256 name" of the files, sorted, for a log entry covering many files:
   * the order in which the files were given (cvr.csv before ballots.csv, say) must not change it,
   * or verify could not match the record's file list, which is sorted, to the log.
   */
  public static String digestOf(List<HashedFile> files) {
    MessageDigest md = digest();
    List<String> lines = new java.util.ArrayList<>();
    for (HashedFile f : files) {
      lines.add(f.sha256 + "  " + f.name + "\n");
    }
    java.util.Collections.sort(lines);
    for (String line : lines) {
      md.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** For a log entry: one file's name and hash, or the count and the digest of many. */
  public static String describe(List<HashedFile> files) {
    if (files.size() == 1) {
      return files.get(0).name + " sha256=" + files.get(0).sha256;
    }
    return files.size() + " files sha256-of-list=" + digestOf(files);
  }
}
