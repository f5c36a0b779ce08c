package org.riskaudit.formats.dominion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.riskaudit.core.card.ContestDefinition;

/**
 * The manifests of a Dominion JSON export that the CVRs refer to: contests (with Vote For and
 * ranks), candidates (write-in positions keep their manifest name, "Write-in" when blank), ballot
 * types, precinct portions and the election's jurisdiction. ContestManifest and CandidateManifest
 * are required; the others only supply names.
 */
final class DominionManifests {
  /** A candidate id resolved to its contest and its index among that contest's choices. */
  record Choice(ContestVotes contest, int index) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();
  final Map<Integer, ContestVotes> contests = new LinkedHashMap<>();
  final Map<Integer, Choice> candidates = new HashMap<>();
  final Map<Integer, String> ballotTypes = new HashMap<>();
  final Map<Integer, String> precinctPortions = new HashMap<>();
  String jurisdiction = "";

  List<ContestDefinition> definitions() {
    List<ContestDefinition> out = new ArrayList<>();
    contests.values().forEach(c -> out.add(c.definition));
    return out;
  }

  static DominionManifests load(ExportFiles files, Problems problems) throws IOException {
    Map<String, JsonNode> lists = new HashMap<>();
    Map<String, String> fileOf = new HashMap<>();
    for (ExportFiles.Entry e : files.manifests) {
      String base = ExportFiles.baseName(e.name());
      String kind = kind(base);
      try (InputStream in = e.open()) {
        JsonNode root = MAPPER.readTree(in);
        JsonNode list = root == null ? null : root.get("List");
        if (kind.equals("Configuration")) {
          continue;
        }
        if (list == null || !list.isArray()) {
          problems.error(
              e.name(),
              0,
              "List",
              "the manifest has no \"List\" array",
              "use the manifest file exactly as the EMS exported it");
          continue;
        }
        lists.put(kind, list);
        fileOf.put(kind, e.name());
      } catch (com.fasterxml.jackson.core.JacksonException ex) {
        problems.error(
            e.name(),
            ex.getLocation() == null ? 0 : ex.getLocation().getLineNr(),
            "",
            "the manifest is not valid JSON: " + ex.getOriginalMessage(),
            "export the manifests again; the file is damaged or truncated");
      } catch (IOException ex) {
        problems.error(
            e.name(),
            0,
            "",
            "cannot read the manifest: " + ex.getMessage(),
            "copy the export again; the file or zip is damaged");
      }
    }
    DominionManifests m = new DominionManifests();
    for (String required : List.of("ContestManifest", "CandidateManifest")) {
      if (!lists.containsKey(required)) {
        problems.error(
            files.firstFolderName.isEmpty() ? "(inputs)" : files.firstFolderName,
            0,
            "",
            "the export has no " + required + ".json; the CVRs cannot be read without it",
            "import the whole export folder or zip, which contains " + required + ".json");
      }
    }
    if (problems.hasErrors()) {
      return m;
    }
    m.readContests(
        lists.get("ContestManifest"),
        lists.get("CandidateManifest"),
        fileOf.get("CandidateManifest"),
        problems);
    names(lists.get("BallotTypeManifest"), m.ballotTypes);
    names(lists.get("PrecinctPortionManifest"), m.precinctPortions);
    JsonNode ev = lists.get("ElectionEventManifest");
    if (ev != null && ev.size() > 0) {
      m.jurisdiction = ev.get(0).path("Jurisdiction").asText("").trim();
    }
    return m;
  }

  private static String kind(String base) {
    for (String k :
        List.of(
            "BallotTypeContestManifest",
            "DistrictPrecinctPortionManifest",
            "PrecinctPortionManifest",
            "ContestManifest",
            "CandidateManifest",
            "BallotTypeManifest",
            "ElectionEventManifest",
            "Configuration")) {
      if (base.contains(k)) {
        return k;
      }
    }
    return base;
  }

  private static void names(JsonNode list, Map<Integer, String> into) {
    if (list == null) {
      return;
    }
    for (JsonNode n : list) {
      into.put(n.path("Id").asInt(), n.path("Description").asText(""));
    }
  }

  private void readContests(
      JsonNode contestList, JsonNode candidateList, String candidateFile, Problems problems) {
    Map<Integer, List<JsonNode>> byContest = new LinkedHashMap<>();
    for (JsonNode c : contestList) {
      byContest.put(c.path("Id").asInt(), new ArrayList<>());
    }
    int row = 0;
    for (JsonNode cand : candidateList) {
      row++;
      List<JsonNode> l = byContest.get(cand.path("ContestId").asInt());
      if (l == null) {
        problems.error(
            candidateFile,
            row,
            "ContestId",
            "candidate "
                + cand.path("Id").asInt()
                + " ("
                + cand.path("Description").asText()
                + ") refers to contest "
                + cand.path("ContestId").asText()
                + ", which is not in ContestManifest",
            "use the ContestManifest and CandidateManifest of the same export");
        continue;
      }
      l.add(cand);
    }
    Set<String> usedNames = new HashSet<>();
    for (JsonNode c : contestList) {
      int id = c.path("Id").asInt();
      String name = c.path("Description").asText("").trim();
      if (name.isEmpty() || !usedNames.add(name)) {
        name = (name.isEmpty() ? "Contest" : name) + " [" + id + "]";
        usedNames.add(name);
      }
      List<JsonNode> cands = byContest.get(id);
      String[] names = new String[cands.size()];
      List<String> distinct = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        String d = cands.get(i).path("Description").asText("").trim();
        if (d.isEmpty()) {
          d =
              cands.get(i).path("Type").asText("").contains("WriteIn")
                  ? "Write-in"
                  : "Choice " + cands.get(i).path("Id").asInt();
        }
        names[i] = d;
        if (!distinct.contains(d)) {
          distinct.add(d);
        }
      }
      int ranks = Math.max(0, c.path("NumOfRanks").asInt(0));
      int voteFor = Math.max(1, c.path("VoteFor").asInt(1));
      ContestVotes cv =
          new ContestVotes(new ContestDefinition(name, voteFor, distinct, ranks), names);
      contests.put(id, cv);
      for (int i = 0; i < names.length; i++) {
        candidates.put(cands.get(i).path("Id").asInt(), new Choice(cv, i));
      }
    }
  }
}
