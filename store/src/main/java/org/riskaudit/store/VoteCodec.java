package org.riskaudit.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskaudit.core.card.ContestVote;

/**
 * The compact text encoding of a card's votes (docs/store.md). Contests and choices are replaced by
 * small integer codes from a per-audit dictionary (table vote_code); a card is
 *
 * <pre>
 * contest ':' [ '!' | choice (',' choice)* ] ( ';' contest ':' ... )*
 * </pre>
 *
 * with codes in decimal, choices in the card's order (rank order for ranked contests), {@code !}
 * for an overvote and nothing after the colon for a blank contest. Example: {@code 0:1;1:17}. Not
 * thread-safe: one codec per import.
 */
public final class VoteCodec {
  private final List<String> contests = new ArrayList<>();
  private final Map<String, Integer> contestCodes = new HashMap<>();
  private final List<List<String>> choices = new ArrayList<>();
  private final List<Map<String, Integer>> choiceCodes = new ArrayList<>();
  private final List<Entry> added = new ArrayList<>();

  /** One dictionary entry; choiceCode 0 names the contest. */
  public record Entry(int contestCode, int choiceCode, String name) {}

  /** A codec continuing an existing dictionary (entries in any order). */
  public static VoteCodec of(List<Entry> entries) {
    VoteCodec c = new VoteCodec();
    entries.stream()
        .sorted(
            (a, b) ->
                a.contestCode() != b.contestCode()
                    ? Integer.compare(a.contestCode(), b.contestCode())
                    : Integer.compare(a.choiceCode(), b.choiceCode()))
        .forEach(
            e -> {
              if (e.choiceCode() == 0) {
                c.addContest(e.name());
              } else {
                c.addChoice(e.contestCode(), e.name());
              }
            });
    c.added.clear();
    return c;
  }

  public String encode(Map<String, ContestVote> votes) {
    StringBuilder sb = new StringBuilder(16);
    for (Map.Entry<String, ContestVote> v : votes.entrySet()) {
      Integer code = contestCodes.get(v.getKey());
      int c = code == null ? addContest(v.getKey()) : code;
      if (sb.length() > 0) {
        sb.append(';');
      }
      sb.append(c).append(':');
      if (v.getValue().overvote()) {
        sb.append('!');
        continue;
      }
      boolean first = true;
      for (String choice : v.getValue().choices()) {
        Integer k = choiceCodes.get(c).get(choice);
        if (!first) {
          sb.append(',');
        }
        sb.append(k == null ? addChoice(c, choice) : k);
        first = false;
      }
    }
    return sb.toString();
  }

  public Map<String, ContestVote> decode(String encoded) {
    Map<String, ContestVote> votes = new LinkedHashMap<>();
    if (encoded.isEmpty()) {
      return votes;
    }
    for (String part : encoded.split(";")) {
      int colon = part.indexOf(':');
      int c = Integer.parseInt(part.substring(0, colon));
      String rest = part.substring(colon + 1);
      ContestVote vote;
      if (rest.equals("!")) {
        vote = ContestVote.OVERVOTE;
      } else if (rest.isEmpty()) {
        vote = ContestVote.BLANK;
      } else {
        List<String> names = new ArrayList<>();
        for (String k : rest.split(",")) {
          names.add(choices.get(c).get(Integer.parseInt(k) - 1));
        }
        vote = new ContestVote(names, false);
      }
      votes.put(contests.get(c), vote);
    }
    return votes;
  }

  /** Dictionary entries created since this codec was made, to be stored with the cards. */
  public List<Entry> newEntries() {
    return List.copyOf(added);
  }

  private int addContest(String name) {
    int code = contests.size();
    contests.add(name);
    contestCodes.put(name, code);
    choices.add(new ArrayList<>());
    choiceCodes.add(new HashMap<>());
    added.add(new Entry(code, 0, name));
    return code;
  }

  private int addChoice(int contest, String name) {
    List<String> list = choices.get(contest);
    list.add(name);
    int code = list.size();
    choiceCodes.get(contest).put(name, code);
    added.add(new Entry(contest, code, name));
    return code;
  }
}
