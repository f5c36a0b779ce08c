package org.riskaudit.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Parses {@code --tally "Yes=4894473,No=7944092"}. */
final class Tallies {
  private Tallies() {}

  static Map<String, Long> parse(CommandLine cl, String text) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank()) {
        throw new ParameterException(
            cl, "--tally must look like \"Yes=4894473,No=7944092\", got '" + part + "'");
      }
      try {
        long v = Long.parseLong(kv[1].strip().replace("_", ""));
        if (v < 0) {
          throw new ParameterException(
              cl, "--tally: votes for '" + kv[0].strip() + "' must be >= 0, got " + v);
        }
        out.put(kv[0].strip(), v);
      } catch (NumberFormatException e) {
        throw new ParameterException(
            cl, "--tally: votes for '" + kv[0].strip() + "' are not a whole number: " + kv[1]);
      }
    }
    if (out.size() < 2) {
      throw new ParameterException(
          cl, "--tally needs at least two choices (a winner and a loser), got " + out.keySet());
    }
    return out;
  }
}
