package org.riskaudit.formats.cvr;

import java.util.List;
import java.util.Objects;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.formats.ImportProblem;

/**
 * What an import found besides the cards themselves.
 *
 * @param format the importer's format name
 * @param contests contest definitions from the export, in export order
 * @param cards number of cards streamed to the sink
 * @param problems every problem found, errors first is not required; see {@link #hasErrors()}
 */
public record CvrImportResult(
    String format, List<ContestDefinition> contests, long cards, List<ImportProblem> problems) {
  public CvrImportResult {
    Objects.requireNonNull(format, "format");
    contests = List.copyOf(contests);
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(ImportProblem::isError);
  }
}
