package org.riskaudit.app.record;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.formats.nist.NistJsonWriter;
import org.riskaudit.store.Store;

/** Every committed CVR, one NIST CDF file per county, streamed from the store in two passes. */
final class AllCvrs {
  private final Store store;
  private final AuditSnapshot s;

  AllCvrs(Store store, AuditSnapshot s) {
    this.store = store;
    this.s = s;
  }

  void write(Path folder) throws IOException {
    // First pass: every contest and choice that occurs (definitions must precede the CVRs).
    DefinitionScan scan = new DefinitionScan();
    store.cards().forEach(s.auditId(), scan::accept);
    CvrDefinitions defs = CvrDefinitions.of(store, s, scan.samples());
    Files.createDirectories(folder);
    String[] county = {null};
    OutputStream[] os = {null};
    NistJsonWriter[] w = {null};
    try {
      store
          .cards()
          .forEach(
              s.auditId(),
              c -> {
                try {
                  if (!c.location().county().equals(county[0])) {
                    close(w[0], os[0]);
                    county[0] = c.location().county();
                    os[0] = Files.newOutputStream(folder.resolve(county[0] + ".json"));
                    w[0] = new NistJsonWriter(os[0], s.config().election(), defs.contests());
                  }
                  w[0].write(c);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      close(w[0], os[0]);
    }
  }

  private static void close(NistJsonWriter w, OutputStream os) throws IOException {
    if (w != null) {
      w.close();
    }
    if (os != null) {
      os.close();
    }
  }

  /** Keeps one card per distinct (contest, choice) seen, enough to define them all. */
  private static final class DefinitionScan {
    private final java.util.Set<String> seen = new java.util.HashSet<>();
    private final List<Cvr> samples = new ArrayList<>();

    void accept(Cvr c) {
      boolean added = false;
      for (var e : c.contests().entrySet()) {
        String key = e.getKey() + "\u0000" + e.getValue().choices().size();
        added |= seen.add(key);
        for (String choice : e.getValue().choices()) {
          added |= seen.add(e.getKey() + "\u0000\u0000" + choice);
        }
      }
      if (added) {
        samples.add(c);
      }
    }

    List<Cvr> samples() {
      return samples;
    }
  }
}
