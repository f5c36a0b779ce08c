package org.riskaudit.formats;

import java.util.Objects;

/**
 * One thing wrong (or worth knowing) about an input file, located precisely enough that an election
 * official can find and fix it. Importers collect all of them rather than stopping at the first.
 *
 * @param file the file name as the user gave it (or the entry name inside a zip)
 * @param line 1-based line (CSV) or record number (JSON/XML session); 0 when not applicable
 * @param column column name or JSON/XML field; empty when not applicable
 * @param what what is wrong, stating the rule and the value found
 * @param fix how to fix it
 * @param severity ERROR rejects the import; WARNING is reported but the data is usable; NOTE
 *     records something the importer did (for example recovering a redacted RecordId)
 */
public record ImportProblem(
    String file, long line, String column, String what, String fix, Severity severity) {

  /** How serious a problem is. */
  public enum Severity {
    ERROR,
    WARNING,
    NOTE
  }

  public ImportProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(what, "what");
    column = column == null ? "" : column;
    fix = fix == null ? "" : fix;
    Objects.requireNonNull(severity, "severity");
  }

  public static ImportProblem error(
      String file, long line, String column, String what, String fix) {
    return new ImportProblem(file, line, column, what, fix, Severity.ERROR);
  }

  public static ImportProblem warning(
      String file, long line, String column, String what, String fix) {
    return new ImportProblem(file, line, column, what, fix, Severity.WARNING);
  }

  public static ImportProblem note(String file, long line, String column, String what) {
    return new ImportProblem(file, line, column, what, "", Severity.NOTE);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** One line for a terminal: {@code file:line [column] what. Fix: fix}. */
  public String describe() {
    StringBuilder b = new StringBuilder(file);
    if (line > 0) {
      b.append(':').append(line);
    }
    if (!column.isEmpty()) {
      b.append(" [").append(column).append(']');
    }
    b.append(' ').append(severity.name().toLowerCase(java.util.Locale.ROOT)).append(": ");
    b.append(what);
    if (!fix.isEmpty()) {
      b.append(" Fix: ").append(fix);
    }
    return b.toString();
  }
}
