package org.riskaudit.app.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.riskaudit.core.audit.AuditCommand;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.audit.ContestEstimate;
import org.riskaudit.core.audit.ContestMeasurement;
import org.riskaudit.core.audit.Outcome;
import org.riskaudit.core.audit.Pool;
import org.riskaudit.core.audit.RoundSizes;
import org.riskaudit.core.audit.SamplePlan;
import org.riskaudit.core.audit.Seed;
import org.riskaudit.core.sampling.Draw;
import org.riskaudit.core.sampling.SelectedCard;
import org.riskaudit.store.RoundDao;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;

/**
 * The seed, the rounds and their sizes (workflow brief, steps 3-6): a round draws, for each
 * targeted contest that has not met the risk limit, the recommended number of further draws on its
 * ticket stream (or the size the official chooses), and for each opportunistic contest the prefix
 * of its stream that the retrieved cards cover.
 */
public final class RoundService {
  private final Store store;
  private final String auditId;

  public RoundService(Store store, String auditId) {
    this.store = store;
    this.auditId = auditId;
  }

  /**
   * Which estimate a round's size follows: the total number of draws by which 50, 80 (the
   * recommendation) or 90 % of the simulated audits stopped.
   */
  public enum StopChance {
    P50,
    P80,
    P90;

    /** The contest's estimated total draws for this chance of stopping. */
    public int total(ContestEstimate e) {
      return switch (this) {
        case P50 -> e.p50();
        case P80 -> e.p80();
        case P90 -> e.p90();
      };
    }
  }

  public void seed(String digits, String actor) {
    Seed seed;
    try {
      seed = new Seed(digits.trim());
    } catch (IllegalArgumentException e) {
      throw new AuditFailure.Refused(e.getMessage());
    }
    refuseIfRefused(store.advance(auditId, new AuditCommand.SetSeed(seed), actor, ""));
  }

  /** The sizes the next round would draw (for review before drawing). */
  public List<ContestEstimate> estimates() {
    AuditSnapshot s = AuditLoader.load(store, auditId);
    return estimates(s, new ProgressService(store).progress(s));
  }

  List<ContestEstimate> estimates(AuditSnapshot s, AuditProgress p) {
    List<ContestEstimate> out = new ArrayList<>();
    for (AuditProgress.ContestProgress c : p.contests()) {
      if (!c.targeted() || c.met(s.alpha())) {
        continue;
      }
      AuditedContest contest = c.measurement().contest();
      List<Pool> contestPools = s.poolsIn(contest.counties());
      long pooled = contestPools.stream().mapToLong(Pool::cards).sum();
      ContestMeasurement m = c.measurement().draws() == 0 ? null : c.measurement();
      out.add(
          RoundSizes.estimate(contest, m, contestPools, contest.cards() - pooled, s.settings()));
    }
    return out;
  }

  /**
   * Draws the next round.
   *
   * @param additional draws to add per unmet targeted contest, or 0 for the recommended number
   */
  public RoundPlan draw(int additional, String actor) {
    return draw(StopChance.P80, additional, actor);
  }

  /**
   * Draws the next round, sized for {@code chance} of stopping in it.
   *
   * @param additional draws to add per unmet targeted contest, or 0 for the size {@code chance}
   *     gives
   */
  public RoundPlan draw(StopChance chance, int additional, String actor) {
    AuditSnapshot s = AuditLoader.load(store, auditId);
    AuditStage stage = s.state().stage();
    if (stage != AuditStage.SEEDED && stage != AuditStage.ROUND_ENDED) {
      refuseIfRefused(
          org.riskaudit.core.audit.Lifecycle.apply(
              s.state(), new AuditCommand.StartRound(Set.of())));
    }
    AuditProgress p = new ProgressService(store).progress(s);
    List<ContestEstimate> estimates = estimates(s, p);
    return drawRound(s, p, estimates, chance, additional, actor);
  }

