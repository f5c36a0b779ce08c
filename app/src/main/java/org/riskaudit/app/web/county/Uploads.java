package org.riskaudit.app.web.county;

import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.riskaudit.app.audit.HashedFile;

/**
 * Uploaded files on their way to an import: each part is streamed (never held whole in memory) to
 * {@code dataDir/uploads/{audit}/{county}/{kind}-{time}-{random}/{name}}, hashed while it is
 * written, and counted against the size limit. File names that could name another place (path
 * separators, {@code ..}, control characters, a leading dot) are refused, not rewritten. The
 * SHA-256 the county typed, as published, must match the computed one.
 */
final class Uploads {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private Uploads() {}

  /** An upload refused before any import, with what to fix; nothing is kept. */
  static final class Refused extends RuntimeException {
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** The files of one upload, stored and hashed, in the order sent. */
  record Saved(Path dir, List<Path> files, List<HashedFile> hashes) {
    void delete() {
      deleteTree(dir);
    }
  }

  /** Refuses a file name that is not a plain name of a file in one folder. */
  static String checkName(String submitted) {
    String n = submitted == null ? "" : submitted;
    String why = null;
    if (n.isBlank()) {
      why = "it is empty";
    } else if (n.indexOf('/') >= 0 || n.indexOf('\\') >= 0 || n.indexOf(':') >= 0) {
      why = "it contains a folder separator ('/', '\\' or ':')";
    } else if (n.contains("..")) {
      why = "it contains '..'";
    } else if (n.startsWith(".")) {
      why = "it starts with a dot";
    } else if (n.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      why = "it contains control characters";
    } else if (n.length() > 200) {
      why = "it is longer than 200 characters";
    } else if (!n.equals(n.strip())) {
      why = "it starts or ends with a space";
    }
    if (why != null) {
      throw new Refused(
          400,
          "The file name '"
              + printable(n)
              + "' is not accepted: "
              + why
              + ". Rename the file to a plain name such as 'cvr-export.zip' and upload it again.");
    }
    return n;
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(120).forEach(c -> b.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
    return b.toString();
  }

  /** A folder name for an audit id or county (letters, digits, '.', '_', '-'; never '..'). */
  static String folder(String s) {
    String f = s.replaceAll("[^A-Za-z0-9._-]+", "_");
    return f.isEmpty() || f.startsWith(".") ? "_" + f : f;
  }

  /**
   * Streams the parts to a new folder under {@code base}, hashing each. Refuses (and removes what
   * was written) a bad name, two files of one name, or more than {@code maxBytes} in all.
   */
  static Saved save(List<UploadedFile> parts, Path base, String kind, Instant now, long maxBytes)
      throws IOException {
    if (parts.isEmpty()) {
      throw new Refused(400, "Choose a file to upload.");
    }
    List<String> names = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (UploadedFile p : parts) {
      String n = checkName(p.filename());
      if (!seen.add(n.toLowerCase(Locale.ROOT))) {
        throw new Refused(400, "Two of the files are named '" + n + "'; upload each file once.");
      }
      names.add(n);
    }
    byte[] nonce = new byte[4];
    RANDOM.nextBytes(nonce);
    Path root = base.toAbsolutePath().normalize();
    Path dir = root.resolve(kind + "-" + STAMP.format(now) + "-" + HexFormat.of().formatHex(nonce));
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    List<HashedFile> hashes = new ArrayList<>();
    long total = 0;
    byte[] buf = new byte[1 << 16];
    try {
      for (int i = 0; i < parts.size(); i++) {
        Path target = dir.resolve(names.get(i)).normalize();
        if (!target.getParent().equals(dir)) {
          throw new Refused(400, "The file name '" + names.get(i) + "' is not accepted.");
        }
        MessageDigest md = sha256();
        long size = 0;
        try (InputStream in = parts.get(i).content();
            OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
          for (int n; (n = in.read(buf)) > 0; ) {
            size += n;
            total += n;
            if (total > maxBytes) {
              throw new Refused(
                  413,
                  "The upload is larger than the limit of "
                      + megabytes(maxBytes)
                      + ". Ask the state's administrator to raise the limit"
                      + " (RISKAUDIT_MAX_UPLOAD_MB) if the export really is this large.");
            }
            md.update(buf, 0, n);
            out.write(buf, 0, n);
          }
        }
        files.add(target);
        hashes.add(new HashedFile(names.get(i), HexFormat.of().formatHex(md.digest()), size));
      }
    } catch (IOException | RuntimeException e) {
      deleteTree(dir);
      throw e;
    }
    return new Saved(dir, files, hashes);
  }

  static String megabytes(long bytes) {
    return bytes >= (1L << 20) ? (bytes >> 20) + " MB" : bytes + " bytes";
  }

  /**
   * The SHA-256 values in what the county typed ("" when none): 64 hexadecimal digits each, in any
   * case, alone or as {@code sha256sum} prints them ("hash name" lines). Refuses text that looks
   * like a hash of the wrong length, or that holds no hash at all.
   */
  static List<String> typedHashes(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String token : text.strip().split("[\\s,;]+")) {
      String t = token.toLowerCase(Locale.ROOT);
      if (t.startsWith("sha256=") || t.startsWith("sha256:")) {
        t = t.substring(7);
      }
      boolean hex = !t.isEmpty() && t.chars().allMatch(c -> Character.digit(c, 16) >= 0);
      if (hex && t.length() == 64) {
        out.add(t);
      } else if (hex && t.length() >= 32) {
        throw new Refused(
            400,
            "The SHA-256 you typed ('"
                + printable(token)
                + "') has "
                + t.length()
                + " digits; a SHA-256 has 64 hexadecimal digits (0-9, a-f). Copy it again from"
                + " the county's publication.");
      }
    }
    if (out.isEmpty()) {
      throw new Refused(
          400,
          "No SHA-256 found in what you typed; a SHA-256 has 64 hexadecimal digits (0-9, a-f)."
              + " Copy it from the county's publication, or leave the field empty.");
    }
    return out;
  }

  /** Refuses when the county typed hashes and the files' hashes are not exactly those. */
  static void checkTyped(List<HashedFile> files, List<String> typed) {
    if (typed.isEmpty()) {
      return;
    }
    Set<String> computed = new LinkedHashSet<>();
    files.forEach(f -> computed.add(f.sha256()));
    for (HashedFile f : files) {
      if (!typed.contains(f.sha256())) {
        throw new Refused(
            422,
            "The SHA-256 of '"
                + f.name()
                + "' is "
                + f.sha256()
                + ", which does not match what you typed ("
                + String.join(", ", typed)
                + "). The file is not the one the county published, or the hash was mistyped:"
                + " check both and upload again. Nothing was imported.");
      }
    }
    for (String t : typed) {
      if (!computed.contains(t)) {
        throw new Refused(
            422,
            "You typed the SHA-256 "
                + t
                + ", but no uploaded file has it (the files have "
                + String.join(", ", computed)
                + "). Upload the file it belongs to, or remove it. Nothing was imported.");
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // best effort: a leftover file of a refused upload is harmless
                }
              });
    } catch (IOException e) {
      // best effort
    }
  }
}
