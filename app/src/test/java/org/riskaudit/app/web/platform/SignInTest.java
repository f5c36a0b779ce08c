package org.riskaudit.app.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInTest {
  @TempDir Path dir;

  @Test
  void aStateAdministratorSignsInWithPasswordAndCodeAndOut() {
    try (WebTestServer s = WebTestServer.sqlite(dir)) {
      String secret = s.createStateAdmin("alice");
      WebClient c = s.client();
      assertThat(c.get("/home").statusCode()).isEqualTo(302);
      assertThat(WebClient.location(c.get("/home"))).startsWith("/login");
      HttpResponse<String> done = s.signIn(c, "alice", secret);
      assertThat(WebClient.location(done)).isEqualTo("/home");
      HttpResponse<String> home = c.get("/home");
      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(home.body()).contains("state:alice");
      HttpResponse<String> out = c.post("/logout", Map.of());
      assertThat(WebClient.location(out)).isEqualTo("/login?m=signed-out");
      assertThat(c.get("/home").statusCode()).isEqualTo(302);
    }
  }
}
