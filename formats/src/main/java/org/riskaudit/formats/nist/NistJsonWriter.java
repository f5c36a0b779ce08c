package org.riskaudit.formats.nist;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;

/**
 * Writes CVRs as a NIST SP 1500-103 CVR Common Data Format v1 {@code CastVoteRecordReport} in JSON,
 * streamed one CVR at a time: the election's contests ({@code CandidateContest}, selections naming
 * {@code Candidate}s), then every CVR with one {@code original} snapshot. A card's place is {@code
 * CreatingDeviceId} (tabulator), {@code BatchId} and {@code BatchSequenceId} (position), so {@link
 * NistJsonImporter} reads the file back into the same cards (the county is the file's name). An
 * overvoted contest is written with {@code Overvotes 1} and no selection; a contest absent from the
 * card is absent from its snapshot.
 */
public final class NistJsonWriter implements AutoCloseable {
  private final JsonGenerator g;
  private final Map<String, String> contestIds = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> selectionIds = new LinkedHashMap<>();
  private final java.util.Set<String> ranked = new java.util.HashSet<>();
  private boolean closed;

  /**
   * Starts the report and writes the election definitions.
   *
   * @param contests every contest the CVRs may hold, with all their choices
   */
  public NistJsonWriter(OutputStream out, String electionName, List<ContestDefinition> contests)
      throws IOException {
    g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    g.writeStartObject();
    g.writeStringField("@type", "CVR.CastVoteRecordReport");
    g.writeStringField("Version", "1.0.0");
    g.writeArrayFieldStart("ReportGeneratingDeviceIds");
    g.writeString("riskaudit");
    g.writeEndArray();
    g.writeArrayFieldStart("ReportType");
    g.writeString("other");
    g.writeEndArray();
    g.writeStringField("OtherReportType", "RiskAudit audit record");
    g.writeArrayFieldStart("Election");
    g.writeStartObject();
    g.writeStringField("@id", "election");
    g.writeStringField("@type", "CVR.Election");
    g.writeStringField("Name", electionName);
    List<String[]> candidates = new ArrayList<>();
    g.writeArrayFieldStart("Contest");
    int c = 0;
    for (ContestDefinition d : contests) {
      String cid = "contest-" + (++c);
      contestIds.put(d.name(), cid);
      Map<String, String> sel = new LinkedHashMap<>();
      selectionIds.put(d.name(), sel);
      g.writeStartObject();
      g.writeStringField("@id", cid);
      g.writeStringField("@type", "CVR.CandidateContest");
      g.writeStringField("Name", d.name());
      g.writeNumberField("VotesAllowed", d.voteFor());
      if (d.ranks() > 0) {
        g.writeNumberField("NumberOfRanks", d.ranks());
        ranked.add(d.name());
      }
      g.writeArrayFieldStart("ContestSelection");
      int k = 0;
      for (String choice : d.choices()) {
        String sid = cid + "-selection-" + (++k);
        String cand = cid + "-candidate-" + k;
        sel.put(choice, sid);
        candidates.add(new String[] {cand, choice});
        g.writeStartObject();
        g.writeStringField("@id", sid);
        g.writeStringField("@type", "CVR.CandidateSelection");
        g.writeArrayFieldStart("CandidateIds");
        g.writeString(cand);
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("Candidate");
    for (String[] cand : candidates) {
      g.writeStartObject();
      g.writeStringField("@id", cand[0]);
      g.writeStringField("@type", "CVR.Candidate");
      g.writeStringField("Name", cand[1]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeArrayFieldStart("CVR");
  }

  /** Writes one card; every contest and choice must be among the definitions. */
  public void write(Cvr cvr) throws IOException {
    g.writeStartObject();
    g.writeStringField("@type", "CVR.CVR");
    g.writeStringField("CreatingDeviceId", cvr.location().tabulator());
    g.writeStringField("BatchId", cvr.location().batch());
    g.writeNumberField("BatchSequenceId", cvr.location().position());
    if (!cvr.imprintedId().isEmpty()) {
      g.writeStringField("UniqueId", cvr.imprintedId());
    }
    if (!cvr.ballotStyle().isEmpty()) {
      g.writeStringField("BallotStyleId", cvr.ballotStyle());
    }
    if (!cvr.precinct().isEmpty()) {
      g.writeStringField("BallotStyleUnitId", cvr.precinct());
    }
    g.writeStringField("CurrentSnapshotId", "snapshot");
    g.writeArrayFieldStart("CVRSnapshot");
    g.writeStartObject();
    g.writeStringField("@id", "snapshot");
    g.writeStringField("@type", "CVR.CVRSnapshot");
    g.writeStringField("Type", "original");
    g.writeArrayFieldStart("CVRContest");
    for (Map.Entry<String, ContestVote> e : cvr.contests().entrySet()) {
      String cid = contestIds.get(e.getKey());
      if (cid == null) {
        throw new IllegalArgumentException(
            "contest '" + e.getKey() + "' of card " + cvr.location() + " is not defined");
      }
      ContestVote v = e.getValue();
      g.writeStartObject();
      g.writeStringField("@type", "CVR.CVRContest");
      g.writeStringField("ContestId", cid);
      g.writeNumberField("Overvotes", v.overvote() ? 1 : 0);
      g.writeArrayFieldStart("CVRContestSelection");
      int rank = 0;
      for (String choice : v.choices()) {
        String sid = selectionIds.get(e.getKey()).get(choice);
        if (sid == null) {
          throw new IllegalArgumentException(
              "choice '" + choice + "' of contest '" + e.getKey() + "' is not defined");
        }
        g.writeStartObject();
        g.writeStringField("@type", "CVR.CVRContestSelection");
        g.writeStringField("ContestSelectionId", sid);
        g.writeArrayFieldStart("SelectionPosition");
        g.writeStartObject();
        g.writeStringField("@type", "CVR.SelectionPosition");
        g.writeStringField("HasIndication", "yes");
        g.writeStringField("IsAllocable", "yes");
        g.writeNumberField("NumberVotes", 1);
        if (ranked.contains(e.getKey())) {
          g.writeNumberField("Rank", ++rank); // choices of a ranked contest are in rank order
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      g.writeEndArray();
      g.writeEndObject();
      g.close();
    }
  }
}
