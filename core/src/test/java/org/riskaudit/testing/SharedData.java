package org.riskaudit.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the read-only public data in {@code ../shared/data} beside the project root. Tests read
 * it in place and skip, with a message that says so, when it is absent. Never copy these files into
 * the project.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared data folder (it may not exist). */
  public static Path root() {
    String configured = System.getProperty("riskaudit.shared.data");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("mvnw")) && Files.isDirectory(d.resolve("core"))) {
        return d.resolveSibling("shared").resolve("data");
      }
    }
    return dir.resolveSibling("shared").resolve("data");
  }

  /** A path under the shared data folder; skips the calling test when it does not exist. */
  public static Path require(String relative) {
    Path p = root().resolve(relative);
    Assumptions.assumeTrue(
        Files.exists(p),
        () ->
            "skipped: shared test data "
                + p
                + " is absent (expected ../shared/data beside the"
                + " project root)");
    return p;
  }
}
