package org.riskaudit.core.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HashChainTest {
  final Clock clock = Clock.fixed(Instant.parse("2021-09-14T20:00:00Z"), ZoneOffset.UTC);

  List<LogEntry> log(int n) {
    List<LogEntry> entries = new ArrayList<>();
    Optional<LogEntry> prev = Optional.empty();
    for (int i = 0; i < n; i++) {
      LogEntry e = HashChain.append(prev, clock, "sos", "step", "detail " + i + "\nline2");
      entries.add(e);
      prev = Optional.of(e);
    }
    return entries;
  }

  @Test
  void anUntouchedLogVerifies() {
    assertThat(HashChain.verify(log(5))).isEmpty();
  }

  @Test
  void theCanonicalTextIsDocumentedAndStable() {
    LogEntry first = log(1).get(0);
    String text =
        HashChain.canonical(1, first.at(), "sos", "step", "detail 0\nline2", HashChain.GENESIS);
    assertThat(text)
        .isEqualTo(
            "riskaudit-log-v1\n1\n2021-09-14T20:00:00.000Z\nsos\nstep\ndetail 0\\nline2\n"
                + "0".repeat(64));
    assertThat(first.hash()).isEqualTo(HashChain.sha256(text));
  }

  @Test
  void changingAnEntryNamesThatEntryAsTheFirstBreak() {
    List<LogEntry> entries = log(5);
    LogEntry e = entries.get(2);
    entries.set(
        2,
        new LogEntry(
            e.sequence(), e.at(), "mallory", e.action(), e.details(), e.previousHash(), e.hash()));
    assertThat(HashChain.verify(entries)).get().extracting(ChainBreak::sequence).isEqualTo(3L);
    assertThat(HashChain.verify(entries).get().reason()).contains("entry 3").contains("altered");
  }

  @Test
  void removingAnEntryIsDetected() {
    List<LogEntry> entries = log(5);
    entries.remove(1);
    assertThat(HashChain.verify(entries)).get().extracting(ChainBreak::sequence).isEqualTo(2L);
  }

  @Test
  void rehashingAChangedEntryStillBreaksTheNextLink() {
    List<LogEntry> entries = log(4);
    LogEntry e = entries.get(1);
    String forged =
        HashChain.sha256(HashChain.canonical(2, e.at(), "sos", "step", "forged", e.previousHash()));
    entries.set(1, new LogEntry(2, e.at(), "sos", "step", "forged", e.previousHash(), forged));
    assertThat(HashChain.verify(entries)).get().extracting(ChainBreak::sequence).isEqualTo(3L);
  }
}
