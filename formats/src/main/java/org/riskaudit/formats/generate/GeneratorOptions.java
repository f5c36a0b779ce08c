package org.riskaudit.formats.generate;

import java.util.Map;
import java.util.Objects;

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
 * @param json write Dominion JSON; {@code zip} as one zip per county
 * @param csv write Dominion CSV
 * @param countyFormats county -> its export format when not Dominion (json/csv above)
 */
public record GeneratorOptions(
    double scale,
    long seed,
    double errorRate,
    Map<String, Double> attack,
    double missingRate,
    double blankRate,
    int batchSize,
    boolean json,
    boolean zip,
    boolean csv,
    Map<String, CountyFormat> countyFormats) {

  /** Every county in Dominion formats. */
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
        json,
        zip,
        csv,
        Map.of());
  }

  public GeneratorOptions {
    attack = Map.copyOf(Objects.requireNonNull(attack, "attack"));
    countyFormats = Map.copyOf(Objects.requireNonNull(countyFormats, "countyFormats"));
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
    if (!json && !csv) {
      throw new IllegalArgumentException("choose at least one output format (json, csv)");
    }
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
        || countyFormats.values().stream().anyMatch(f -> !f.writesCsv(csv));
  }

  /** The same options with these counties' export formats. */
  public GeneratorOptions withCountyFormats(Map<String, CountyFormat> formats) {
    return new GeneratorOptions(
        scale, seed, errorRate, attack, missingRate, blankRate, batchSize, json, zip, csv, formats);
  }

  /** The county's export format. */
  public CountyFormat format(String county) {
    return countyFormats.getOrDefault(county, CountyFormat.DOMINION);
  }
}
