package org.riskaudit.formats.nist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.formats.ImportProblem;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.cvr.CvrImporter;

/**
 * NIST SP 1500-103 CVR Common Data Format v1, JSON. Contests, selections and candidates come from
 * the report's {@code Election}; each {@code CVR} counts only the snapshot named by its {@code
 * CurrentSnapshotId}. A selection is marked when a {@code SelectionPosition} has {@code
 * HasIndication yes} and is not {@code IsAllocable no}; ranks come from {@code Rank}. A contest
 * with more marked selections than {@code VotesAllowed} (1 when absent), or with {@code Overvotes >
 * 0}, is an overvote. Cards are placed at position {@code BatchSequenceId} of batch {@code BatchId}
 * of tabulator {@code CreatingDeviceId}; CVRs without those are placed in batch "1" in file order
 * (reported in a NOTE). The file is read twice: definitions first, then one CVR at a time, so
 * memory does not grow with the number of CVRs.
 */
public final class NistJsonImporter implements CvrImporter {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final String county;

  public NistJsonImporter() {
    this(null);
  }

  private NistJsonImporter(String county) {
    this.county = county;
  }

  public NistJsonImporter withCounty(String county) {
    return new NistJsonImporter(county);
  }

  @Override
  public String format() {
    return "nist";
  }

  private record ContestInfo(String name, int votesAllowed, Map<String, String> selectionNames) {}

  @Override
  public CvrImportResult read(List<Path> inputs, Consumer<Cvr> sink) throws IOException {
    List<ImportProblem> problems = new ArrayList<>();
    Map<String, ContestDefinition> defs = new LinkedHashMap<>();
    long cards = 0;
    for (Path p : inputs) {
      String file = p.getFileName().toString();
      String countyName = county != null ? county : file.replaceFirst("(?i)\\.json$", "");
      try {
        Map<String, ContestInfo> contests = definitions(p);
        if (contests.isEmpty()) {
          problems.add(
              ImportProblem.error(
                  file,
                  0,
                  "Election",
                  "the report defines no contests",
                  "Export the CastVoteRecordReport with its Election definitions."));
          continue;
        }
        contests
            .values()
            .forEach(
                c ->
                    defs.putIfAbsent(
                        c.name,
                        new ContestDefinition(
                            c.name, c.votesAllowed, List.copyOf(c.selectionNames.values()), 0)));
        cards += cvrs(p, file, countyName, contests, sink, problems);
      } catch (JsonProcessingException e) {
        problems.add(
            ImportProblem.error(
                file,
                e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                "",
                "the file is not valid JSON: " + e.getOriginalMessage(),
                "Export the CVR report again; it may be truncated."));
      } catch (IllegalArgumentException e) {
        // A value a record refuses (a blank contest name, for example): the file is unusable.
        problems.add(
            ImportProblem.error(
                file,
                0,
                "",
                "the report has an invalid value: " + e.getMessage(),
                "Export the CVR report again from the voting system."));
      }
    }
    return new CvrImportResult(format(), List.copyOf(defs.values()), cards, problems);
  }

  private static Map<String, ContestInfo> definitions(Path p) throws IOException {
    Map<String, ContestInfo> out = new LinkedHashMap<>();
    try (JsonParser jp = new JsonFactory().setCodec(MAPPER).createParser(p.toFile())) {
      if (jp.nextToken() != JsonToken.START_OBJECT) {
        throw new com.fasterxml.jackson.core.JsonParseException(
            jp, "a CastVoteRecordReport must be a JSON object");
      }
      while (jp.nextToken() == JsonToken.FIELD_NAME) {
        String field = jp.currentName();
        jp.nextToken();
        if (field.equals("Election")) {
          JsonNode elections = jp.readValueAsTree();
          for (JsonNode e : elections) {
            Map<String, String> candidates = new HashMap<>();
            for (JsonNode c : e.path("Candidate")) {
              candidates.put(c.path("@id").asText(), c.path("Name").asText(c.path("@id").asText()));
            }
            for (JsonNode c : e.path("Contest")) {
              Map<String, String> sel = new LinkedHashMap<>();
              for (JsonNode s : c.path("ContestSelection")) {
                String id = s.path("@id").asText();
                String candidate = firstCandidate(s.path("CandidateIds"));
                String name =
                    s.has("Selection")
                        ? s.path("Selection").asText()
                        : candidate != null ? candidates.getOrDefault(candidate, id) : id;
                sel.put(id, name);
              }
              String cid = c.path("@id").asText();
              if (cid.isBlank()) {
                throw new IllegalArgumentException("a Contest has no @id (ObjectId)");
              }
              out.put(
                  cid,
                  new ContestInfo(
                      c.path("Name").asText(cid),
                      Math.max(1, c.path("VotesAllowed").asInt(1)),
                      sel));
            }
          }
        } else {
          jp.skipChildren();
        }
      }
    }
    return out;
  }

  /**
   * The first candidate of a selection's {@code CandidateIds}: a JSON array, or (from the XML form,
   * where it is one IDREFS element) a space-separated list; null when there is none.
   */
  private static String firstCandidate(JsonNode ids) {
    if (ids.isArray()) {
      return ids.size() > 0 ? ids.get(0).asText() : null;
    }
    String text = ids.isValueNode() ? ids.asText().strip() : "";
    return text.isEmpty() ? null : text.split("\\s+")[0];
  }

