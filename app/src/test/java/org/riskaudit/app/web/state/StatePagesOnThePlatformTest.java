package org.riskaudit.app.web.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.app.audit.AuditDriver;
import org.riskaudit.app.audit.InputImports;
import org.riskaudit.app.web.Principal;
import org.riskaudit.app.web.Role;
import org.riskaudit.app.web.platform.WebClient;
import org.riskaudit.app.web.platform.WebTestServer;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.log.LogEntry;

/**
 * The state pages behind the real server: a state administrator signed in with password and TOTP
 * creates, commits, seeds, draws and publishes through forms that carry the session's CSRF token,
 * and the public page then offers the published record.
 */
class StatePagesOnThePlatformTest {
  @TempDir Path dir;

  @Test
  void aSignedInStateAdministratorCreatesSeedsDrawsAndPublishesAndThePublicPageOffersTheRecord()
      throws Exception {
    Path election =
        AuditDriver.generate(
            dir, "election", "--cards", "2000", "--counties", "2", "--batch-size", "100");
    java.nio.file.Files.createDirectories(dir.resolve("server"));
    try (WebTestServer s = WebTestServer.sqlite(dir.resolve("server"))) {
      String secret = s.createStateAdmin("ana");
      WebClient ana = s.client();
      s.signIn(ana, "ana", secret);

      HttpResponse<String> list = ana.get("/state");
      assertThat(list.statusCode()).isEqualTo(200);
      assertThat(list.headers().firstValue("Content-Security-Policy")).isPresent();
      HttpResponse<String> form = ana.get("/state/audits/new");
      assertThat(form.body()).contains("name=\"csrf\"");

      HttpResponse<String> created =
          ana.post("/state/audits", StatePagesFixture.auditForm("web", "Recall", "0.05"));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(303);

      InputImports imports = new InputImports(s.store(), "web");
      imports.manifest(election.resolve("ballot-manifest.csv"), null, "county:County 1:cy");
      imports.results(election.resolve("reported-results.csv"), null, "county:County 1:cy");
      imports.cvrs(
          List.of(election.resolve("dominion-json")), "auto", null, false, "county:x:y", c -> {});
      assertThat(ana.post("/state/audits/web/commit", Map.of()).statusCode()).isEqualTo(303);
      assertThat(
              ana.post("/state/audits/web/seed", Map.of("seed", StatePagesTest.SEED)).statusCode())
          .isEqualTo(303);
      HttpResponse<String> drawn = ana.post("/state/audits/web/rounds", Map.of("size", "P80"));
      assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(303);
      assertThat(s.store().state("web").stage()).isEqualTo(AuditStage.ROUND_IN_PROGRESS);
      assertThat(ana.get("/state/audits/web/rounds").body()).contains("<svg");
      assertThat(ana.post("/state/audits/web/publish", Map.of()).statusCode()).isEqualTo(303);

      assertThat(
              s.store().logEntries("web").stream()
                  .filter(e -> e.actor().equals("state:ana"))
                  .map(LogEntry::action)
                  .toList())
          .hasSize(5)
          .endsWith("publish");

      HttpResponse<String> pub = s.client().get("/public/audits/web");
      assertThat(pub.statusCode()).isEqualTo(200);
      assertThat(pub.body()).contains("audit-record.json").contains("draws.csv");
      // the public page offers the latest publication's ZIP (with its SHA-256), never the
      // publication's internal index
      assertThat(pub.body()).contains("record.zip").doesNotContain("publication.json");

      WebClient county =
          s.sessionFor(new Principal(Role.COUNTY_ADMIN, "cy", "web", "County 1", null));
      assertThat(county.get("/state/audits/web").statusCode()).isEqualTo(403);
      assertThat(county.post("/state/audits/web/publish", Map.of()).statusCode()).isEqualTo(403);
    }
  }
}
