package org.riskaudit.formats.nist;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;

/**
 * Writes CVRs as a NIST SP 1500-103 CVR Common Data Format v1 {@code CastVoteRecordReport} in XML
 * (namespace {@value #NAMESPACE}), streamed one CVR at a time, with the same content as {@link
 * NistJsonWriter}: every {@code CVR} with one {@code original} snapshot, then the {@code Election}
 * with its contests ({@code CandidateContest}, selections naming {@code Candidate}s), in the
 * schema's element order. A card's place is {@code CreatingDeviceId} (tabulator), {@code BatchId}
 * and {@code BatchSequenceId} (position), so {@link NistXmlImporter} reads the file back into the
 * same cards. An overvoted contest is written with {@code Overvotes 1} and no selection, a blank
 * one with {@code Undervotes} equal to its Vote For; a contest absent from the card is absent from
 * its snapshot.
 */
public final class NistXmlWriter implements AutoCloseable {
  /** The CDF's XML namespace. */
  public static final String NAMESPACE = "http://itl.nist.gov/ns/voting/1500-103/v1";

  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private final XMLStreamWriter x;
  private final String electionName;
  private final List<ContestDefinition> contests;
  private final Map<String, String> contestIds = new LinkedHashMap<>();
  private final Map<String, ContestDefinition> definitions = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> selectionIds = new LinkedHashMap<>();
  private boolean closed;

  /**
   * Starts the report.
   *
   * @param contests every contest the CVRs may hold, with all their choices
   */
  public NistXmlWriter(OutputStream out, String electionName, List<ContestDefinition> contests)
      throws IOException {
    this.electionName = electionName;
    this.contests = List.copyOf(contests);
    int c = 0;
    for (ContestDefinition d : contests) {
      String cid = "contest-" + (++c);
      contestIds.put(d.name(), cid);
      definitions.put(d.name(), d);
      Map<String, String> sel = new LinkedHashMap<>();
      int k = 0;
      for (String choice : d.choices()) {
        sel.put(choice, cid + "-selection-" + (++k));
      }
      selectionIds.put(d.name(), sel);
    }
    try {
      x = FACTORY.createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.setDefaultNamespace(NAMESPACE);
      x.writeStartElement(NAMESPACE, "CastVoteRecordReport");
      x.writeDefaultNamespace(NAMESPACE);
      x.writeNamespace("xsi", XSI);
      x.writeCharacters("\n");
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private void text(String element, String value) throws XMLStreamException {
    x.writeStartElement(NAMESPACE, element);
    x.writeCharacters(value);
    x.writeEndElement();
  }

  /** Writes one card; every contest and choice must be among the definitions. */
  public void write(Cvr cvr) throws IOException {
    try {
      x.writeStartElement(NAMESPACE, "CVR");
      if (!cvr.ballotStyle().isEmpty()) {
        text("BallotStyleId", cvr.ballotStyle());
      }
      if (!cvr.precinct().isEmpty()) {
        text("BallotStyleUnitId", cvr.precinct());
      }
      text("BatchId", cvr.location().batch());
      text("BatchSequenceId", Integer.toString(cvr.location().position()));
      text("CreatingDeviceId", cvr.location().tabulator());
      text("CurrentSnapshotId", "snapshot");
      x.writeStartElement(NAMESPACE, "CVRSnapshot");
      x.writeAttribute("ObjectId", "snapshot");
      for (Map.Entry<String, ContestVote> e : cvr.contests().entrySet()) {
        contest(cvr, e.getKey(), e.getValue());
      }
      text("Type", "original");
      x.writeEndElement();
      text("ElectionId", "election");
      if (!cvr.imprintedId().isEmpty()) {
        text("UniqueId", cvr.imprintedId());
      }
      x.writeEndElement();
      x.writeCharacters("\n");
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private void contest(Cvr cvr, String contest, ContestVote v) throws XMLStreamException {
    String cid = contestIds.get(contest);
    if (cid == null) {
      throw new IllegalArgumentException(
          "contest '" + contest + "' of card " + cvr.location() + " is not defined");
    }
    ContestDefinition d = definitions.get(contest);
    x.writeStartElement(NAMESPACE, "CVRContest");
    text("ContestId", cid);
    int rank = 0;
    for (String choice : v.choices()) {
      String sid = selectionIds.get(contest).get(choice);
      if (sid == null) {
        throw new IllegalArgumentException(
            "choice '" + choice + "' of contest '" + contest + "' is not defined");
      }
      x.writeStartElement(NAMESPACE, "CVRContestSelection");
      text("ContestSelectionId", sid);
      x.writeStartElement(NAMESPACE, "SelectionPosition");
      text("HasIndication", "yes");
      text("IsAllocable", "yes");
      text("NumberVotes", "1");
      if (d.ranks() > 0) {
        text("Rank", Integer.toString(++rank)); // choices of a ranked contest are in rank order
      }
      x.writeEndElement();
      x.writeEndElement();
    }
    text("Overvotes", v.overvote() ? "1" : "0");
    if (v.isBlank()) {
      text("Undervotes", Integer.toString(d.voteFor()));
    }
    x.writeEndElement();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      x.writeStartElement(NAMESPACE, "Election");
      x.writeAttribute("ObjectId", "election");
      List<String[]> candidates = new ArrayList<>();
      int c = 0;
      for (ContestDefinition d : contests) {
        c++;
        int k = 0;
        for (String choice : d.choices()) {
          candidates.add(new String[] {"contest-" + c + "-candidate-" + (++k), choice});
        }
      }
      for (String[] cand : candidates) {
        x.writeStartElement(NAMESPACE, "Candidate");
        x.writeAttribute("ObjectId", cand[0]);
        text("Name", cand[1]);
        x.writeEndElement();
      }
      c = 0;
      for (ContestDefinition d : contests) {
        String cid = "contest-" + (++c);
        x.writeStartElement(NAMESPACE, "Contest");
        x.writeAttribute("ObjectId", cid);
        x.writeAttribute("xsi", XSI, "type", "CandidateContest");
        int k = 0;
        for (String sid : selectionIds.get(d.name()).values()) {
          x.writeStartElement(NAMESPACE, "ContestSelection");
          x.writeAttribute("ObjectId", sid);
          x.writeAttribute("xsi", XSI, "type", "CandidateSelection");
          text("CandidateIds", cid + "-candidate-" + (++k));
          x.writeEndElement();
        }
        text("Name", d.name());
        if (d.ranks() > 0) {
          text("NumberOfRanks", Integer.toString(d.ranks()));
        }
        text("VotesAllowed", Integer.toString(d.voteFor()));
        x.writeEndElement();
      }
      text("ElectionScopeId", "scope");
      text("Name", electionName);
      x.writeEndElement();
      x.writeCharacters("\n");
      // a fixed date: the same options give the same bytes
      text("GeneratedDate", "2000-01-01T00:00:00");
      x.writeStartElement(NAMESPACE, "GpUnit");
      x.writeAttribute("ObjectId", "scope");
      text("Type", "other");
      x.writeEndElement();
      text("OtherReportType", "RiskAudit generated export");
      text("ReportGeneratingDeviceIds", "riskaudit");
      x.writeStartElement(NAMESPACE, "ReportingDevice");
      x.writeAttribute("ObjectId", "riskaudit");
      text("Application", "RiskAudit");
      x.writeEndElement();
      text("ReportType", "other");
      text("Version", "1.0.0");
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }
}
