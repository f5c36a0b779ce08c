package org.riskaudit.bench.scale;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Time and memory of one stage, measured in this process: wall-clock seconds; CPU seconds of the
 * process (all its threads; a database server's CPU is not included); the heap in use after a full
 * GC before the stage; the largest heap in use after any GC during the stage (from GC
 * notifications, plus one full GC at its end while the stage's results are still reachable), an
 * upper bound of what the stage kept alive; and the process's peak resident set (VmHWM of
 * /proc/self/status, reset before the stage through /proc/self/clear_refs where Linux allows it),
 * which also counts native memory such as SQLite's page cache; and the machine's 1-minute load
 * average at the end, which tells how much other work shared the cores.
 */
final class Probe {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
  private static final java.util.Set<String> HEAP_POOLS =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
          .map(java.lang.management.MemoryPoolMXBean::getName)
          .collect(java.util.stream.Collectors.toSet());

  /** What one stage cost. {@code peakRssBytes} is -1 where /proc is unavailable. */
  record Cost(
      double seconds,
      double cpuSeconds,
      long heapBeforeBytes,
      long peakHeapAfterGcBytes,
      long peakRssBytes,
      boolean rssReset,
      double loadAtEnd) {
    double heapGrowthPerCard(long cards) {
      return Math.max(0, peakHeapAfterGcBytes - heapBeforeBytes) / (double) cards;
    }
  }

  /** A stage returning a value that must stay reachable until its memory was measured. */
  interface Stage<T> {
    T run() throws Exception;
  }

  /** The stage's result and its cost. */
  record Measured<T>(T result, Cost cost) {}

  private Probe() {}

  static <T> Measured<T> measure(Stage<T> stage) throws Exception {
    System.gc();
    long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    boolean reset = resetPeakRss();
    AtomicLong peak = new AtomicLong(before);
    List<Runnable> unsubscribe = listen(peak);
    try {
      double cpu0 = cpuSeconds();
      long t0 = System.nanoTime();
      T result = stage.run();
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpu = cpuSeconds() - cpu0;
      System.gc(); // counts what the result (for example a tabulator) still holds
      Thread.sleep(100); // notifications arrive asynchronously
      return new Measured<>(
          result,
          new Cost(seconds, cpu, before, peak.get(), peakRss(), reset, Machine.loadAverage()));
    } finally {
      unsubscribe.forEach(Runnable::run);
    }
  }

  private static List<Runnable> listen(AtomicLong peak) {
    List<Runnable> unsubscribe = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      NotificationEmitter em = (NotificationEmitter) gc;
      NotificationListener l =
          (n, h) -> {
            if (n.getType()
                .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
              long used =
                  GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData())
                      .getGcInfo()
                      .getMemoryUsageAfterGc()
                      .entrySet()
                      .stream()
                      .filter(e -> HEAP_POOLS.contains(e.getKey()))
                      .map(java.util.Map.Entry::getValue)
                      .mapToLong(MemoryUsage::getUsed)
                      .sum();
              peak.accumulateAndGet(used, Math::max);
            }
          };
      em.addNotificationListener(l, null, null);
      unsubscribe.add(
          () -> {
            try {
              em.removeNotificationListener(l);
            } catch (ListenerNotFoundException e) {
              throw new IllegalStateException(e);
            }
          });
    }
    return unsubscribe;
  }

  /** Resets VmHWM to the current RSS (Linux 4.0+: write "5" to clear_refs); false if refused. */
  private static boolean resetPeakRss() {
    try {
      Files.writeString(CLEAR_REFS, "5");
      return true;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /** CPU time of this process (all threads, including GC and JIT), in seconds. */
  static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  static long peakRss() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: reported as unavailable
    }
    return -1;
  }
}
