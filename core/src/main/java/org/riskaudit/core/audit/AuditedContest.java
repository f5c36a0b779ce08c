package org.riskaudit.core.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.riskaudit.core.assertion.Assertion;
import org.riskaudit.core.assertion.Assertions;
import org.riskaudit.core.contest.Contest;

/**
 * A contest as the audit sees it once the inputs are committed: its definition, the counties that
 * hold it, the number of cards N in its population (from the ballot manifests of those counties,
 * never from the CVR count), the reported votes (the official outcome) and the votes the audit's
 * assertions are built on.
 *
 * <p>For a comparison audit the assertions' margins come from the CVRs plus the ONEAudit pools'
 * subtotals, with manifest positions without a CVR as phantoms: the comparison assorter's identity
 * "mean B > 1/2 iff mean A > 1/2" needs v computed from the same CVRs the sampled cards are
 * compared with (SHANGRLA 2020 section 3.2; ONEAudit eq. 4). For a polling audit they come from the
 * reported results.
 *
 * @param cvrVotes votes per choice over the CVRs and pools of the contest's counties (empty for a
 *     polling audit)
 */
public record AuditedContest(
    ContestSpec spec,
    Set<String> counties,
    long cards,
    Map<String, Long> reportedVotes,
    Map<String, Long> cvrVotes) {
  public AuditedContest {
    Objects.requireNonNull(spec, "spec");
    counties = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(counties));
    reportedVotes = Map.copyOf(reportedVotes);
    cvrVotes = Map.copyOf(cvrVotes);
    if (counties.isEmpty()) {
      throw new IllegalArgumentException(
          "contest '"
              + spec.name()
              + "' is in no county's reported results; check its name against the results file");
    }
    if (cards < 1) {
      throw new IllegalArgumentException(
          "contest '" + spec.name() + "' has no ballot cards in the manifests of its counties");
    }
  }

  public String name() {
    return spec.name();
  }

  /** The contest with the reported votes: its winners are the outcome being audited. */
  public Contest reported() {
    return contest(reportedVotes);
  }

  /** The contest whose assertions the audit tests (see the class comment). */
  public Contest audited() {
    return spec.type() == AuditType.POLLING ? reported() : contest(cvrVotes);
  }

  /**
   * The assertions; refuses when the CVRs (and pools) do not give the reported winners, because
   * then the comparison audit would test a different outcome than the one reported.
   */
  public List<Assertion> assertions() {
    Contest audited = audited();
    List<String> reportedWinners = reported().winners();
    if (!Set.copyOf(audited.winners()).equals(Set.copyOf(reportedWinners))) {
      throw new IllegalStateException(
          "contest '"
              + name()
              + "': the CVRs' tabulation gives winner(s) "
              + audited.winners()
              + " but the reported results give "
              + reportedWinners
              + "; the reported outcome cannot be audited against these CVRs. Reconcile the"
              + " CVRs with the reported results before committing.");
    }
    return Assertions.of(audited);
  }

  private Contest contest(Map<String, Long> votes) {
    Map<String, Long> all = new LinkedHashMap<>();
    new TreeSet<>(reportedVotes.keySet()).forEach(c -> all.put(c, 0L));
    new TreeSet<>(cvrVotes.keySet()).forEach(c -> all.putIfAbsent(c, 0L));
    all.putAll(votes);
    return new Contest(spec.name(), spec.rule(), spec.winners(), spec.share(), all, cards);
  }
}
