package org.riskaudit.app.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.riskaudit.app.audit.AuditConfig;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditState;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.ContestRole;
import org.riskaudit.core.audit.ContestSpec;
import org.riskaudit.core.audit.Seed;
import org.riskaudit.core.audit.log.LogEntry;
import org.riskaudit.core.contest.ContestRule;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.core.tally.ReportedResults;
import org.riskaudit.formats.record.RecordCsv;
import org.riskaudit.store.InterpretationText;
import org.riskaudit.store.Rows;

/**
 * Reads an exported audit record back into an {@link AuditSnapshot}, so that verification runs the
 * same computations as the audit itself, on the published facts alone.
 */
final class RecordReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  final Path dir;
  final JsonNode index;

  RecordReader(Path dir) throws IOException {
    this.dir = dir;
    Path f = dir.resolve(RecordFiles.INDEX);
    if (!Files.exists(f)) {
      throw new IllegalArgumentException(
          dir + " is not an audit record: it has no " + RecordFiles.INDEX);
    }
    this.index = JSON.readTree(f.toFile());
    if (!RecordFiles.FORMAT.equals(index.path("format").asText())
        || index.path("version").asInt() != RecordFiles.VERSION) {
      throw new IllegalArgumentException(
          dir
              + " is not a RiskAudit audit record of version "
              + RecordFiles.VERSION
              + " (format '"
              + index.path("format").asText()
              + "', version "
              + index.path("version").asText()
              + ")");
    }
  }

  List<RecordCsv.Row> table(String name) throws IOException {
    return RecordCsv.read(dir.resolve(name));
  }

  List<LogEntry> log() throws IOException {
    return LogCsv.read(dir.resolve(RecordFiles.LOG));
  }

  /** The audit as the record states it. Draws and interpretations are taken as published. */
  AuditSnapshot snapshot() throws IOException {
    JsonNode a = index.path("audit");
    Map<String, AuditType> types = new TreeMap<>();
    for (JsonNode c : index.path("counties")) {
      types.put(c.path("name").asText(), AuditType.valueOf(c.path("type").asText().toUpperCase()));
    }
    List<ContestSpec> specs = new ArrayList<>();
    for (JsonNode c : index.path("contests")) {
      specs.add(
          new ContestSpec(
              c.path("name").asText(),
              ContestRule.valueOf(c.path("rule").asText().toUpperCase()),
              c.path("winners").asInt(),
              c.path("share").asDouble(),
              ContestRole.valueOf(c.path("role").asText().toUpperCase()),
              AuditType.valueOf(c.path("type").asText().toUpperCase())));
    }
    List<ManifestBatch> batches = new ArrayList<>();
    for (RecordCsv.Row r : table(RecordFiles.MANIFEST)) {
      batches.add(
          new ManifestBatch(
              r.get("county"),
              r.get("container"),
              r.get("tabulator"),
              r.get("batch"),
              Integer.parseInt(r.get("cards"))));
    }
    Map<String, Map<String, Map<String, Long>>> reported = new LinkedHashMap<>();
    for (RecordCsv.Row r : table(RecordFiles.RESULTS)) {
      reported
          .computeIfAbsent(r.get("county"), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.get("contest"), k -> new LinkedHashMap<>())
          .put(r.get("choice"), Long.parseLong(r.get("votes")));
    }
    String id = a.path("id").asText();
    List<Rows.BatchResultRow> batchTotals = new ArrayList<>();
    for (RecordCsv.Row r : table(RecordFiles.BATCH_TOTALS)) {
      batchTotals.add(
          new Rows.BatchResultRow(
              id,
              r.get("county"),
              r.get("tabulator"),
              r.get("batch"),
              r.get("contest"),
              r.get("choice"),
              Long.parseLong(r.get("votes"))));
    }
    List<Rows.TallyRow> tallies = new ArrayList<>();
    for (RecordCsv.Row r : table(RecordFiles.TALLIES)) {
      tallies.add(
          new Rows.TallyRow(
              id,
              r.get("source"),
              r.get("county"),
              r.get("contest"),
              r.get("choice"),
              Long.parseLong(r.get("votes"))));
    }
    List<Rows.DrawRow> draws = new ArrayList<>();
    for (RecordCsv.Row r : table(RecordFiles.DRAWS)) {
      draws.add(
          new Rows.DrawRow(
              id,
              Integer.parseInt(r.get("round")),
              r.get("contest"),
              Integer.parseInt(r.get("draw")),
              r.get("card"),
              r.get("ticket"),
              Integer.parseInt(r.get("generation")),
              0));
    }
    Map<String, Rows.InterpretationRow> latest = new TreeMap<>();
    for (Rows.InterpretationRow i : interpretations(id)) {
      Rows.InterpretationRow prev = latest.get(i.cardId());
      if (prev == null || prev.revision() < i.revision()) {
        latest.put(i.cardId(), i);
      }
    }
    List<Rows.HandTallyRow> hand = new ArrayList<>();
    for (RecordCsv.Row r : table(RecordFiles.HAND_TALLIES)) {
      hand.add(
          new Rows.HandTallyRow(
              id,
              r.get("county"),
              r.get("tabulator"),
              r.get("batch"),
              r.get("contest"),
              r.get("choice"),
              Integer.parseInt(r.get("sheet")),
              Long.parseLong(r.get("votes")),
              r.get("recorded_by"),
              Instant.parse(r.get("recorded_at"))));
    }
    AuditStage stage = AuditStage.valueOf(a.path("stage").asText());
    Optional<Seed> seed =
        a.path("seed").isNull() || a.path("seed").isMissingNode()
            ? Optional.empty()
            : Optional.of(new Seed(a.path("seed").asText()));
    int rounds = index.path("rounds").size();
    AuditState state = new AuditState(stage, seed, rounds, Set.of(), Map.of(), Set.of());
    BigDecimal riskLimit = new BigDecimal(a.path("riskLimit").asText());
    AuditConfig config =
        new AuditConfig(
            a.path("election").asText(),
            a.path("jurisdiction").asText(),
            new BigDecimal(a.path("maxRiskLimit").asText()),
            a.path("estimateTrials").asInt(),
            a.path("estimateSeed").asLong(),
            a.path("fullCountFraction").asDouble());
    Rows.AuditRow audit =
        new Rows.AuditRow(
            id,
            config.election(),
            stage,
            riskLimit,
            seed.map(Object::toString).orElse(null),
            config.toJson(),
            Instant.parse(a.path("createdAt").asText()));
    return new AuditSnapshot(
        audit,
        config,
        state,
        types,
        specs,
        new BallotManifest(batches),
        new ReportedResults(reported),
        batchTotals,
        tallies,
        List.of(),
        List.of(),
        draws,
        latest,
        List.of(),
        hand);
  }

  List<Rows.InterpretationRow> interpretations(String id) throws IOException {
    List<Rows.InterpretationRow> out = new ArrayList<>();
    for (RecordCsv.Row r : table(RecordFiles.INTERPRETATIONS)) {
      InterpretationText.decode(r.get("status"), r.get("votes")); // rejects malformed text
      out.add(
          new Rows.InterpretationRow(
              id,
              Integer.parseInt(r.get("round")),
              r.get("card"),
              Integer.parseInt(r.get("revision")),
              r.get("status"),
              r.get("votes"),
              r.get("recorded_by"),
              Instant.parse(r.get("recorded_at"))));
    }
    return out;
  }
}
