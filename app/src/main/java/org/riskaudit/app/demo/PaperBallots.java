package org.riskaudit.app.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.sampling.CardId;
import org.riskaudit.formats.cvr.CvrFormats;

/**
 * The paper ballots of a generated election, for a simulated audit board: what every card really
 * says, as the generator wrote it (Dominion CSV, one file per county, in {@code paper/} when the
 * CVRs differ from the paper, else the CVR export itself). Only used by simulations and tests: a
 * real audit board reads paper.
 */
public final class PaperBallots {
  private final Path folder;

  /** The paper of a generated election folder: {@code paper/} if present, else its CSV CVRs. */
  public static PaperBallots of(Path generated) {
    Path paper = generated.resolve("paper");
    return new PaperBallots(Files.isDirectory(paper) ? paper : generated.resolve("dominion-csv"));
  }

  PaperBallots(Path folder) {
    this.folder = folder;
  }

  /** Every card, streamed. */
  public void forEach(Consumer<Cvr> sink) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    for (Path f : files) {
      CvrFormats.forName("dominion-csv", List.of(f), null).read(List.of(f), sink);
    }
  }

  /** The cards with these ids. */
  public Map<String, Cvr> cards(Set<String> ids) throws IOException {
    Map<String, Cvr> out = new HashMap<>();
    forEach(
        c -> {
          String id = CardId.of(c.location());
          if (ids.contains(id)) {
            out.put(id, c);
          }
        });
    return out;
  }

  /** Votes per batch id ({@code county/tabulator/batch}) and choice for one contest. */
  public Map<String, Map<String, Long>> batchTallies(String contest) throws IOException {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    forEach(
        c -> {
          String id = CardId.of(c.location());
          String batch = id.substring(0, id.lastIndexOf('/'));
          Map<String, Long> t = out.computeIfAbsent(batch, k -> new TreeMap<>());
          ContestVote v = c.vote(contest);
          if (v != null) {
            v.choices().forEach(ch -> t.merge(ch, 1L, Long::sum));
          }
        });
    return out;
  }
}
