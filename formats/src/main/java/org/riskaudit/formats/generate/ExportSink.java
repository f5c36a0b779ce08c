package org.riskaudit.formats.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Named files written one after another, into a folder or a zip. */
final class ExportSink implements Closeable {
  private final Path folder;
  private final ZipOutputStream zip;
  private Writer current;

  private ExportSink(Path folder, ZipOutputStream zip) {
    this.folder = folder;
    this.zip = zip;
  }

  static ExportSink folder(Path dir) throws IOException {
    Files.createDirectories(dir);
    return new ExportSink(dir, null);
  }

  static ExportSink zip(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file));
    z.setLevel(Deflater.BEST_SPEED);
    return new ExportSink(null, z);
  }

  /**
   * A zip entry stamped with a fixed time (election day) instead of the clock's, so the same
   * options give the same bytes in zips too.
   */
  static ZipEntry entry(String name) {
    ZipEntry e = new ZipEntry(name);
    e.setTimeLocal(java.time.LocalDateTime.of(2021, 9, 14, 0, 0));
    return e;
  }

  /** Starts the next file, closing the previous one. */
  Writer next(String name) throws IOException {
    finish();
    if (zip != null) {
      zip.putNextEntry(entry(name));
      current =
          new BufferedWriter(
              new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8), 1 << 16);
    } else {
      current =
          new BufferedWriter(
              new OutputStreamWriter(
                  Files.newOutputStream(folder.resolve(name)), StandardCharsets.UTF_8),
              1 << 16);
    }
    return current;
  }

  private void finish() throws IOException {
    if (current != null) {
      current.close();
      current = null;
      if (zip != null) {
        zip.closeEntry();
      }
    }
  }

  @Override
  public void close() throws IOException {
    finish();
    if (zip != null) {
      zip.close();
    }
  }

  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
