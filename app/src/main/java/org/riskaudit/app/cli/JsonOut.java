package org.riskaudit.app.cli;

/** One JSON object on stdout for {@code --json} answers (public for the command packages). */
public final class JsonOut {
  private JsonOut() {}

  public static String write(Object value) {
    return Json.write(value);
  }
}
