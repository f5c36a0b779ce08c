package org.riskaudit.app.web.platform;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;

/**
 * The largest upload the server accepts (all files of one form), from {@code
 * RISKAUDIT_MAX_UPLOAD_MB} or {@code -Driskaudit.maxUploadMb}, default 4 GiB (a large county's CVR
 * export). The server checks it before anything reads a multipart body (the CSRF check reads the
 * token from it), so an oversized upload is refused before it is spooled to disk; the county's
 * upload page checks its own limit again while it hashes the files.
 */
public final class UploadLimit {
  /** Default: 4 GiB. */
  public static final long DEFAULT_BYTES = 4L << 30;

  /** Room for the form's other fields and the multipart boundaries. */
  private static final long FORM_OVERHEAD = 1L << 20;

  private UploadLimit() {}

  /** The configured limit in bytes. */
  public static long configured() {
    String mb =
        System.getProperty("riskaudit.maxUploadMb", System.getenv("RISKAUDIT_MAX_UPLOAD_MB"));
    if (mb == null || mb.isBlank()) {
      return DEFAULT_BYTES;
    }
    try {
      long v = Long.parseLong(mb.strip());
      if (v < 1) {
        throw new NumberFormatException();
      }
      return v << 20;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "RISKAUDIT_MAX_UPLOAD_MB must be a whole number of megabytes, got '" + mb + "'");
    }
  }

  /**
   * Refuses a multipart request that does not state its length (411) or states more than {@code
   * limit} plus the form's overhead (413).
   */
  static void check(Context ctx, long limit) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
      return;
    }
    long length = ctx.contentLength();
    if (length < 0) {
      throw new HttpResponseException(
          411, "An upload must state its size (Content-Length); send it from the form.", Map.of());
    }
    if (length > limit + FORM_OVERHEAD) {
      throw new HttpResponseException(
          413,
          "The upload is larger than the limit of "
              + (limit >> 20)
              + " MB. Ask the state's administrator to raise the limit (RISKAUDIT_MAX_UPLOAD_MB)"
              + " if the export really is this large.",
          Map.of());
    }
  }
}
