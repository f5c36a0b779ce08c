package org.riskaudit.formats.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The true votes per choice in one county for the generated contest (before scaling).
 *
 * @param county county name (never blank)
 * @param votes votes per choice, in the order of the election's choices
 */
public record CountyTotals(String county, long[] votes) {
  public CountyTotals {
    Objects.requireNonNull(county, "county");
    if (county.isBlank()) {
      throw new IllegalArgumentException("county name must not be blank");
    }
    votes = votes.clone();
    for (long v : votes) {
      if (v < 0) {
        throw new IllegalArgumentException(
            "votes in county '" + county + "' must not be negative, got " + v);
      }
    }
  }

  /** The generated election's contest: a name, its choices and per-county totals. */
  public record Election(String contest, List<String> choices, List<CountyTotals> counties) {
    public Election {
      choices = List.copyOf(choices);
      counties = List.copyOf(counties);
      if (choices.size() < 2) {
        throw new IllegalArgumentException("a contest needs at least 2 choices, got " + choices);
      }
      for (CountyTotals c : counties) {
        if (c.votes().length != choices.size()) {
          throw new IllegalArgumentException(
              "county '"
                  + c.county()
                  + "' has "
                  + c.votes().length
                  + " vote counts for "
                  + choices.size()
                  + " choices");
        }
      }
    }

    /** Index of the choice with most votes over all counties (the reported winner). */
    public int winner() {
      long[] t = totals();
      int w = 0;
      for (int i = 1; i < t.length; i++) {
        if (t[i] > t[w]) {
          w = i;
        }
      }
      return w;
    }

    /** Index of the runner-up. */
    public int loser() {
      long[] t = totals();
      int w = winner();
      int l = w == 0 ? 1 : 0;
      for (int i = 0; i < t.length; i++) {
        if (i != w && t[i] > t[l]) {
          l = i;
        }
      }
      return l;
    }

    long[] totals() {
      long[] t = new long[choices.size()];
      for (CountyTotals c : counties) {
        for (int i = 0; i < t.length; i++) {
          t[i] += c.votes()[i];
        }
      }
      return t;
    }
  }

  /**
   * Reads {@code county,<choice>,<choice>...} (for example the recall's {@code county,yes,no,...});
   * columns whose name contains "total", "plus", "pct" or "percent" are ignored. Choice names are
   * the column names with the first letter capitalised.
   */
  public static Election readCsv(Path file, String contest) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(
          file + " is empty; expected a header 'county,<choice>,...'");
    }
    String[] header = lines.get(0).replace("\uFEFF", "").split(",", -1);
    List<Integer> cols = new ArrayList<>();
    List<String> choices = new ArrayList<>();
    for (int i = 1; i < header.length; i++) {
      String h = header[i].trim().toLowerCase(Locale.ROOT);
      if (h.isEmpty()
          || h.contains("total")
          || h.contains("plus")
          || h.contains("pct")
          || h.contains("percent")) {
        continue;
      }
      cols.add(i);
      String n = header[i].trim();
      choices.add(Character.toUpperCase(n.charAt(0)) + n.substring(1));
    }
    List<CountyTotals> counties = new ArrayList<>();
    for (int r = 1; r < lines.size(); r++) {
      if (lines.get(r).isBlank()) {
        continue;
      }
      String[] f = lines.get(r).split(",", -1);
      long[] v = new long[cols.size()];
      for (int k = 0; k < v.length; k++) {
        String cell = cols.get(k) < f.length ? f[cols.get(k)].trim().replace("\"", "") : "";
        try {
          v[k] = Long.parseLong(cell);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              file
                  + " line "
                  + (r + 1)
                  + ": column '"
                  + header[cols.get(k)]
                  + "' must be a whole number of votes, got '"
                  + cell
                  + "'");
        }
      }
      counties.add(new CountyTotals(f[0].trim(), v));
    }
    return new Election(contest, choices, counties);
  }

  /**
   * {@code n} synthetic counties "County 1".."County n" sharing {@code cards} cards, Yes 45 % / No
   * 55 %.
   */
  public static Election synthetic(long cards, int n, String contest) {
    List<CountyTotals> counties = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long share = cards / n + (i < cards % n ? 1 : 0);
      long yes = share * 45 / 100;
      counties.add(new CountyTotals("County " + (i + 1), new long[] {yes, share - yes}));
    }
    return new Election(contest, List.of("Yes", "No"), counties);
  }
}
