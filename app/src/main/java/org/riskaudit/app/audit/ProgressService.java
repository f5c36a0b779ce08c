package org.riskaudit.app.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.card.Interpretation;
import org.riskaudit.core.sampling.CardId;
import org.riskaudit.store.InterpretationText;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;

/** Measures an audit's progress from the store: the risk after every recorded card. */
public final class ProgressService {
  private final Store store;

  public ProgressService(Store store) {
    this.store = store;
  }

  public AuditProgress progress(String auditId) {
    return progress(AuditLoader.load(store, auditId));
  }

  public AuditProgress progress(AuditSnapshot s) {
    Map<String, List<String>> streams = streams(s.draws());
    Measurements.CardFacts facts = facts(s);
    List<AuditProgress.ContestProgress> out = new ArrayList<>();
    for (AuditedContest c : s.contests()) {
      List<String> stream = streams.getOrDefault(c.name(), List.of());
      out.add(
          new AuditProgress.ContestProgress(
              Measurements.measure(c, stream, facts), stream.size(), c.spec().isTargeted()));
    }
    return new AuditProgress(s, out, counties(s));
  }

  /** Each contest's card ids in draw order. */
  public static Map<String, List<String>> streams(List<Rows.DrawRow> draws) {
    Map<String, TreeMap<Integer, String>> byContest = new TreeMap<>();
    for (Rows.DrawRow d : draws) {
      byContest.computeIfAbsent(d.contest(), k -> new TreeMap<>()).put(d.drawNo(), d.cardId());
    }
    Map<String, List<String>> out = new TreeMap<>();
    byContest.forEach((c, m) -> out.put(c, List.copyOf(m.values())));
    return out;
  }

  /** The CVRs of drawn cards in comparison counties, pools and latest interpretations. */
  Measurements.CardFacts facts(AuditSnapshot s) {
    return new Measurements.CardFacts(
        drawnCvrs(s), s.pools(), s.countyTypes(), mvrs(s.interpretations().values()));
  }

  /** The CVRs of the drawn cards of comparison counties, by card id (phantoms have none). */
  public Map<String, Cvr> drawnCvrs(AuditSnapshot s) {
    Set<CardLocation> wanted = new LinkedHashSet<>();
    for (Rows.DrawRow d : s.draws()) {
      CardLocation l = CardId.parse(d.cardId());
      if (s.countyType(l.county()) == AuditType.COMPARISON) {
        wanted.add(l);
      }
    }
    Map<String, Cvr> cvrs = new HashMap<>();
    store.cards().findAll(s.auditId(), wanted).forEach((l, c) -> cvrs.put(CardId.of(l), c));
    return cvrs;
  }

  public static Map<String, Interpretation> mvrs(Collection<Rows.InterpretationRow> rows) {
    Map<String, Interpretation> out = new HashMap<>();
    for (Rows.InterpretationRow r : rows) {
      out.put(r.cardId(), InterpretationText.decode(r.status(), r.votes()));
    }
    return out;
  }

  /** Per county: cards drawn and recorded over all rounds and in the current one, sign-offs. */
  public static Map<String, AuditProgress.CountyProgress> counties(AuditSnapshot s) {
    int round = s.state().round();
    Map<String, Set<String>> all = new TreeMap<>();
    Map<String, Set<String>> inRound = new TreeMap<>();
    for (Rows.DrawRow d : s.draws()) {
      String county = CardId.parse(d.cardId()).county();
      all.computeIfAbsent(county, k -> new TreeSet<>()).add(d.cardId());
      if (d.roundNo() == round) {
        inRound.computeIfAbsent(county, k -> new TreeSet<>()).add(d.cardId());
      }
    }
    Map<String, AuditProgress.CountyProgress> out = new TreeMap<>();
    for (String county : s.countyTypes().keySet()) {
      Set<String> cards = all.getOrDefault(county, Set.of());
      Set<String> roundCards = inRound.getOrDefault(county, Set.of());
      List<String> signed =
          s.signOffs().stream()
              .filter(o -> o.roundNo() == round && o.county().equals(county))
              .map(Rows.SignOffRow::person)
              .distinct()
              .toList();
      out.put(
          county,
          new AuditProgress.CountyProgress(
              cards.size(),
              (int) cards.stream().filter(s.interpretations()::containsKey).count(),
              roundCards.size(),
              (int) roundCards.stream().filter(s.interpretations()::containsKey).count(),
              signed));
    }
    return out;
  }
}