  private static long cvrs(
      Path p,
      String file,
      String county,
      Map<String, ContestInfo> contests,
      Consumer<Cvr> sink,
      List<ImportProblem> problems)
      throws IOException {
    long cards = 0;
    long unplaced = 0;
    Set<String> seen = new HashSet<>();
    try (JsonParser jp = new JsonFactory().setCodec(MAPPER).createParser(p.toFile())) {
      jp.nextToken();
      while (jp.nextToken() == JsonToken.FIELD_NAME) {
        String field = jp.currentName();
        jp.nextToken();
        if (!field.equals("CVR")) {
          jp.skipChildren();
          continue;
        }
        int index = 0;
        while (jp.nextToken() == JsonToken.START_OBJECT) {
          index++;
          JsonNode cvr = jp.readValueAsTree();
          String batch = cvr.path("BatchId").asText("");
          int position = cvr.path("BatchSequenceId").asInt(0);
          if (batch.isEmpty() || position < 1) {
            batch = "1";
            position = index;
            unplaced++;
          }
          String tabulator = cvr.path("CreatingDeviceId").asText("");
          if (!seen.add(tabulator + "/" + batch + "/" + position)) {
            problems.add(
                ImportProblem.error(
                    file,
                    index,
                    "BatchSequenceId",
                    "CVR "
                        + index
                        + " is a second card at batch "
                        + batch
                        + " position "
                        + position,
                    "Each card must appear once."));
            continue;
          }
          Map<String, ContestVote> votes = snapshotVotes(file, index, cvr, contests, problems);
          if (votes == null) {
            continue;
          }
          sink.accept(
              new Cvr(
                  new CardLocation(county, tabulator, batch, position),
                  cvr.path("UniqueId").asText(cvr.path("BallotPrePrintedId").asText("")),
                  cvr.path("BallotStyleId").asText(""),
                  cvr.path("BallotStyleUnitId").asText(""),
                  votes));
          cards++;
        }
      }
    }
    if (unplaced > 0) {
      problems.add(
          ImportProblem.note(
              file,
              0,
              "BatchId",
              unplaced
                  + " CVRs have no BatchId/BatchSequenceId and were placed in batch \"1\" in file order"));
    }
    return cards;
  }

  private static Map<String, ContestVote> snapshotVotes(
      String file,
      int index,
      JsonNode cvr,
      Map<String, ContestInfo> contests,
      List<ImportProblem> problems) {
    String current = cvr.path("CurrentSnapshotId").asText("");
    JsonNode snapshot = null;
    for (JsonNode s : cvr.path("CVRSnapshot")) {
      if (s.path("@id").asText().equals(current)) {
        snapshot = s;
      }
    }
    if (snapshot == null) {
      problems.add(
          ImportProblem.error(
              file,
              index,
              "CurrentSnapshotId",
              "CVR " + index + " has no snapshot with the CurrentSnapshotId '" + current + "'",
              "Export the CVR with its current snapshot."));
      return null;
    }
    Map<String, ContestVote> votes = new LinkedHashMap<>();
    for (JsonNode cc : snapshot.path("CVRContest")) {
      String cid = cc.path("ContestId").asText();
      ContestInfo info = contests.get(cid);
      if (info == null) {
        problems.add(
            ImportProblem.error(
                file,
                index,
                "ContestId",
                "CVR " + index + " names contest '" + cid + "', which the Election does not define",
                "Export the report with every contest's definition."));
        return null;
      }
      TreeMap<Integer, List<String>> byRank = new TreeMap<>();
      for (JsonNode sel : cc.path("CVRContestSelection")) {
        String name =
            info.selectionNames.getOrDefault(sel.path("ContestSelectionId").asText(), null);
        if (name == null) {
          problems.add(
              ImportProblem.error(
                  file,
                  index,
                  "ContestSelectionId",
                  "CVR "
                      + index
                      + " names selection '"
                      + sel.path("ContestSelectionId").asText()
                      + "', which contest '"
                      + info.name
                      + "' does not define",
                  "Export the report with every selection's definition."));
          return null;
        }
        for (JsonNode pos : sel.path("SelectionPosition")) {
          if (pos.path("HasIndication").asText().equals("yes")
              && !pos.path("IsAllocable").asText().equals("no")
              && pos.path("NumberVotes").asInt(1) > 0) {
            int rank = pos.path("Rank").asInt(sel.path("Rank").asInt(1));
            byRank.computeIfAbsent(rank, k -> new ArrayList<>()).add(name);
            break;
          }
        }
      }
      List<String> chosen = new ArrayList<>();
      boolean ranked = byRank.size() > 1 || (!byRank.isEmpty() && byRank.firstKey() > 1);
      boolean over = cc.path("Overvotes").asInt(0) > 0;
      if (ranked) {
        // As for Dominion exports: the ranking stops at the first skipped rank; two choices at
        // rank 1 are an overvote, at a later rank they end the ranking.
        for (int rank = 1; byRank.containsKey(rank); rank++) {
          List<String> atRank = byRank.get(rank);
          if (atRank.size() > 1) {
            over |= rank == 1;
            break;
          }
          if (!chosen.contains(atRank.get(0))) {
            chosen.add(atRank.get(0));
          }
        }
      } else {
        byRank.values().forEach(chosen::addAll);
        over |= chosen.size() > info.votesAllowed;
      }
      votes.put(info.name, over ? ContestVote.OVERVOTE : new ContestVote(chosen, false));
    }
    return votes;
  }
}
