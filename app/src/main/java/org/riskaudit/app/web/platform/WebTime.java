package org.riskaudit.app.web.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Fixed-width UTC times for the web tables, so that they compare correctly as text. */
final class WebTime {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HUMAN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private WebTime() {}

  static String format(Instant at) {
    return FORMAT.format(at);
  }

  static Instant parse(String text) {
    return Instant.parse(text);
  }

  /** For messages: {@code 2024-11-05 14:07 UTC}. */
  static String human(Instant at) {
    return HUMAN.format(at);
  }
}
