package org.riskaudit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.riskaudit.core.card.Cvr;

class CardHandoffTest {

  @Test
  void deliversExactlyTheSourcesCardsInOrder() {
    long n =
        5L * CardHandoff.CHUNK * CardHandoff.QUEUED + 7; // several full queues, a partial chunk
    List<Cvr> got = new ArrayList<>();
    try (CardHandoff h = CardHandoff.start(sink -> push(sink, n), "test")) {
      h.forEachRemaining(got::add);
    }
    assertThat(got).hasSize((int) n);
    for (int i = 0; i < n; i++) {
      assertThat(got.get(i)).isEqualTo(Fixtures.card(i));
    }
  }

  @Test
  void anEmptySourceEndsAtOnce() {
    try (CardHandoff h = CardHandoff.start(sink -> {}, "test")) {
      assertThat(h.hasNext()).isFalse();
    }
  }

  @Test
  void aFailingSourceFailsTheConsumerWithItsOwnException() {
    IllegalStateException boom = new IllegalStateException("the export has 2 errors");
    List<Cvr> got = new ArrayList<>();
    try (CardHandoff h =
        CardHandoff.start(
            sink -> {
              push(sink, 3L * CardHandoff.CHUNK + 3);
              throw boom;
            },
            "test")) {
      assertThatThrownBy(() -> h.forEachRemaining(got::add)).isSameAs(boom);
    }
    // the full chunks before the failure may arrive; the failure always does, and nothing after it
    assertThat(got.size()).isLessThanOrEqualTo(3 * CardHandoff.CHUNK);
  }

  @Test
  void aCheckedFailureOfTheSourceArrivesAsAStoreException() {
    try (CardHandoff h =
        CardHandoff.start(
            sink -> {
              throw new IOException("CvrExport_7.json is truncated");
            },
            "test")) {
      assertThatThrownBy(h::hasNext)
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("CvrExport_7.json is truncated")
          .hasCauseInstanceOf(IOException.class);
    }
  }

  @Test
  void closingBeforeTheEndStopsASourceBlockedOnTheFullQueue() throws Exception {
    AtomicLong pushed = new AtomicLong();
    Thread producer;
    try (CardHandoff h =
        CardHandoff.start(
            sink -> {
              for (long i = 0; ; i++) {
                sink.accept(Fixtures.card(i % 1000));
                pushed.incrementAndGet();
              }
            },
            "endless")) {
      for (int i = 0; i < 10; i++) {
        h.next();
      }
      producer = findThread("endless");
    }
    assertThat(producer == null || !producer.isAlive()).isTrue();
    // bounded: the producer never ran more than the queue and two chunks ahead
    assertThat(pushed.get())
        .isLessThanOrEqualTo((long) (CardHandoff.QUEUED + 2) * CardHandoff.CHUNK + 1);
  }

  private static void push(java.util.function.Consumer<Cvr> sink, long n) {
    for (long i = 0; i < n; i++) {
      sink.accept(Fixtures.card(i));
    }
  }

  private static Thread findThread(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(name))
        .findFirst()
        .orElse(null);
  }
}
