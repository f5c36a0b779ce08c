package org.riskaudit.core.sampling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.manifest.ManifestBatch;

/**
 * Draws audit samples over the ballot-manifest universe (never the CVR list): every position
 * 1..cards of every manifest batch is a card, identified by its {@link CardId}, whether or not a
 * CVR exists for it (a position without CVR is a phantom and is drawn like any other card).
 *
 * <p>Every contest's sample is a prefix of one global ticket order restricted to the contest's
 * population (consistent sampling, Rivest 2018), so a card drawn for several contests is the same
 * physical card and an escalation only extends each stream. Card-style restriction is a population
 * predicate: the cards whose CVR holds the contest, plus every phantom.
 */
public final class SampleSelector {
  /** The population of every manifest card (lets selection skip the per-card test). */
  public static final Predicate<CardLocation> ALL_CARDS = l -> true;

  /** Extra candidates kept so that a tie in the 18-digit key cannot change the order. */
  private static final int TIE_MARGIN = 16;

  private final String seed;
  private final BallotManifest manifest;

  public SampleSelector(String seed, BallotManifest manifest) {
    this.seed = Objects.requireNonNull(seed, "seed");
    this.manifest = Objects.requireNonNull(manifest, "manifest");
  }

  private record Candidate(long key, CardLocation location, String id) {}

  /**
   * The draws number {@code already + 1 .. already + more} of the contest whose population is the
   * manifest cards accepted by {@code inPopulation}.
   */
  public List<Draw> draw(
      Predicate<CardLocation> inPopulation, int already, int more, boolean withReplacement) {
    if (already < 0 || more < 0) {
      throw new IllegalArgumentException(
          "draw counts must be >= 0, got already=" + already + " more=" + more);
    }
    int total = already + more;
    List<Candidate> smallest = smallestFirstTickets(inPopulation, total + TIE_MARGIN);
    if (!withReplacement && total > smallest.size()) {
      throw new IllegalArgumentException(
          "cannot draw "
              + total
              + " cards without replacement from a population of "
              + smallest.size());
    }
    ConsistentSampler sampler = new ConsistentSampler(seed);
    PriorityQueue<Ticket> heap = new PriorityQueue<>();
    java.util.Map<String, CardLocation> where = new java.util.HashMap<>();
    for (Candidate c : smallest) {
      heap.add(sampler.firstTicket(c.id));
      where.put(c.id, c.location);
    }
    checkNoBoundaryTie(smallest, total);
    List<Draw> out = new ArrayList<>(more);
    for (int n = 1; n <= total && !heap.isEmpty(); n++) {
      Ticket t = heap.poll();
      if (withReplacement) {
        heap.add(ConsistentSampler.nextTicket(t));
      }
      if (n > already) {
        out.add(new Draw(n, where.get(t.id()), t));
      }
    }
    return out;
  }

  /** The population size of a contest: manifest cards accepted by the predicate. */
  public long populationSize(Predicate<CardLocation> inPopulation) {
    long n = 0;
    for (ManifestBatch b : manifest.batches()) {
      for (int p = 1; p <= b.cards(); p++) {
        if (inPopulation.test(location(b, p))) {
          n++;
        }
      }
    }
    return n;
  }

  private List<Candidate> smallestFirstTickets(Predicate<CardLocation> inPopulation, int keep) {
    List<ManifestBatch> batches = manifest.batches();
    int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), batches.size()));
    Comparator<Candidate> byKey =
        Comparator.comparingLong(Candidate::key).thenComparing(Candidate::id);
    // Split the batches into parts of about equal numbers of cards (batches vary a lot in size).
    int[] bounds = new int[parts + 1];
    long total = manifest.totalCards();
    long running = 0;
    int part = 1;
    for (int i = 0; i < batches.size() && part < parts; i++) {
      running += batches.get(i).cards();
      if (running >= total * part / parts) {
        bounds[part++] = i + 1;
      }
    }
    for (; part <= parts; part++) {
      bounds[part] = batches.size();
    }
    List<Candidate> merged =
        java.util.stream.IntStream.range(0, parts)
            .parallel()
            .mapToObj(
                k ->
                    smallestIn(
                        batches.subList(bounds[k], bounds[k + 1]), inPopulation, keep, byKey))
            .flatMap(List::stream)
            .sorted(byKey)
            .toList();
    return merged.size() > keep ? merged.subList(0, keep) : merged;
  }

  /** The {@code keep} smallest keys of some batches (one digest per thread). */
  private List<Candidate> smallestIn(
      List<ManifestBatch> batches,
      Predicate<CardLocation> inPopulation,
      int keep,
      Comparator<Candidate> byKey) {
    TicketKey keys = new TicketKey(seed);
    PriorityQueue<Candidate> worstFirst = new PriorityQueue<>(byKey.reversed());
    boolean everyCard = inPopulation == ALL_CARDS;
    for (ManifestBatch b : batches) {
      byte[] prefix =
          CardId.prefix(b.county(), b.tabulator(), b.batch())
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      for (int p = 1; p <= b.cards(); p++) {
        if (!everyCard && !inPopulation.test(location(b, p))) {
          continue;
        }
        long key = keys.firstKey(prefix, p);
        if (worstFirst.size() < keep || key < worstFirst.peek().key) {
          CardLocation loc = location(b, p);
          Candidate c = new Candidate(key, loc, CardId.of(loc));
          if (worstFirst.size() >= keep) {
            if (byKey.compare(c, worstFirst.peek()) >= 0) {
              continue;
            }
            worstFirst.poll();
          }
          worstFirst.add(c);
        }
      }
    }
    return new ArrayList<>(worstFirst);
  }

  /** Refuses the (astronomically unlikely) case where keys tie across the whole safety margin. */
  private static void checkNoBoundaryTie(List<Candidate> sorted, int total) {
    if (sorted.size() > total
        && total > 0
        && sorted.size() == total + TIE_MARGIN
        && sorted.get(total - 1).key == sorted.get(sorted.size() - 1).key) {
      throw new IllegalStateException(
          "more than "
              + TIE_MARGIN
              + " cards share an 18-digit ticket prefix at draw "
              + total
              + "; the sample cannot be ordered safely with the fast key");
    }
  }

  private static CardLocation location(ManifestBatch b, int position) {
    return new CardLocation(b.county(), b.tabulator(), b.batch(), position);
  }

  /**
   * Colorado-compatible selection: Rivest's 2011 sampler with replacement over 1..N, N = the
   * manifest cards of {@code counties}, each number mapped to a card by walking the counties in the
   * order given and, within each, the manifest rows in file order, positions 1..cards in each row.
   */
  public List<Draw> drawColorado(List<String> counties, int already, int more) {
    List<ManifestBatch> rows = new ArrayList<>();
    for (String county : counties) {
      for (ManifestBatch b : manifest.batches()) {
        if (b.county().equals(county)) {
          rows.add(b);
        }
      }
    }
    long n = rows.stream().mapToLong(ManifestBatch::cards).sum();
    if (n == 0) {
      throw new IllegalArgumentException("the manifest has no cards for counties " + counties);
    }
    List<Long> numbers = new Rivest2011Sampler(seed).draw(1, n, already + more, true, already);
    List<Draw> out = new ArrayList<>();
    int i = already;
    for (long k : numbers) {
      i++;
      long left = k;
      for (ManifestBatch b : rows) {
        if (left <= b.cards()) {
          CardLocation loc = location(b, (int) left);
          out.add(new Draw(i, loc, new Ticket("0." + k, CardId.of(loc), 1)));
          break;
        }
        left -= b.cards();
      }
    }
    return out;
  }
}
