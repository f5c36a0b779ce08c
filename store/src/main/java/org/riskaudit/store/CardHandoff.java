package org.riskaudit.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import org.riskaudit.core.card.Cvr;

/**
 * Turns a pushing {@link CardSource} into the iterator a bulk load pulls from: the source runs on
 * its own thread and hands cards over in chunks through a bounded queue, so the producer (parsing)
 * and the consumer (encoding, inserting) overlap while at most {@code (QUEUED + 2) * CHUNK} cards
 * are in flight. Chunks rather than single cards keep the cost of the queue's locking negligible. A
 * failure of the source surfaces from {@link #hasNext()}; {@link #close()} stops a source whose
 * consumer gave up and waits for its thread, so nothing outlives the load.
 */
final class CardHandoff implements Iterator<Cvr>, AutoCloseable {
  static final int CHUNK = 1024;
  static final int QUEUED = 16;

  /** The end of the stream: normal when {@code failure} is null. */
  private record End(Throwable failure) {}

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED);
  private volatile boolean closed;
  private final Thread producer;
  private List<Cvr> chunk = List.of();
  private int next;
  private End end;

  private CardHandoff(CardSource source, String name) {
    producer = new Thread(() -> produce(source), name);
    producer.setDaemon(true);
  }

  /** Starts the source on a new thread named {@code name}. */
  static CardHandoff start(CardSource source, String name) {
    CardHandoff h = new CardHandoff(source, name);
    h.producer.start();
    return h;
  }

  private void produce(CardSource source) {
    Throwable failure = null;
    try {
      Chunker chunker = new Chunker();
      source.pushTo(chunker);
      chunker.flush();
    } catch (Throwable t) { // every failure must reach the consumer, or it would wait forever
      failure = t;
    }
    try {
      queue.put(new End(failure));
    } catch (InterruptedException e) {
      // close() interrupted us: the consumer is gone and reads nothing more
    }
  }

  /** Collects pushed cards into chunks and queues each full one. */
  private final class Chunker implements java.util.function.Consumer<Cvr> {
    private List<Cvr> buffer = new ArrayList<>(CHUNK);

    @Override
    public void accept(Cvr cvr) {
      // close() may free queue space (to unblock a source that swallowed an interrupt) just as a
      // put was waking up, letting that put succeed: this check stops the source at the next card
      // instead of a whole chunk later, so the bound on cards read ahead holds.
      if (closed) {
        throw new CancellationException("the bulk load stopped reading cards");
      }
      buffer.add(cvr);
      if (buffer.size() == CHUNK) {
        flush();
      }
    }

    void flush() {
      if (!buffer.isEmpty()) {
        put(buffer);
        buffer = new ArrayList<>(CHUNK);
      }
    }
  }

  private void put(List<Cvr> cards) {
    try {
      queue.put(cards);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("the bulk load stopped reading cards");
    }
  }

  @Override
  public boolean hasNext() {
    while (next == chunk.size()) {
      if (end != null) {
        return false;
      }
      Object o = take();
      if (o instanceof End e) {
        end = e;
        if (e.failure() != null) {
          throw failure(e.failure());
        }
        return false;
      }
      @SuppressWarnings("unchecked")
      List<Cvr> cards = (List<Cvr>) o;
      chunk = cards;
      next = 0;
    }
    return true;
  }

  @Override
  public Cvr next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return chunk.get(next++);
  }

  private Object take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for cards to load", e);
    }
  }

  private static RuntimeException failure(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new StoreException("reading the cards to load failed: " + t.getMessage(), t);
  }

  /**
   * Stops the producer if it is still running and waits for its thread to end. Repeats the
   * interrupt in case the source swallowed one and went on pushing into the full queue.
   */
  @Override
  public void close() {
    closed = true;
    boolean interrupted = false;
    while (producer.isAlive()) {
      producer.interrupt();
      queue.clear();
      try {
        producer.join(100);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
