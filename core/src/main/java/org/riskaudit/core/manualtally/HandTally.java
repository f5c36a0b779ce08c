package org.riskaudit.core.manualtally;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.core.batch.BatchContest;
import org.riskaudit.core.batch.HandCount;

/**
 * Hand-count entry: adds up the tally sheets of each batch (several sheets per batch are allowed)
 * and checks them against the batch: no negative count, only contests on the batch's ballots and
 * choices the contest has, no choice above the batch's cards, and no contest above cards x
 * vote-for. Every problem is reported at once ({@link TallyProblem}).
 */
public final class HandTally {
  private HandTally() {}

  /**
   * The summed hand counts and every problem. When {@link #hasProblems()} the counts must not be
   * used; they are returned (without the rejected lines) so a screen can show them.
   */
  public record Entry(Map<String, HandCount> counts, List<TallyProblem> problems) {
    public Entry {
      counts = Map.copyOf(counts);
      problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
      return !problems.isEmpty();
    }
  }

  /**
   * @param batches the machine counts of the batches being tallied (their cards and contests)
   * @param contests every contest that appears in those batches, with its vote-for
   * @param lines the entered tally-sheet lines, in entry order
   */
  public static Entry enter(
      List<Batch> batches, List<BatchContest> contests, List<TallyLine> lines) {
    Map<String, Batch> byId = new LinkedHashMap<>();
    batches.forEach(b -> byId.put(b.id(), b));
    Map<String, Integer> voteFor = new HashMap<>();
    contests.forEach(c -> voteFor.put(c.name(), c.voteFor()));
    Map<String, Set<String>> choices = new HashMap<>();
    for (Batch b : batches) {
      b.votes()
          .forEach(
              (c, v) -> choices.computeIfAbsent(c, k -> new LinkedHashSet<>()).addAll(v.keySet()));
    }
    for (String c : choices.keySet()) {
      if (!voteFor.containsKey(c)) {
        throw new IllegalArgumentException(
            "contest '" + c + "' is in the batches but has no vote-for; list every contest");
      }
    }
    List<TallyProblem> problems = new ArrayList<>();
    Map<String, Long> firstRow = new HashMap<>();
    Map<String, Map<String, Map<String, Long>>> sums = new LinkedHashMap<>();
    Map<String, Set<String>> sheets = new HashMap<>();
    for (TallyLine l : lines) {
      Batch b = byId.get(l.batch());
      if (b == null) {
        problems.add(new TallyProblem.UnknownBatch(l));
        continue;
      }
      if (!b.hasContest(l.contest())) {
        problems.add(new TallyProblem.ContestNotInBatch(l, List.copyOf(b.votes().keySet())));
        continue;
      }
      Set<String> known = choices.get(l.contest());
      if (!known.contains(l.choice())) {
        problems.add(new TallyProblem.UnknownChoice(l, List.copyOf(known)));
        continue;
      }
      if (l.votes() < 0) {
        problems.add(new TallyProblem.NegativeCount(l));
        continue;
      }
      String key = String.join("\u0000", l.batch(), l.contest(), l.choice(), l.sheet());
      Long first = firstRow.putIfAbsent(key, l.row());
      if (first != null) {
        problems.add(new TallyProblem.DuplicateLine(l, first));
        continue;
      }
      sums.computeIfAbsent(l.batch(), k -> new LinkedHashMap<>())
          .computeIfAbsent(l.contest(), k -> new LinkedHashMap<>())
          .merge(l.choice(), l.votes(), Long::sum);
      if (!l.sheet().isEmpty()) {
        String choiceKey = String.join("\u0000", l.batch(), l.contest(), l.choice());
        sheets.computeIfAbsent(choiceKey, k -> new LinkedHashSet<>()).add(l.sheet());
      }
    }
    Map<String, HandCount> counts = new LinkedHashMap<>();
    sums.forEach(
        (batch, byContest) -> {
          Batch b = byId.get(batch);
          byContest.forEach(
              (contest, byChoice) -> {
                long total = 0;
                for (Map.Entry<String, Long> e : byChoice.entrySet()) {
                  total += e.getValue();
                  if (e.getValue() > b.cards()) {
                    String choiceKey = String.join("\u0000", batch, contest, e.getKey());
                    problems.add(
                        new TallyProblem.ChoiceAboveCards(
                            batch,
                            contest,
                            e.getKey(),
                            e.getValue(),
                            b.cards(),
                            List.copyOf(sheets.getOrDefault(choiceKey, Set.of()))));
                  }
                }
                int k = voteFor.get(contest);
                if (total > Math.multiplyExact(b.cards(), k)) {
                  problems.add(
                      new TallyProblem.TotalAboveCards(batch, contest, total, b.cards(), k));
                }
              });
          counts.put(batch, new HandCount(batch, byContest));
        });
    return new Entry(counts, problems);
  }
}
