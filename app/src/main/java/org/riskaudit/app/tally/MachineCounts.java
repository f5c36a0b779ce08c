package org.riskaudit.app.tally;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.riskaudit.app.audit.HashedFile;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.sampling.CardId;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.cvr.CvrFormats;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.tally.PrecinctResultsParser;

/**
 * The machine counts of every precinct or batch, from a precinct results file or from CVR exports
 * in any format the {@code cvrs} commands read, grouped by precinct (portion) or by tabulator
 * batch. Every batch that has a contest lists every choice of the contest (0 when it has no votes),
 * so a tally sheet and a hand count can name any choice. CVRs are streamed: nothing per card is
 * kept.
 */
public final class MachineCounts {
  private MachineCounts() {}

  /** How CVRs are grouped into counted units. */
  public enum Grouping {
    /** {@code county/precinct}: the CVR's precinct or precinct portion. */
    PRECINCT,
    /** {@code county/tabulator/batch}: the tabulator batch the card is stored in. */
    BATCH
  }

  /** The counts, their contests, where they came from, and every problem found. */
  public record Loaded(
      List<Batch> batches,
      List<TallyContest> contests,
      TallyState.Source source,
      List<ImportProblem> problems) {
    public Loaded {
      batches = List.copyOf(batches);
      contests = List.copyOf(contests);
      problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
      return problems.stream().anyMatch(ImportProblem::isError);
    }
  }

  /** From a precinct results CSV ({@code [county,]precinct,cards,contest,choice,votes}). */
  public static Loaded fromResults(Path file, Map<String, Integer> voteFor) throws IOException {
    PrecinctResultsParser.Result r = PrecinctResultsParser.parse(file);
    List<HashedFile> hashed = HashedFile.of(List.of(file));
    Map<String, Set<String>> choices = new LinkedHashMap<>();
    for (Batch b : r.batches()) {
      b.votes()
          .forEach(
              (c, v) -> choices.computeIfAbsent(c, k -> new LinkedHashSet<>()).addAll(v.keySet()));
    }
    return complete(
        r.batches(),
        choices,
        Map.of(),
        voteFor,
        new TallyState.Source("precinct results " + file.getFileName(), hashed),
        new ArrayList<>(r.problems()));
  }

  /** From CVR exports, grouped as asked. */
  public static Loaded fromCvrs(
      List<Path> paths, String format, String county, Grouping by, Map<String, Integer> voteFor)
      throws IOException {
    Counter counter = new Counter(by);
    CvrImportResult r = CvrFormats.forName(format, paths, county).read(paths, counter);
    List<ImportProblem> problems = new ArrayList<>(r.problems());
    Map<String, Set<String>> choices = new LinkedHashMap<>();
    Map<String, Integer> defined = new LinkedHashMap<>();
    Set<String> ranked = new HashSet<>();
    for (ContestDefinition d : r.contests()) {
      if (d.isRanked()) {
        ranked.add(d.name());
        problems.add(
            ImportProblem.warning(
                paths.get(0).getFileName().toString(),
                0,
                "",
                "ranked-choice contest '" + d.name() + "' is left out",
                "Audit ranked-choice contests with a ballot-level audit."));
        continue;
      }
      choices.computeIfAbsent(d.name(), k -> new LinkedHashSet<>()).addAll(d.choices());
      defined.put(d.name(), d.voteFor());
    }
    if (counter.withoutPrecinct > 0) {
      problems.add(
          ImportProblem.error(
              paths.get(0).getFileName().toString(),
              0,
              "precinct",
              counter.withoutPrecinct + " card(s) name no precinct, so they are in no precinct",
              "Group by tabulator batch (--by batch), or export the CVRs with precinct portions."));
    }
    List<Batch> batches = new ArrayList<>();
    for (Map.Entry<String, long[]> e : counter.cards.entrySet()) {
      Map<String, Map<String, Long>> votes = new LinkedHashMap<>();
      counter
          .votes
          .get(e.getKey())
          .forEach(
              (c, v) -> {
                if (!ranked.contains(c)) {
                  votes.put(c, v);
                  choices.computeIfAbsent(c, k -> new LinkedHashSet<>()).addAll(v.keySet());
                }
              });
      batches.add(new Batch(e.getKey(), e.getValue()[0], votes));
    }
    String what =
        r.format() + " CVRs grouped by " + (by == Grouping.BATCH ? "tabulator batch" : "precinct");
    return complete(
        batches,
        choices,
        defined,
        voteFor,
        new TallyState.Source(what, HashedFile.of(paths)),
        problems);
  }

  /** Adds every choice to every batch with the contest, and the contests' vote-for. */
  private static Loaded complete(
      List<Batch> batches,
      Map<String, Set<String>> choices,
      Map<String, Integer> defined,
      Map<String, Integer> voteFor,
      TallyState.Source source,
      List<ImportProblem> problems) {
    for (String c : voteFor.keySet()) {
      if (!choices.containsKey(c)) {
        throw new IllegalArgumentException(
            "--vote-for names contest '"
                + c
                + "', which is not in the machine counts; the contests are "
                + choices.keySet());
      }
    }
    List<Batch> full = new ArrayList<>();
    for (Batch b : batches) {
      if (b.votes().isEmpty()) {
        problems.add(
            ImportProblem.warning(
                source.description(),
                0,
                "",
                "'" + b.id() + "' has " + b.cards() + " cards but no contest to tally; left out",
                ""));
        continue;
      }
      Map<String, Map<String, Long>> votes = new LinkedHashMap<>();
      b.votes()
          .forEach(
              (c, v) -> {
                Map<String, Long> all = new LinkedHashMap<>();
                choices.get(c).forEach(choice -> all.put(choice, v.getOrDefault(choice, 0L)));
                votes.put(c, all);
              });
      full.add(new Batch(b.id(), b.cards(), votes));
    }
    List<TallyContest> contests = new ArrayList<>();
    choices.forEach(
        (c, ch) ->
            contests.add(
                new TallyContest(
                    c, voteFor.getOrDefault(c, defined.getOrDefault(c, 1)), List.copyOf(ch))));
    return new Loaded(full, contests, source, problems);
  }

  /** Adds up the CVRs per precinct or batch as they stream past. */
  private static final class Counter implements Consumer<Cvr> {
    private final Grouping by;
    final Map<String, long[]> cards = new LinkedHashMap<>();
    final Map<String, Map<String, Map<String, Long>>> votes = new LinkedHashMap<>();
    long withoutPrecinct;

    Counter(Grouping by) {
      this.by = by;
    }

    @Override
    public void accept(Cvr cvr) {
      String key;
      if (by == Grouping.BATCH) {
        String prefix =
            CardId.prefix(
                cvr.location().county(), cvr.location().tabulator(), cvr.location().batch());
        key = prefix.substring(0, prefix.length() - 1);
      } else if (cvr.precinct().isBlank()) {
        withoutPrecinct++;
        return;
      } else {
        key = cvr.location().county() + "/" + cvr.precinct();
      }
      cards.computeIfAbsent(key, k -> new long[1])[0]++;
      Map<String, Map<String, Long>> v = votes.computeIfAbsent(key, k -> new LinkedHashMap<>());
      for (Map.Entry<String, ContestVote> e : cvr.contests().entrySet()) {
        Map<String, Long> c = v.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
        for (String choice : e.getValue().choices()) {
          c.merge(choice, 1L, Long::sum);
        }
      }
    }
  }
}