  RoundPlan drawRound(
      AuditSnapshot s,
      AuditProgress p,
      List<ContestEstimate> estimates,
      StopChance chance,
      int additional,
      String actor) {
    if (estimates.isEmpty()) {
      throw new AuditFailure.Refused(
          "Every targeted contest has met the risk limit; there is nothing to draw.");
    }
    SamplePlan plan = new SamplePlan(s.state().seed().orElseThrow().digits(), s.manifest());
    Map<String, List<Draw>> byContest = new LinkedHashMap<>();
    Map<String, Integer> added = new TreeMap<>();
    for (ContestEstimate e : estimates) {
      AuditedContest c = contest(p, e.contest());
      int already = lastDrawNo(s, c.name());
      int more = additional > 0 ? additional : Math.max(1, chance.total(e) - already);
      byContest.put(c.name(), plan.draws(c.counties(), already, more));
      added.put(c.name(), more);
    }
    Set<String> retrieved = new HashSet<>();
    s.draws().forEach(d -> retrieved.add(d.cardId()));
    byContest.values().forEach(l -> l.forEach(d -> retrieved.add(d.cardId())));
    for (AuditProgress.ContestProgress c : p.contests()) {
      if (!c.targeted()) {
        AuditedContest contest = c.measurement().contest();
        List<Draw> prefix = plan.coveredPrefix(contest.counties(), retrieved);
        int already = lastDrawNo(s, contest.name());
        if (prefix.size() > already) {
          byContest.put(contest.name(), prefix.subList(already, prefix.size()));
          added.put(contest.name(), prefix.size() - already);
        }
      }
    }
    List<SelectedCard> cards = SelectedCard.union(byContest);
    Map<String, Integer> multiplicity = new TreeMap<>();
    cards.forEach(c -> multiplicity.put(c.cardId(), c.multiplicity()));
    Map<String, Integer> perCounty = new TreeMap<>();
    cards.stream()
        .filter(c -> !s.interpretations().containsKey(c.cardId()))
        .forEach(c -> perCounty.merge(c.location().county(), 1, Integer::sum));
    int round = s.state().round() + 1;
    Set<String> ids = new HashSet<>(multiplicity.keySet());
    String details =
        "round="
            + round
            + " draws="
            + added
            + " cards="
            + ids.size()
            + " sizes="
            + sizes(estimates);
    refuseIfRefused(
        store.advance(
            auditId,
            new AuditCommand.StartRound(ids),
            actor,
            details,
            h -> {
              RoundDao dao = h.attach(RoundDao.class);
              byContest.forEach(
                  (contest, draws) -> {
                    for (Draw d : draws) {
                      dao.insertDraw(
                          new Rows.DrawRow(
                              auditId,
                              round,
                              contest,
                              d.number(),
                              d.cardId(),
                              d.ticket().number(),
                              d.ticket().generation(),
                              multiplicity.get(d.cardId())));
                    }
                  });
            }));
    return new RoundPlan(round, estimates, added, perCounty);
  }

  private static String sizes(List<ContestEstimate> estimates) {
    StringBuilder b = new StringBuilder();
    for (ContestEstimate e : estimates) {
      b.append(b.length() == 0 ? "" : ",")
          .append(e.contest())
          .append(":p50=")
          .append(e.p50())
          .append("/p80=")
          .append(e.p80())
          .append("/p90=")
          .append(e.p90());
    }
    return b.toString();
  }

  private static AuditedContest contest(AuditProgress p, String name) {
    return p.contests().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow()
        .measurement()
        .contest();
  }

  private static int lastDrawNo(AuditSnapshot s, String contest) {
    int max = 0;
    for (Rows.DrawRow d : s.draws()) {
      if (d.contest().equals(contest)) {
        max = Math.max(max, d.drawNo());
      }
    }
    return max;
  }

  /** One person signs off the current round for a county (two distinct people per county). */
  public void signOff(String county, String person, String actor) {
    AuditSnapshot s = AuditLoader.load(store, auditId);
    if (!s.countyTypes().containsKey(county)) {
      throw new AuditFailure.NotFound(
          "No county '" + county + "' in this audit; it has " + s.countyTypes().keySet() + ".");
    }
    AuditProgress.CountyProgress c = ProgressService.counties(s).get(county);
    if (s.state().stage() == AuditStage.ROUND_IN_PROGRESS && c.roundRecorded() < c.roundCards()) {
      throw new AuditFailure.Refused(
          "Cannot sign off round "
              + s.state().round()
              + " for "
              + county
              + ": "
              + (c.roundCards() - c.roundRecorded())
              + " of its "
              + c.roundCards()
              + " cards are not recorded yet.");
    }
    refuseIfRefused(
        store.advance(
            auditId,
            new AuditCommand.SignOff(county, person),
            actor,
            "county=" + county + " person=" + person));
  }

  static void refuseIfRefused(Outcome o) {
    if (o instanceof Outcome.Refused r) {
      throw new AuditFailure.Refused(r.message());
    }
  }
}
