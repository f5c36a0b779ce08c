package org.riskaudit.formats.manifest;

import java.util.List;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.formats.ImportProblem;

/**
 * A parsed ballot manifest and every problem found. When {@link #hasErrors()} the manifest must not
 * be used; the batches that did parse are still returned so a report can show them.
 */
public record ManifestParseResult(BallotManifest manifest, List<ImportProblem> problems) {
  public ManifestParseResult {
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(ImportProblem::isError);
  }
}
