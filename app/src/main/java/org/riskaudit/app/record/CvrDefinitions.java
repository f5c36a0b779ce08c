package org.riskaudit.app.record;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;

/** The contest definitions of the published CVRs: every contest and choice they hold. */
record CvrDefinitions(List<ContestDefinition> contests) {
  static final Comparator<Cvr> LOCATION_ORDER =
      Comparator.comparing((Cvr c) -> c.location().county())
          .thenComparing(c -> c.location().tabulator())
          .thenComparing(c -> c.location().batch())
          .thenComparingInt(c -> c.location().position());

  /** From the committed tallies, the imports' definitions, and the cards to be written. */
  static CvrDefinitions of(Store store, AuditSnapshot s, Iterable<Cvr> cards) {
    Map<String, Set<String>> choices = new TreeMap<>();
    for (Rows.TallyRow t : s.tallies()) {
      choices.computeIfAbsent(t.contest(), k -> new LinkedHashSet<>()).add(t.choice());
    }
    Map<String, Integer> maxMarked = new TreeMap<>();
    for (Cvr c : cards) {
      for (Map.Entry<String, ContestVote> e : c.contests().entrySet()) {
        choices
            .computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>())
            .addAll(e.getValue().choices());
        maxMarked.merge(e.getKey(), e.getValue().choices().size(), Math::max);
      }
    }
    Map<String, Rows.ContestDefinitionRow> defs = new TreeMap<>();
    store.inputs().definitions(s.auditId()).forEach(d -> defs.put(d.contest(), d));
    List<ContestDefinition> out = new ArrayList<>();
    choices.forEach(
        (contest, names) -> {
          Rows.ContestDefinitionRow d = defs.get(contest);
          int voteFor = d != null ? d.voteFor() : Math.max(1, maxMarked.getOrDefault(contest, 1));
          out.add(
              new ContestDefinition(
                  contest, voteFor, List.copyOf(names), d != null ? d.ranks() : 0));
        });
    return new CvrDefinitions(out);
  }
}
