package org.riskaudit.formats.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writers of one county's cards in the Dominion formats: a JSON export (one {@code
 * CvrExport_<n>.json} per batch plus the manifests) and a CSV export (4 header rows). Both stream:
 * nothing per card is kept. Contest id 1; candidate ids 1..k in choice order; tabulator, batch and
 * record numbers as given.
 */
final class DominionWriters {
  private DominionWriters() {}

  /** Receives the cards of a county in batch order. */
  interface CardWriter extends java.io.Closeable {
    void startBatch(int tabulator, int batch) throws IOException;

    /** {@code choice} is a choice index, or -1 for a card with no vote in the contest. */
    void card(long cvrNumber, int tabulator, int batch, int record, int choice) throws IOException;
  }

  static final String VERSION = "5.10.50.85";

  /** Dominion CSV export. */
  static CardWriter csv(Path file, String election, String contest, List<String> choices)
      throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Writer w =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20);
    int k = choices.size();
    String commas = ",".repeat(k);
    w.write(csvCell(election) + "," + VERSION + ",,,,,," + commas + "\r\n");
    StringBuilder r2 = new StringBuilder(",,,,,,,");
    StringBuilder r3 = new StringBuilder(",,,,,,,");
    for (String c : choices) {
      r2.append(',').append(csvCell(contest + " (Vote For=1)"));
      r3.append(',').append(csvCell(c));
    }
    w.write(r2 + "\r\n" + r3 + "\r\n");
    w.write(
        "CvrNumber,TabulatorNum,BatchId,RecordId,ImprintedId,CountingGroup,PrecinctPortion,BallotType"
            + commas
            + "\r\n");
    StringBuilder b = new StringBuilder(128);
    return new CardWriter() {
      @Override
      public void startBatch(int tabulator, int batch) {}

      @Override
      public void card(long n, int tab, int batch, int record, int choice) throws IOException {
        b.setLength(0);
        b.append(n)
            .append(',')
            .append(tab)
            .append(',')
            .append(batch)
            .append(',')
            .append(record)
            .append(',')
            .append(tab)
            .append('-')
            .append(batch)
            .append('-')
            .append(record)
            .append(",Vote by Mail,Precinct 1,Ballot 1");
        for (int i = 0; i < k; i++) {
          b.append(',').append(i == choice ? '1' : '0');
        }
        b.append("\r\n");
        w.append(b);
      }

      @Override
      public void close() throws IOException {
        w.close();
      }
    };
  }

  static String csvCell(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Dominion JSON export: manifests first, then one CVR file per batch. */
  static CardWriter json(
      ExportSink sink,
      String election,
      String county,
      String contest,
      List<String> choices,
      List<int[]> tabulatorsAndBatches)
      throws IOException {
    manifests(sink, election, county, contest, choices, tabulatorsAndBatches);
    StringBuilder b = new StringBuilder(1024);
    return new CardWriter() {
      Writer w;
      boolean firstSession;
      int files;

      @Override
      public void startBatch(int tabulator, int batch) throws IOException {
        if (w != null) {
          w.write("]}");
        }
        w = sink.next("CvrExport_" + files++ + ".json");
        w.write(
            "{\"Version\":\""
                + VERSION
                + "\",\"ElectionId\":"
                + json(election)
                + ",\"Sessions\":[");
        firstSession = true;
      }

      @Override
      public void card(long n, int tab, int batch, int record, int choice) throws IOException {
        b.setLength(0);
        if (!firstSession) {
          b.append(',');
        }
        firstSession = false;
        b.append("{\"TabulatorId\":")
            .append(tab)
            .append(",\"BatchId\":")
            .append(batch)
            .append(",\"RecordId\":")
            .append(record)
            .append(",\"CountingGroupId\":2,\"ImageMask\":\"C:\\\\Results\\\\Tabulator")
            .append(tab)
            .append("\\\\Batch")
            .append(batch)
            .append("\\\\Images\\\\");
        pad(b, tab, 5).append('_');
        pad(b, batch, 5).append('_');
        pad(b, record, 6)
            .append(
                "*.*\",\"SessionType\":\"ScannedVote\",\"VotingSessionIdentifier\":\"\","
                    + "\"UniqueVotingIdentifier\":\"\",\"Original\":{\"PrecinctPortionId\":1,\"BallotTypeId\":1,"
                    + "\"IsCurrent\":true,\"Cards\":[{\"Id\":")
            .append(n)
            .append(",\"KeyInId\":")
            .append(n)
            .append(
                ",\"PaperIndex\":0,\"Contests\":[{\"Id\":1,\"ManifestationId\":1,\"Undervotes\":")
            .append(choice < 0 ? 1 : 0)
            .append(",\"Overvotes\":0,\"OutstackConditionIds\":[],\"Marks\":[");
        if (choice >= 0) {
          b.append("{\"CandidateId\":")
              .append(choice + 1)
              .append(",\"ManifestationId\":")
              .append(choice + 1)
              .append(",\"PartyId\":0,\"Rank\":1,\"MarkDensity\":")
              .append(60 + (int) (n % 40))
              .append(",\"IsAmbiguous\":false,\"IsVote\":true,\"OutstackConditionIds\":[]}");
        }
        b.append("]}],\"OutstackConditionIds\":[]}]}}");
        w.append(b);
      }

      @Override
      public void close() throws IOException {
        if (w == null) {
          startBatch(0, 0); // a county without cards still exports one (empty) CVR file
        }
        w.write("]}");
        sink.close();
      }
    };
  }

  private static StringBuilder pad(StringBuilder b, int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }

  private static void manifests(
      ExportSink sink,
      String election,
      String county,
      String contest,
      List<String> choices,
      List<int[]> tabs)
      throws IOException {
    String v = "{\"Version\":\"" + VERSION + "\",\"List\":[";
    try (Writer w = sink.next("ContestManifest.json")) {
      w.write(
          v
              + "{\"Description\":"
              + json(contest)
              + ",\"Id\":1,\"ExternalId\":\"\",\"DistrictId\":1,"
              + "\"VoteFor\":1,\"NumOfRanks\":0,\"Disabled\":0}]}");
    }
    StringBuilder c = new StringBuilder(v);
    for (int i = 0; i < choices.size(); i++) {
      c.append(i == 0 ? "" : ",")
          .append("{\"Description\":")
          .append(json(choices.get(i)))
          .append(",\"Id\":")
          .append(i + 1)
          .append(",\"ExternalId\":\"\",\"ContestId\":1,\"Type\":\"Regular\",\"Disabled\":0}");
    }
    sink.next("CandidateManifest.json").write(c + "]}");
    sink.next("BallotTypeManifest.json")
        .write(v + "{\"Description\":\"Ballot 1\",\"Id\":1,\"ExternalId\":\"\"}]}");
    sink.next("BallotTypeContestManifest.json").write(v + "{\"BallotTypeId\":1,\"ContestId\":1}]}");
    sink.next("CountingGroupManifest.json")
        .write(
            v
                + "{\"Description\":\"Election Day\",\"Id\":1,\"ExternalId\":\"\"},"
                + "{\"Description\":\"Vote by Mail\",\"Id\":2,\"ExternalId\":\"\"}]}");
    sink.next("PrecinctPortionManifest.json")
        .write(
            v + "{\"Description\":\"Precinct 1\",\"Id\":1,\"ExternalId\":\"\",\"PrecinctId\":1}]}");
    StringBuilder t = new StringBuilder(v);
    java.util.TreeSet<Integer> ids = new java.util.TreeSet<>();
    tabs.forEach(tb -> ids.add(tb[0]));
    boolean first = true;
    for (int id : ids) {
      t.append(first ? "" : ",")
          .append("{\"Description\":\"ICC")
          .append(id)
          .append("\",\"Id\":")
          .append(id)
          .append(
              ",\"VotingLocationNumber\":1,\"VotingLocationName\":\"Central\",\"ExternalId\":\"\",\"Type\":\"ImageCast Central\"}");
      first = false;
    }
    sink.next("TabulatorManifest.json").write(t + "]}");
    sink.next("ElectionEventManifest.json")
        .write(
            v
                + "{\"Description\":"
                + json(election)
                + ",\"Id\":1,\"ExternalId\":\"\",\"Jurisdiction\":"
                + json(county)
                + ",\"ElectionDate\":\"20210914\"}]}");
  }
}
