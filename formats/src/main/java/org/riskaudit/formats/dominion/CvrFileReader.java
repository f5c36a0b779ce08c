package org.riskaudit.formats.dominion;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.formats.ImportProblem;

/**
 * Reads one {@code CvrExport*.json} file with Jackson's streaming parser into cards, session by
 * session. Of {@code Original} and {@code Modified} only the element with {@code IsCurrent} true is
 * used; only marks with {@code IsVote} true count. Each card of a session becomes one CVR at
 * position RecordId of batch (TabulatorId, BatchId); a redacted RecordId "X" is recovered from the
 * ImageMask's {@code _<tabulator>_<batch>_<record>} suffix. One instance per file and thread.
 */
final class CvrFileReader {
  /** What one file produced. {@code sessionOfCard[i]} is the 1-based session of card i. */
  record FileResult(
      String file,
      List<Cvr> cards,
      int[] sessionOfCard,
      List<ImportProblem> problems,
      long recovered,
      long multiCard) {}

  private static final Pattern MASK = Pattern.compile("(\\d+)_(\\d+)_(\\d+)_?[^_\\\\/]*$");
  private final JsonFactory factory;
  private final DominionManifests manifests;
  private final String county;
  private final String file;
  private final List<Cvr> cards = new ArrayList<>();
  private int[] sessionOfCard = new int[64];
  private final List<ImportProblem> problems = new ArrayList<>();
  private final Map<Integer, String> ids = new HashMap<>();
  private final SessionBuffer original = new SessionBuffer();
  private final SessionBuffer modified = new SessionBuffer();
  private int[] marked = new int[16];
  private int[] ranks = new int[16];
  private long recovered;
  private long multiCard;
  private int session;

  CvrFileReader(JsonFactory factory, DominionManifests manifests, String county, String file) {
    this.factory = factory;
    this.manifests = manifests;
    this.county = county;
    this.file = file;
  }

