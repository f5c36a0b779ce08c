package org.riskaudit.app.audit;

import java.util.List;
import java.util.Set;
import org.riskaudit.formats.ImportProblem;

/**
 * What one import stored: the kind of input, the counties it covers, how many rows or cards, the
 * files with their SHA-256, and the warnings and notes of the parser (errors refuse the import).
 */
public record ImportReport(
    String kind,
    Set<String> counties,
    long count,
    List<HashedFile> files,
    List<ImportProblem> notes) {
  public ImportReport {
    counties = Set.copyOf(counties);
    files = List.copyOf(files);
    notes = List.copyOf(notes);
  }
}
