package org.riskaudit.bench.scale;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the results depend on: processor, memory, disk, JVM, read from this machine. */
final class Machine {
  private Machine() {}

  static String cpu() {
    String model = first(Path.of("/proc/cpuinfo"), "model name");
    return Runtime.getRuntime().availableProcessors()
        + " cores available ("
        + (model == null ? System.getProperty("os.arch") : model)
        + ")";
  }

  static String memory() {
    String total = first(Path.of("/proc/meminfo"), "MemTotal");
    if (total == null) {
      return "unknown";
    }
    long kb = Long.parseLong(total.replaceAll("[^0-9]", ""));
    return String.format("%.1f GiB", kb / 1048576.0);
  }

  /** The file system of {@code dir}: device, type, size, and whether Linux calls it rotational. */
  static String disk(Path dir) {
    try {
      FileStore fs = Files.getFileStore(dir);
      String dev = fs.name();
      String kind = "";
      if (dev.startsWith("/dev/")) {
        Path rot = Path.of("/sys/block", dev.substring(5).replaceAll("p?[0-9]+$", ""), "queue");
        String r = read(rot.resolve("rotational"));
        if (r != null) {
          kind = r.trim().equals("1") ? ", rotational" : ", non-rotational (SSD or virtual)";
        }
      }
      return String.format(
          "%s (%s%s), %d GB, %d GB free at start",
          dev,
          fs.type(),
          kind,
          fs.getTotalSpace() / 1_000_000_000L,
          fs.getUsableSpace() / 1_000_000_000L);
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  static String jvm() {
    var rt = ManagementFactory.getRuntimeMXBean();
    String gc =
        String.join(
            "+",
            ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName)
                .toList());
    return String.format(
        "%s %s (%s), max heap %d MiB, GC %s, flags %s",
        rt.getVmName(),
        System.getProperty("java.runtime.version"),
        System.getProperty("java.vendor"),
        Runtime.getRuntime().maxMemory() >> 20,
        gc,
        rt.getInputArguments());
  }

  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String first(Path file, String key) {
    String text = read(file);
    if (text == null) {
      return null;
    }
    List<String> lines = text.lines().filter(l -> l.startsWith(key)).toList();
    return lines.isEmpty() ? null : lines.get(0).substring(lines.get(0).indexOf(':') + 1).trim();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