  FileResult read(ExportFiles.Entry entry) {
    try (InputStream in = entry.open();
        JsonParser p = factory.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        error("", "the file does not start with a JSON object", "export the CVR file again");
      } else {
        boolean sessions = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String f = p.currentName();
          JsonToken t = p.nextToken();
          if (f.equals("Sessions") && t == JsonToken.START_ARRAY) {
            sessions = true;
            while (p.nextToken() == JsonToken.START_OBJECT) {
              session++;
              readSession(p);
            }
            endOfArray(p, "Sessions");
          } else {
            p.skipChildren();
          }
        }
        if (!sessions) {
          error(
              "Sessions",
              "the file has no \"Sessions\" array, so it is not a Dominion CVR file",
              "import only CvrExport*.json files and the manifests of the same export");
        }
      }
    } catch (JacksonException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      error(
          "",
          "invalid JSON at line "
              + line
              + " of the file (in session "
              + (session)
              + "): "
              + e.getOriginalMessage(),
          "the file is damaged or truncated; copy it again from the EMS export");
    } catch (IOException | RuntimeException e) {
      error("", "cannot read the file: " + e, "copy the file again from the EMS export");
    }
    return new FileResult(
        file,
        cards,
        java.util.Arrays.copyOf(sessionOfCard, cards.size()),
        problems,
        recovered,
        multiCard);
  }

  private void error(String column, String what, String fix) {
    problems.add(ImportProblem.error(file, session, column, what, fix));
  }

  /** After a loop over an array of objects: anything but the array's end is malformed. */
  private static void endOfArray(JsonParser p, String array) throws IOException {
    if (p.currentToken() != JsonToken.END_ARRAY) {
      throw new com.fasterxml.jackson.core.JsonParseException(
          p, "\"" + array + "\" must hold only objects, found " + p.currentToken());
    }
  }

  private void readSession(JsonParser p) throws IOException {
    int tabulator = Integer.MIN_VALUE;
    int batch = Integer.MIN_VALUE;
    int record = Integer.MIN_VALUE;
    boolean redacted = false;
    String mask = "";
    int problemsBefore = problems.size();
    original.clear();
    modified.clear();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      switch (f) {
        case "TabulatorId" -> tabulator = intValue(p, t, f);
        case "BatchId" -> batch = intValue(p, t, f);
        case "RecordId" -> {
          if (t == JsonToken.VALUE_STRING && p.getText().trim().equalsIgnoreCase("X")) {
            redacted = true;
          } else {
            record = intValue(p, t, f);
          }
        }
        case "ImageMask" -> // only needed when RecordId is redacted or not yet seen
            mask =
                t == JsonToken.VALUE_STRING && (redacted || record == Integer.MIN_VALUE)
                    ? p.getText()
                    : "";
        case "Original" -> readElement(p, t, original);
        case "Modified" -> readElement(p, t, modified);
        default -> p.skipChildren();
      }
    }
    if (redacted) {
      Matcher m = MASK.matcher(mask.endsWith("*.*") ? mask.substring(0, mask.length() - 3) : mask);
      if (m.find() && m.group(3).length() < 10) {
        record = Integer.parseInt(m.group(3));
        recovered++;
      } else {
        error(
            "RecordId",
            "RecordId is redacted (\"X\") and the ImageMask '"
                + mask
                + "' does not end in _<tabulator>_<batch>_<record>, so the card cannot be placed",
            "export the CVRs with RecordId, or with the original image masks");
        return;
      }
    }
    if (tabulator == Integer.MIN_VALUE
        || batch == Integer.MIN_VALUE
        || record == Integer.MIN_VALUE) {
      String missing =
          tabulator == Integer.MIN_VALUE
              ? "TabulatorId"
              : batch == Integer.MIN_VALUE ? "BatchId" : "RecordId";
      error(
          missing,
          "the session has no valid integer " + missing,
          "every session needs TabulatorId, BatchId and RecordId (integers)");
      return;
    }
    if (record < 1) {
      error(
          "RecordId",
          "RecordId " + record + " is not a position in the batch (must be at least 1)",
          "check the export; records are numbered from 1");
      return;
    }
    SessionBuffer cur =
        original.present && original.isCurrent
            ? original
            : modified.present && modified.isCurrent ? modified : null;
    if (cur == null) {
      error(
          "IsCurrent",
          "neither Original nor Modified has IsCurrent true",
          "exactly one of Original and Modified must be current; export the CVRs again");
      return;
    }
    if (original.present && original.isCurrent && modified.present && modified.isCurrent) {
      error(
          "IsCurrent",
          "both Original and Modified have IsCurrent true",
          "exactly one of them must be current; export the CVRs again");
      return;
    }
    if (problems.size() == problemsBefore) {
      emit(cur, name(tabulator), name(batch), record);
    }
  }

  private String name(int id) {
    return ids.computeIfAbsent(id, String::valueOf);
  }

  private void emit(SessionBuffer s, String tabulator, String batch, int record) {
    String style = manifests.ballotTypes.get(s.ballotTypeId);
    style = style != null ? style : name(s.ballotTypeId);
    String precinct = manifests.precinctPortions.get(s.precinctPortionId);
    precinct = precinct != null ? precinct : name(s.precinctPortionId);
    CardLocation loc = new CardLocation(county, tabulator, batch, record);
    String imprinted = tabulator + "-" + batch + "-" + record;
    List<Cvr> built = new ArrayList<>(s.cards);
    if (s.cards > 1) {
      multiCard++;
    }
    for (int c = 0; c < s.cards; c++) {
      Map<String, ContestVote> votes = null;
      String onlyName = null;
      ContestVote onlyVote = null;
      for (int k = s.cardFirstContest[c]; k < s.cardFirstContest[c + 1]; k++) {
        ContestVotes cv = manifests.contests.get(s.contestId[k]);
        if (cv == null) {
          error(
              "Contests.Id",
              "contest id " + s.contestId[k] + " is not in ContestManifest",
              "import the ContestManifest.json of the same export");
          return;
        }
        ContestVote v = vote(s, k, cv);
        if (v == null) {
          return;
        }
        if (onlyName == null) {
          onlyName = cv.definition.name();
          onlyVote = v;
          continue;
        }
        if (votes == null) {
          votes = new HashMap<>();
          votes.put(onlyName, onlyVote);
        }
        if (votes.put(cv.definition.name(), v) != null) {
          error(
              "Contests.Id",
              "contest id " + s.contestId[k] + " appears twice on one card",
              "export the CVRs again; a card lists each contest once");
          return;
        }
      }
      String id = s.cards == 1 ? imprinted : imprinted + "-" + (s.cardPaperIndex[c] + 1);
      Map<String, ContestVote> m =
          votes != null
              ? Map.copyOf(votes)
              : onlyName != null ? Map.of(onlyName, onlyVote) : Map.of();
      built.add(new Cvr(loc, id, style, precinct, m));
    }
    for (Cvr cvr : built) {
      if (cards.size() == sessionOfCard.length) {
        sessionOfCard = java.util.Arrays.copyOf(sessionOfCard, sessionOfCard.length * 2);
      }
      sessionOfCard[cards.size()] = session;
      cards.add(cvr);
    }
  }

  private ContestVote vote(SessionBuffer s, int k, ContestVotes cv) {
    int n = 0;
    for (int m = s.contestFirstMark[k]; m < s.contestFirstMark[k + 1]; m++) {
      if (!s.markIsVote[m]) {
        continue;
      }
      DominionManifests.Choice ch = manifests.candidates.get(s.markCandidate[m]);
      if (ch == null || ch.contest() != cv) {
        error(
            "Marks.CandidateId",
            "candidate id "
                + s.markCandidate[m]
                + (ch == null
                    ? " is not in CandidateManifest"
                    : " belongs to another contest than " + s.contestId[k])
                + " (contest "
                + s.contestId[k]
                + ")",
            "import the CandidateManifest.json of the same export");
        return null;
      }
      if (n == marked.length) {
        marked = java.util.Arrays.copyOf(marked, n * 2);
        ranks = java.util.Arrays.copyOf(ranks, n * 2);
      }
      marked[n] = ch.index();
      ranks[n] = s.markRank[m];
      n++;
    }
    return cv.definition.isRanked() ? cv.ranked(marked, ranks, n) : cv.plurality(marked, n);
  }

  private int intValue(JsonParser p, JsonToken t, String field) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getIntValue();
    }
    if (t == JsonToken.VALUE_STRING) {
      int v = SeenCards.parseSmallInt(p.getText().trim());
      if (v >= 0) {
        return v;
      }
    }
    error(
        field,
        field + " must be an integer, found " + (t.isScalarValue() ? "'" + p.getText() + "'" : t),
        "export the CVRs again; the file has been altered");
    p.skipChildren();
    return Integer.MIN_VALUE;
  }

  private void readElement(JsonParser p, JsonToken t, SessionBuffer b) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    b.present = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken v = p.nextToken();
      switch (f) {
        case "IsCurrent" -> b.isCurrent = v == JsonToken.VALUE_TRUE;
        case "PrecinctPortionId" -> b.precinctPortionId = intValue(p, v, f);
        case "BallotTypeId" -> b.ballotTypeId = intValue(p, v, f);
        case "Cards" -> readCards(p, v, b);
        case "Contests" -> {
          b.startCard(0); // EMS 5.2: the contests of the one card sit directly under the element
          readContests(p, v, b);
        }
        default -> p.skipChildren();
      }
    }
  }

  private void readCards(JsonParser p, JsonToken t, SessionBuffer b) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      b.startCard(b.cards);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken v = p.nextToken();
        if (f.equals("Contests")) {
          readContests(p, v, b);
        } else if (f.equals("PaperIndex") && v == JsonToken.VALUE_NUMBER_INT) {
          b.cardPaperIndex[b.cards - 1] = p.getIntValue();
        } else {
          p.skipChildren();
        }
      }
    }
    endOfArray(p, "Cards");
  }

  private void readContests(JsonParser p, JsonToken t, SessionBuffer b) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      b.startContest(Integer.MIN_VALUE);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken v = p.nextToken();
        if (f.equals("Id")) {
          b.setContestId(intValue(p, v, "Contests.Id"));
        } else if (f.equals("Marks") && v == JsonToken.START_ARRAY) {
          readMarks(p, b);
        } else {
          p.skipChildren();
        }
      }
    }
    endOfArray(p, "Contests");
  }

  private void readMarks(JsonParser p, SessionBuffer b) throws IOException {
    while (p.nextToken() == JsonToken.START_OBJECT) {
      int candidate = Integer.MIN_VALUE;
      int rank = 1;
      boolean isVote = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken v = p.nextToken();
        switch (f) {
          case "CandidateId" -> candidate = intValue(p, v, "Marks.CandidateId");
          case "Rank" -> rank = intValue(p, v, "Marks.Rank");
          case "IsVote" -> isVote = v == JsonToken.VALUE_TRUE;
          default -> p.skipChildren();
        }
      }
      b.addMark(candidate, rank, isVote);
    }
    endOfArray(p, "Marks");
  }
}
