package org.riskaudit.formats.cvr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.riskaudit.core.card.Cvr;

/**
 * Reads one vendor's CVR export. Importers only parse: they stream every card to {@code sink} in
 * file order, holding memory bounded independently of the export's size, and return the contest
 * definitions, counts and every problem found. They never persist anything.
 *
 * <p>A result with an ERROR problem means the export must not be used; callers that persist cards
 * do so in one transaction and roll it back in that case, so nothing half-imported remains.
 */
public interface CvrImporter {
  /** Short format name, as accepted by {@code --format} (for example "dominion-json"). */
  String format();

  /** Reads the files or folders or zips in {@code inputs} and streams their cards to the sink. */
  CvrImportResult read(List<Path> inputs, Consumer<Cvr> sink) throws IOException;
}
