package org.riskaudit.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.sampling.CardId;
import org.riskaudit.formats.nist.NistJsonWriter;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;

/**
 * A targeted contest in two counties and an opportunistic measure on one county's cards, from NIST
 * CDF exports: the measure's risk is measured on the prefix of its own ticket stream that the
 * targeted contest's cards cover, and the record verifies.
 */
class OpportunisticContestTest {
  @TempDir Path dir;

  @Test
  void anOpportunisticContestIsMeasuredOnTheCardsDrawnForTheTargetedOne() throws Exception {
    Map<String, Cvr> cards = election();
    AuditDriver d = new AuditDriver(dir.resolve("a.db").toString(), dir, dir);
    d.ok(
        "init",
        "--election",
        "E",
        "--target",
        "Governor",
        "--opportunistic",
        "Measure A",
        "--rule",
        "Measure A=majority",
        "--trials",
        "100");
    d.ok(
        "import",
        "--manifest",
        dir.resolve("manifest.csv").toString(),
        "--results",
        dir.resolve("results.csv").toString());
    d.ok(
        "import",
        "--cvrs",
        dir.resolve("North.json").toString(),
        dir.resolve("South.json").toString());
    d.ok("check", "--commit");
    d.ok("seed", "57721566490153286060651");
    d.ok("sample", "--size", "300");
    Path file = dir.resolve("interpretations.csv");
    try (Store store = Store.open(d.db);
        Writer w = Files.newBufferedWriter(file)) {
      w.write("card,contest,marks\n");
      for (String id : new java.util.TreeSet<>(drawn(store))) {
        Cvr c = cards.get(id);
        for (var e : new TreeMap<>(c.contests()).entrySet()) {
          w.write(id + "," + e.getKey() + "," + String.join("|", e.getValue().choices()) + "\n");
        }
      }
    }
    d.ok("record", "--file", file.toString());
    JsonNode contests = d.status().get("contests");
    JsonNode governor =
        contests.get(0).get("name").asText().equals("Governor") ? contests.get(0) : contests.get(1);
    JsonNode measure = governor == contests.get(0) ? contests.get(1) : contests.get(0);
    assertThat(measure.get("role").asText()).isEqualTo("opportunistic");
    // Measure A is only on North's cards: its stream covers the North cards drawn for Governor.
    assertThat(measure.get("drawn").asInt()).isBetween(100, 200);
    assertThat(measure.get("measured").asInt()).isEqualTo(measure.get("drawn").asInt());
    assertThat(measure.get("risk").asDouble()).isLessThan(0.05);
    d.signOff();
    d.ok("next-round");
    Path record = dir.resolve("record");
    d.ok("export", "--out", record.toString());
    RecordAssertions.verifies(record);
  }

  private static List<String> drawn(Store store) {
    List<String> out = new ArrayList<>();
    for (Rows.DrawRow r : store.rounds().draws("audit")) {
      out.add(r.cardId());
    }
    return out;
  }

  /** North and South, 2,000 cards each in batches of 100; Measure A only in North. */
  private Map<String, Cvr> election() throws Exception {
    SplittableRandom r = new SplittableRandom(11);
    Map<String, Cvr> all = new LinkedHashMap<>();
    StringBuilder manifest = new StringBuilder("County,Tabulator,Batch,Number of Ballots\n");
    Map<String, Map<String, Map<String, Long>>> results = new TreeMap<>();
    for (String county : List.of("North", "South")) {
      List<Cvr> cvrs = new ArrayList<>();
      for (int b = 1; b <= 20; b++) {
        manifest.append(county).append(",T1,B").append(b).append(",100\n");
        for (int p = 1; p <= 100; p++) {
          Map<String, ContestVote> votes = new LinkedHashMap<>();
          votes.put("Governor", ContestVote.of(r.nextDouble() < 0.6 ? "Ada" : "Ben"));
          if (county.equals("North")) {
            votes.put("Measure A", ContestVote.of(r.nextDouble() < 0.7 ? "Yes" : "No"));
          }
          Cvr c = new Cvr(new CardLocation(county, "T1", "B" + b, p), "", "", "", votes);
          cvrs.add(c);
          all.put(CardId.of(c.location()), c);
          votes.forEach(
              (contest, v) ->
                  results
                      .computeIfAbsent(county, k -> new TreeMap<>())
                      .computeIfAbsent(contest, k -> new TreeMap<>())
                      .merge(v.choices().get(0), 1L, Long::sum));
        }
      }
      try (OutputStream os = Files.newOutputStream(dir.resolve(county + ".json"));
          NistJsonWriter w =
              new NistJsonWriter(
                  os,
                  "E",
                  List.of(
                      new ContestDefinition("Governor", 1, List.of("Ada", "Ben"), 0),
                      new ContestDefinition("Measure A", 1, List.of("Yes", "No"), 0)))) {
        for (Cvr c : cvrs) {
          w.write(c);
        }
      }
    }
    Files.writeString(dir.resolve("manifest.csv"), manifest);
    StringBuilder res = new StringBuilder("county,contest,choice,votes\n");
    results.forEach(
        (county, contests) ->
            contests.forEach(
                (contest, votes) ->
                    votes.forEach(
                        (choice, n) ->
                            res.append(county)
                                .append(',')
                                .append(contest)
                                .append(',')
                                .append(choice)
                                .append(',')
                                .append(n)
                                .append('\n'))));
    Files.writeString(dir.resolve("results.csv"), res);
    return all;
  }
}
