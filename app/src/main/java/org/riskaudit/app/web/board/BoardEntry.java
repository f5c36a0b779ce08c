package org.riskaudit.app.web.board;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.riskaudit.app.web.Html;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Interpretation;

/**
 * An audit board's entry for one card, as the card form sends it: field {@code notfound=1} for a
 * card that could not be found, otherwise per contest (field {@code c0}, {@code c1}, ... in the
 * order of the contests shown) the marked choices as {@code =Choice}, or exactly one of {@code
 * blank}, {@code noagree} (the board cannot agree) or {@code absent} (the contest is not on this
 * card). More marks than the contest allows are an overvote.
 */
final class BoardEntry {
  static final String BLANK = "blank";
  static final String NO_AGREE = "noagree";
  static final String ABSENT = "absent";

  /** The parsed entry, or the problems to fix (each naming the contest). */
  record Parsed(Interpretation mvr, List<String> problems) {}

  private BoardEntry() {}

  static String field(int contest) {
    return "c" + contest;
  }

  static Parsed parse(
      Map<String, List<String>> form, List<AuditedContest> contests, Map<String, Integer> voteFor) {
    if (form.getOrDefault("notfound", List.of()).contains("1")) {
      return new Parsed(Interpretation.cardNotFound(), List.of());
    }
    Map<String, ContestVote> votes = new LinkedHashMap<>();
    Set<String> noConsensus = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < contests.size(); i++) {
      AuditedContest c = contests.get(i);
      List<String> values = form.getOrDefault(field(i), List.of());
      List<String> choices = new ArrayList<>();
      Set<String> special = new HashSet<>();
      Set<String> allowed = c.reported().votes().keySet();
      boolean unknown = false;
      for (String v : values) {
        if (v.startsWith("=") && allowed.contains(v.substring(1))) {
          if (!choices.contains(v.substring(1))) {
            choices.add(v.substring(1));
          }
        } else if (v.equals(BLANK) || v.equals(NO_AGREE) || v.equals(ABSENT)) {
          special.add(v);
        } else {
          unknown = true;
        }
      }
      if (unknown) {
        problems.add(
            "'" + c.name() + "': an answer is not one of this contest's choices; choose again.");
      } else if (choices.isEmpty() && special.isEmpty()) {
        problems.add(
            "'"
                + c.name()
                + "': choose what is marked, or Blank, Cannot agree, or Not on this card.");
      } else if (special.size() + (choices.isEmpty() ? 0 : 1) > 1) {
        problems.add(
            "'"
                + c.name()
                + "': choose either the marked choices or one of Blank, Cannot agree, Not on"
                + " this card; not several.");
      } else if (special.contains(NO_AGREE)) {
        noConsensus.add(c.name());
      } else if (special.contains(BLANK)) {
        votes.put(c.name(), ContestVote.BLANK);
      } else if (special.contains(ABSENT)) {
        // a contest that is not on the card is not listed in the interpretation
      } else if (choices.size() > Math.max(1, voteFor.getOrDefault(c.name(), c.spec().winners()))) {
        votes.put(c.name(), ContestVote.OVERVOTE);
      } else {
        votes.put(c.name(), new ContestVote(choices, false));
      }
    }
    return problems.isEmpty()
        ? new Parsed(new Interpretation(false, votes, noConsensus), List.of())
        : new Parsed(null, problems);
  }

  /** The entry as a review list (HTML): one item per contest of the card. */
  static String review(Interpretation mvr, List<AuditedContest> contests) {
    StringBuilder b = new StringBuilder("<dl class=\"review\">");
    if (mvr.notFound()) {
      b.append("<dt>Card</dt><dd><strong>Not found</strong></dd>");
    } else {
      for (AuditedContest c : contests) {
        b.append("<dt>").append(Html.esc(c.name())).append("</dt><dd>");
        ContestVote v = mvr.contests().get(c.name());
        if (mvr.noConsensus().contains(c.name())) {
          b.append("<strong>Cannot agree</strong>");
        } else if (v == null) {
          b.append("Not on this card");
        } else if (v.overvote()) {
          b.append("<strong>Overvote</strong>: more choices marked than the contest allows");
        } else if (v.isBlank()) {
          b.append("Blank (no mark)");
        } else {
          b.append(String.join(", ", v.choices().stream().map(Html::esc).toList()));
        }
        b.append("</dd>");
      }
    }
    return b.append("</dl>").toString();
  }

  /** The entry's form fields again, hidden (the review page's forms carry them). */
  static String hidden(Map<String, List<String>> form, int contests) {
    StringBuilder b = new StringBuilder();
    List<String> names = new ArrayList<>(List.of("notfound"));
    for (int i = 0; i < contests; i++) {
      names.add(field(i));
    }
    for (String n : names) {
      for (String v : form.getOrDefault(n, List.of())) {
        b.append("<input type=\"hidden\" name=\"")
            .append(Html.esc(n))
            .append("\" value=\"")
            .append(Html.esc(v))
            .append("\">");
      }
    }
    return b.toString();
  }
}
