package org.riskaudit.core.batch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The batches of a batch-level comparison audit with MACRO's error bounds (Stark 2009, "Efficient
 * post-election audits of multiple contests: 2009 California tests", section 3): batch p's bound is
 * u_p = max over the audited contests and their winner-loser pairs of (v_wp - v_lp + b_p) / V_wl,
 * the largest share of a reported margin that an error in the batch could erase.
 *
 * <p>So that anyone can repeat the draw with integer arithmetic, each bound is written as a whole
 * number of millionths of a margin, rounded up: W_p = max ceil((v_wp - v_lp + b_p) * 10^6 / V_wl).
 * The audit then uses u_p = W_p / 10^6 throughout (PPS draw, taints, U). Rounding a bound up is
 * conservative: a larger bound only dilutes the evidence (Stark 2010 "Super-simple", section 3,
 * inflates every bound by gamma for the same reason), and the test is exact for the probabilities
 * actually used to draw.
 *
 * <p>Batches are kept in canonical order: ids compared by Unicode code point.
 */
public final class BatchPopulation {
  /** Error bounds are whole numbers of millionths of a margin. */
  public static final long SCALE = 1_000_000L;

  /** Orders ids by Unicode code point (not UTF-16 unit), so other languages can repeat it. */
  public static final Comparator<String> CODE_POINT_ORDER =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          int ca = a.codePointAt(i);
          int cb = b.codePointAt(j);
          if (ca != cb) {
            return Integer.compare(ca, cb);
          }
          i += Character.charCount(ca);
          j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
      };

  private final List<Batch> batches;
  private final List<ContestMargins> contests;
  private final Map<String, Integer> index = new HashMap<>();
  private final long[] weights;
  private final long totalWeight;

  /**
   * @param batches every batch of the contests (reported counts and cards); ids unique
   * @param contests the contests audited together (MACRO takes the maximum across them)
   */
  public BatchPopulation(Collection<Batch> batches, List<BatchContest> contests) {
    if (contests.isEmpty()) {
      throw new IllegalArgumentException("a batch audit needs at least one contest");
    }
    List<Batch> sorted = new ArrayList<>(batches);
    sorted.sort(Comparator.comparing(Batch::id, CODE_POINT_ORDER));
    this.batches = List.copyOf(sorted);
    for (int i = 0; i < sorted.size(); i++) {
      if (index.put(sorted.get(i).id(), i) != null) {
        throw new IllegalArgumentException(
            "batch '" + sorted.get(i).id() + "' is listed twice; every batch id must be unique");
      }
    }
    List<ContestMargins> margins = new ArrayList<>();
    for (BatchContest c : contests) {
      margins.add(ContestMargins.of(c, this.batches));
    }
    this.contests = List.copyOf(margins);
    weights = new long[sorted.size()];
    long total = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = weight(sorted.get(i));
      total = Math.addExact(total, weights[i]);
    }
    totalWeight = total;
  }

  private long weight(Batch b) {
    long w = 0;
    for (ContestMargins m : contests) {
      String c = m.contest().name();
      if (!b.hasContest(c)) {
        continue;
      }
      for (String win : m.winners()) {
        for (String lose : m.losers()) {
          long bound = b.votes(c, win) - b.votes(c, lose) + b.cards();
          w = Math.max(w, ceilDiv(Math.multiplyExact(bound, SCALE), m.margin(win, lose)));
        }
      }
    }
    return w;
  }

  static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /** The batches in canonical (code point) order. */
  public List<Batch> batches() {
    return batches;
  }

  public List<ContestMargins> contests() {
    return contests;
  }

  public Batch batch(String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException("batch '" + id + "' is not in this audit's batches");
    }
    return batches.get(i);
  }

  /** W_p, the batch's error bound in millionths of a margin (its number of PPS tickets). */
  public long weight(String id) {
    batch(id);
    return weights[index.get(id)];
  }

  /** W = sum of W_p, the number of PPS tickets. */
  public long totalWeight() {
    return totalWeight;
  }

  /** u_p = W_p / 10^6. */
  public double errorBound(String id) {
    return weight(id) / (double) SCALE;
  }

  /** U = W / 10^6; at least 1 / (smallest diluted margin). */
  public double totalErrorBound() {
    return totalWeight / (double) SCALE;
  }

  /** Weights in canonical order (for the draw). */
  long[] weights() {
    return weights.clone();
  }

  /** The null mean of 1 - taint under PPS: 1 - 1/U (the test's m). */
  public double nullMean() {
    return 1 - SCALE / (double) totalWeight;
  }

  /** MACRO e_p: the largest relative overstatement across the audited contests in the batch. */
  public double relativeOverstatement(HandCount hand) {
    Batch b = batch(hand.batchId());
    for (String c : hand.votes().keySet()) {
      if (!b.hasContest(c) && hand.votes().get(c).values().stream().anyMatch(n -> n > 0)) {
        throw new IllegalArgumentException(
            "the hand count of batch '"
                + b.id()
                + "' has votes in contest '"
                + c
                + "', which the batch's reported counts do not have; resolve the ballot-style"
                + " mismatch before measuring risk");
      }
    }
    double e = Double.NEGATIVE_INFINITY;
    for (ContestMargins m : contests) {
      if (b.hasContest(m.contest().name())) {
        e = Math.max(e, m.relativeOverstatement(b, hand));
      }
    }
    return e == Double.NEGATIVE_INFINITY ? 0 : e;
  }

  /** The taint t_p = e_p / u_p (at most 1); the batch must have a positive bound. */
  public double taint(HandCount hand) {
    long w = weight(hand.batchId());
    if (w == 0) {
      throw new IllegalArgumentException(
          "batch '" + hand.batchId() + "' has error bound 0 and is never drawn");
    }
    double t = relativeOverstatement(hand) * SCALE / w;
    if (t > 1 + 1e-9) {
      throw new IllegalArgumentException(
          "batch '"
              + hand.batchId()
              + "' shows an overstatement larger than its error bound (taint "
              + t
              + "); a hand count cannot exceed the batch's cards, so check the counts");
    }
    return Math.min(1.0, t);
  }

  /** The value the sequential tests consume for a drawn batch: x = 1 - taint, in [0, maxValue]. */
  public double value(HandCount hand) {
    return 1 - taint(hand);
  }

  /**
   * The largest value 1 - taint can take over batches with a positive bound: a batch's smallest
   * relative overstatement is max over pairs of (v_wp - v_lp - b_p) / V_wl (every card for l).
   */
  public double maxValue() {
    double max = 1;
    for (int i = 0; i < batches.size(); i++) {
      if (weights[i] == 0) {
        continue;
      }
      Batch b = batches.get(i);
      double lowest = Double.NEGATIVE_INFINITY;
      for (ContestMargins m : contests) {
        String c = m.contest().name();
        if (!b.hasContest(c)) {
          continue;
        }
        for (String w : m.winners()) {
          for (String l : m.losers()) {
            double low = (b.votes(c, w) - b.votes(c, l) - b.cards()) / (double) m.margin(w, l);
            lowest = Math.max(lowest, low);
          }
        }
      }
      max = Math.max(max, 1 - lowest * SCALE / weights[i]);
    }
    return max;
  }

  /**
   * The population with commingled batches audited as one: the named batches are replaced by {@link
   * Batch#merge} of them under {@code mergedId}, and bounds are recomputed.
   */
  public BatchPopulation merging(Set<String> ids, String mergedId) {
    List<Batch> parts = new ArrayList<>();
    Map<String, Batch> rest = new LinkedHashMap<>();
    batches.forEach(b -> rest.put(b.id(), b));
    for (String id : ids) {
      parts.add(batch(id));
      rest.remove(id);
    }
    if (rest.containsKey(mergedId)) {
      throw new IllegalArgumentException(
          "the merged batch's id '" + mergedId + "' is already used by another batch");
    }
    List<Batch> out = new ArrayList<>(rest.values());
    out.add(Batch.merge(mergedId, parts));
    return new BatchPopulation(out, contests.stream().map(ContestMargins::contest).toList());
  }
}
