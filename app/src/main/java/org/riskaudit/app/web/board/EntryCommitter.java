package org.riskaudit.app.web.board;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.riskaudit.app.audit.RecordingService;
import org.riskaudit.store.Store;
import org.riskaudit.store.WriteResult;
import org.riskaudit.store.web.BoardSubmissionDao;
import org.riskaudit.store.web.BoardSubmissionRow;

/**
 * Group commit of board entries: the entries that arrive while a commit is in progress wait in a
 * queue, and one writer thread per store records each batch in one transaction (through {@link
 * RecordingService#recordCards}) with one durable commit. Each request waits for its entry's
 * result, so an entry is acknowledged only after the commit that holds it. On SQLite, with one
 * writer and a synchronous commit, this turns the commits' fsyncs from one per entry into one per
 * batch; writes of this process are also never in conflict with each other.
 *
 * <p>A batch that fails as a whole (an exception, e.g. a submission id inserted meanwhile by
 * another server instance) is retried entry by entry, so one entry never fails the others. The
 * queue is in memory only while requests wait for their answer: an entry not yet committed when the
 * server dies was not acknowledged, and the client sends it again.
 */
final class EntryCommitter {
  /** At most this many entries per transaction. */
  static final int MAX_BATCH = 200;

  record Job(
      RecordingService.Entry entry,
      BoardSubmissionRow submission,
      int round,
      Map<String, Set<String>> choices,
      CompletableFuture<WriteResult> result) {}

  private static final Map<Store, EntryCommitter> BY_STORE = new IdentityHashMap<>();

  private final Store store;
  private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();

  private EntryCommitter(Store store) {
    this.store = store;
    Thread t = new Thread(this::run, "riskaudit-entry-commit");
    t.setDaemon(true);
    t.start();
  }

  static synchronized EntryCommitter of(Store store) {
    return BY_STORE.computeIfAbsent(store, EntryCommitter::new);
  }

  /** Records the entry in the next batch and waits for its commit (or refusal). */
  WriteResult record(
      RecordingService.Entry entry,
      BoardSubmissionRow submission,
      int round,
      Map<String, Set<String>> choices) {
    Job job = new Job(entry, submission, round, choices, new CompletableFuture<>());
    queue.add(job);
    try {
      return job.result().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the entry was being saved", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void run() {
    while (true) {
      List<Job> batch = new ArrayList<>();
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      try {
        commit(batch);
      } catch (Throwable t) {
        batch.forEach(j -> j.result().completeExceptionally(t));
      }
    }
  }

  private void commit(List<Job> batch) {
    // A submission id twice in one batch (a re-send while the first is waiting): the copy is
    // recorded in its own transaction after the batch, where it finds the first and is refused
    // by the primary key; the caller then answers "already recorded".
    List<Job> first = new ArrayList<>();
    List<Job> copies = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Job j : batch) {
      (ids.add(j.submission().submissionId()) ? first : copies).add(j);
    }
    if (!first.isEmpty()) {
      try {
        List<WriteResult> results = write(first);
        for (int i = 0; i < first.size(); i++) {
          first.get(i).result().complete(results.get(i));
        }
      } catch (RuntimeException whole) {
        if (first.size() == 1) {
          first.get(0).result().completeExceptionally(whole);
        } else {
          for (Job j : first) {
            single(j);
          }
        }
      }
    }
    copies.forEach(this::single);
  }

  private void single(Job j) {
    try {
      j.result().complete(write(List.of(j)).get(0));
    } catch (RuntimeException e) {
      j.result().completeExceptionally(e);
    }
  }

  private List<WriteResult> write(List<Job> jobs) {
    List<RecordingService.Entry> entries = new ArrayList<>(jobs.size());
    for (Job j : jobs) {
      BoardSubmissionRow sub = j.submission();
      entries.add(
          new RecordingService.Entry(
              j.entry().card(),
              j.entry().defaultBoard(),
              h -> h.attach(BoardSubmissionDao.class).insert(sub)));
    }
    // every job of a batch is for the same store; audits and rounds may differ
    return jobs.stream().map(Job::submission).map(BoardSubmissionRow::auditId).distinct().count()
                == 1
            && jobs.stream().map(Job::round).distinct().count() == 1
        ? new RecordingService(store, jobs.get(0).submission().auditId())
            .recordCards(entries, jobs.get(0).round(), jobs.get(0).choices())
        : mixed(jobs, entries);
  }

  private List<WriteResult> mixed(List<Job> jobs, List<RecordingService.Entry> entries) {
    List<WriteResult> out = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      Job j = jobs.get(i);
      out.add(
          new RecordingService(store, j.submission().auditId())
              .recordCards(List.of(entries.get(i)), j.round(), j.choices())
              .get(0));
    }
    return out;
  }
}
