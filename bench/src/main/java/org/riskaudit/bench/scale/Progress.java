package org.riskaudit.bench.scale;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.riskaudit.core.card.Cvr;

/** Progress of the benchmark on stderr: a line per stage and, for long ones, one every 15 s. */
final class Progress {
  private final long started = System.nanoTime();
  private final AtomicLong cards = new AtomicLong();
  private volatile String stage = "";
  private volatile long stageStart;

  Progress() {
    Thread t =
        new Thread(
            () -> {
              while (true) {
                try {
                  Thread.sleep(15_000);
                } catch (InterruptedException e) {
                  return;
                }
                long n = cards.get();
                if (n > 0) {
                  double s = (System.nanoTime() - stageStart) / 1e9;
                  say(String.format("  ... %s: %,d cards, %,.0f cards/s", stage, n, n / s));
                }
              }
            },
            "progress");
    t.setDaemon(true);
    t.start();
  }

  /** Announces a stage and resets the card counter. */
  void stage(String what) {
    stage = what;
    cards.set(0);
    stageStart = System.nanoTime();
    say(what + " ...");
  }

  /** Ends the stage's progress lines with its result. */
  void done(String result) {
    cards.set(0);
    say(String.format("  %s: %s", stage, result));
  }

  /** {@code sink}, counting the cards that pass. */
  Consumer<Cvr> counting(Consumer<Cvr> sink) {
    return c -> {
      cards.incrementAndGet();
      sink.accept(c);
    };
  }

  void say(String line) {
    System.err.printf("[scale %6.1f s] %s%n", (System.nanoTime() - started) / 1e9, line);
  }
}
