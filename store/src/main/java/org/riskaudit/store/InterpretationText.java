package org.riskaudit.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Interpretation;

/**
 * How an audit board's {@link Interpretation} is stored in an {@code interpretation} row: the
 * status {@code read} or {@code not-found}, and for a read card the votes as readable,
 * self-contained text (interpretations are few and are published in the audit record, so no code
 * dictionary):
 *
 * <pre>
 * contest '=' ( '!' | '?' | choice ( '|' choice )* | nothing ) ( ';' contest '=' ... )*
 * </pre>
 *
 * {@code !} is an overvote, {@code ?} means the board could not agree, nothing after {@code =} is a
 * blank contest, and a contest that is not listed is not on the card. In names, {@code %}, {@code
 * =}, {@code |}, {@code ;}, {@code !} and {@code ?} are written as {@code %25}, {@code %3D}, {@code
 * %7C}, {@code %3B}, {@code %21} and {@code %3F}. Example: {@code Recall=No;Governor=?}.
 */
public final class InterpretationText {
  public static final String READ = "read";
  public static final String NOT_FOUND = "not-found";

  private InterpretationText() {}

  /** The row status of an interpretation. */
  public static String status(Interpretation i) {
    return i.notFound() ? NOT_FOUND : READ;
  }

  /** The row votes text of an interpretation ("" for a card not found). */
  public static String votes(Interpretation i) {
    List<String> parts = new ArrayList<>();
    i.contests().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              ContestVote v = e.getValue();
              String value =
                  v.overvote()
                      ? "!"
                      : String.join(
                          "|", v.choices().stream().map(InterpretationText::escape).toList());
              parts.add(escape(e.getKey()) + "=" + value);
            });
    i.noConsensus().stream().sorted().forEach(c -> parts.add(escape(c) + "=?"));
    return String.join(";", parts);
  }

  /** The interpretation a row holds; rejects an unknown status or malformed text, naming it. */
  public static Interpretation decode(String status, String votes) {
    if (NOT_FOUND.equals(status)) {
      return Interpretation.cardNotFound();
    }
    if (!READ.equals(status)) {
      throw new IllegalArgumentException(
          "interpretation status must be '"
              + READ
              + "' or '"
              + NOT_FOUND
              + "', got '"
              + status
              + "'");
    }
    Map<String, ContestVote> contests = new LinkedHashMap<>();
    Set<String> noConsensus = new HashSet<>();
    if (votes != null && !votes.isEmpty()) {
      for (String part : votes.split(";", -1)) {
        int eq = part.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(
              "interpretation text '" + votes + "' has a part without 'contest=': '" + part + "'");
        }
        String contest = unescape(part.substring(0, eq));
        String value = part.substring(eq + 1);
        if (value.equals("?")) {
          noConsensus.add(contest);
        } else if (value.equals("!")) {
          contests.put(contest, ContestVote.OVERVOTE);
        } else if (value.isEmpty()) {
          contests.put(contest, ContestVote.BLANK);
        } else {
          List<String> choices = new ArrayList<>();
          for (String c : value.split("\\|", -1)) {
            choices.add(unescape(c));
          }
          contests.put(contest, new ContestVote(choices, false));
        }
      }
    }
    return new Interpretation(false, contests, noConsensus);
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '%' -> b.append("%25");
        case '=' -> b.append("%3D");
        case '|' -> b.append("%7C");
        case ';' -> b.append("%3B");
        case '!' -> b.append("%21");
        case '?' -> b.append("%3F");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String unescape(String s) {
    return s.replace("%3D", "=")
        .replace("%7C", "|")
        .replace("%3B", ";")
        .replace("%21", "!")
        .replace("%3F", "?")
        .replace("%25", "%");
  }
}
