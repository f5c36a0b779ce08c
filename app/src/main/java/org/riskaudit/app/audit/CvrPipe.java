package org.riskaudit.app.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.formats.cvr.CvrImportResult;
import org.riskaudit.formats.cvr.CvrImporter;

/**
 * Runs an importer on its own thread and hands its cards to a consumer thread as an iterator, so
 * that parsing and storing overlap and memory stays bounded (a queue of 8,192 cards). The iterator
 * ends when the importer ends; it throws when the importer failed or reported errors, so a
 * transaction consuming it rolls back and nothing half-imported remains.
 */
final class CvrPipe implements Iterator<Cvr>, AutoCloseable {
  /** The end-of-stream marker (compared by identity). */
  private static final Cvr END =
      new Cvr(new org.riskaudit.core.card.CardLocation("-", "", "", 1), "", "", "", Map.of());

  private final BlockingQueue<Cvr> queue = new ArrayBlockingQueue<>(8192);
  private final Thread thread;
  private final Consumer<Cvr> observer;
  private volatile CvrImportResult result;
  private volatile Throwable failure;
  private Cvr next;
  private boolean done;

  CvrPipe(CvrImporter importer, List<Path> inputs, Consumer<Cvr> observer) {
    this.observer = observer;
    this.thread =
        new Thread(
            () -> {
              try {
                result = importer.read(inputs, this::put);
              } catch (IOException e) {
                failure = new UncheckedIOException(e);
              } catch (RuntimeException | Error e) {
                failure = e;
              } finally {
                putQuietly(END);
              }
            },
            "cvr-import");
    thread.setDaemon(true);
    thread.start();
  }

  private void put(Cvr c) {
    try {
      queue.put(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("import interrupted", e);
    }
  }

  private void putQuietly(Cvr c) {
    try {
      queue.put(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (done) {
      return false;
    }
    try {
      Cvr c = queue.take();
      if (c == END) {
        done = true;
        thread.join();
        if (failure != null) {
          throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
        }
        if (result != null && result.hasErrors()) {
          throw new ImportFailed(result);
        }
        return false;
      }
      observer.accept(c);
      next = c;
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("import interrupted", e);
    }
  }

  @Override
  public Cvr next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Cvr c = next;
    next = null;
    return c;
  }

  /** The importer's result, once the iterator has ended. */
  CvrImportResult result() {
    return result;
  }

  /** Stops the importer if the consumer gave up early (its blocked put is interrupted). */
  @Override
  public void close() {
    if (!done) {
      thread.interrupt();
      queue.clear();
    }
  }

  /** The importer finished with errors: the cards must not be used. */
  static final class ImportFailed extends RuntimeException {
    final transient CvrImportResult result;

    ImportFailed(CvrImportResult result) {
      super("the CVR export has errors");
      this.result = result;
    }
  }
}
