package org.riskaudit.formats.generate;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to generate: scale applied to the county totals, seed, discrepancies and outputs.
 *
 * @param scale fraction of the true totals to generate (1 = full size), in (0, 1000]
 * @param seed seed of every random choice; the same options give the same bytes
 * @param errorRate fraction of cards whose CVR (and the reported results) differ from the paper
 * @param attack county -> fraction of the paper's winner votes recorded for the runner-up
 * @param missingRate fraction of cards with no CVR (still in the ballot manifest and the paper)
 * @param blankRate fraction of cards with no vote in the contest
 * @param batchSize cards per batch
 * @param zip write each county's Dominion JSON export as one zip
 * @param defaultFormats the exports of every county not in {@code countyFormats}
 * @param countyFormats county -> its exports, instead of the default ones
 */
public record GeneratorOptions(
    double scale,
    long seed,
    double errorRate,
    Map<String, Double> attack,
    double missingRate,
    double blankRate,
    int batchSize,
    boolean zip,
    Set<OutputFormat> defaultFormats,
    Map<String, Set<OutputFormat>> countyFormats) {

  /**
   * Every county in Dominion formats.
   *
   * @param json write Dominion JSON
   * @param csv write Dominion CSV
   */
  public GeneratorOptions(
      double scale,
      long seed,
      double errorRate,
      Map<String, Double> attack,
      double missingRate,
      double blankRate,
      int batchSize,
      boolean json,
      boolean zip,
      boolean csv) {
    this(
        scale,
        seed,
        errorRate,
        attack,
        missingRate,
        blankRate,
        batchSize,
        zip,
        dominion(json, csv),
        Map.of());
  }

  public GeneratorOptions {
    attack = Map.copyOf(Objects.requireNonNull(attack, "attack"));
    defaultFormats = formatSet("the default formats", defaultFormats);
    Map<String, Set<OutputFormat>> byCounty = new LinkedHashMap<>();
    Objects.requireNonNull(countyFormats, "countyFormats")
        .forEach((c, f) -> byCounty.put(c, formatSet("the formats of " + c, f)));
    countyFormats = Collections.unmodifiableMap(byCounty);
    if (!(scale > 0 && scale <= 1000)) {
      throw new IllegalArgumentException("scale must be in (0, 1000], got " + scale);
    }
    rate("error rate", errorRate);
    rate("missing rate", missingRate);
    rate("blank rate", blankRate);
    attack.forEach((c, s) -> rate("attack shift for " + c, s));
    if (batchSize < 1 || batchSize > 100_000) {
      throw new IllegalArgumentException("batch size must be in 1..100000, got " + batchSize);
    }
  }

  private static Set<OutputFormat> dominion(boolean json, boolean csv) {
    if (!json && !csv) {
      throw new IllegalArgumentException("choose at least one output format (json, csv)");
    }
    EnumSet<OutputFormat> s = EnumSet.noneOf(OutputFormat.class);
    if (json) {
      s.add(OutputFormat.DOMINION_JSON);
    }
    if (csv) {
      s.add(OutputFormat.DOMINION_CSV);
    }
    return s;
  }

  private static Set<OutputFormat> formatSet(String what, Set<OutputFormat> formats) {
    Objects.requireNonNull(formats, what);
    if (formats.isEmpty()) {
      throw new IllegalArgumentException(what + " are empty: choose at least one output format");
    }
    if (formats.contains(OutputFormat.BATCH_TOTALS) && formats.size() > 1) {
      throw new IllegalArgumentException(
          what + " combine batch-totals with CVR exports; a county with batch totals has no CVRs");
    }
    return Collections.unmodifiableSet(EnumSet.copyOf(formats));
  }

  private static void rate(String what, double r) {
    if (!(r >= 0 && r <= 1)) {
      throw new IllegalArgumentException(what + " must be a fraction in [0, 1], got " + r);
    }
  }

  /**
   * True when the paper differs from the CVRs, some CVRs are missing, or some counties have no
   * Dominion CSV to read the paper from, so a paper file is needed.
   */
  public boolean needsPaper() {
    return errorRate > 0
        || missingRate > 0
        || attack.values().stream().anyMatch(s -> s > 0)
        || !defaultFormats.contains(OutputFormat.DOMINION_CSV)
        || countyFormats.values().stream().anyMatch(f -> !f.contains(OutputFormat.DOMINION_CSV));
  }

  /** The same options with one export format for each of these counties. */
  public GeneratorOptions withCountyFormats(Map<String, OutputFormat> formats) {
    Map<String, Set<OutputFormat>> m = new LinkedHashMap<>();
    formats.forEach((c, f) -> m.put(c, EnumSet.of(f)));
    return withFormats(defaultFormats, m);
  }

  /** The same options with these default exports and these counties' exports. */
  public GeneratorOptions withFormats(
      Set<OutputFormat> defaults, Map<String, Set<OutputFormat>> counties) {
    return new GeneratorOptions(
        scale, seed, errorRate, attack, missingRate, blankRate, batchSize, zip, defaults, counties);
  }

  /** The county's exports. */
  public Set<OutputFormat> formats(String county) {
    return countyFormats.getOrDefault(county, defaultFormats);
  }
}
