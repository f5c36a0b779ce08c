package org.riskaudit.app.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.app.cli.Main;
import org.riskaudit.store.Store;
import picocli.CommandLine;

class ServeCommandTest {
  @TempDir Path dir;

  private int run(String stdin, StringWriter out, StringWriter err, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      CommandLine cl = Main.commandLine();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      return cl.execute(args);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void createAdminReadsThePasswordAndPrintsTheAuthenticatorKey() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        run(
            "a long enough password\n",
            out,
            err,
            "serve",
            "--data",
            dir.toString(),
            "--create-admin",
            "sam");
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Created state administrator 'sam'")
        .contains("otpauth://totp/RiskAudit:sam?secret=");
    Matcher m = Pattern.compile("secret=([A-Z2-7]+)&").matcher(out.toString());
    assertThat(m.find()).isTrue();
    String secret = m.group(1);
    try (Store store = Store.open(dir.resolve("riskaudit.db").toString())) {
      var account = new Accounts(store, java.time.Clock.systemUTC()).byName("sam").orElseThrow();
      assertThat(account.role()).isEqualTo("STATE_ADMIN");
      assertThat(account.totpSecret()).isEqualTo(secret);
      assertThat(Passwords.verify("a long enough password", account.passwordHash())).isTrue();
      assertThat(Totp.match(secret, Totp.code(secret, Totp.step(Instant.now())), Instant.now()))
          .isPresent();
    }
  }

  @Test
  void aShortPasswordCreatesNothingAndSaysWhy() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        run("too short\n", out, err, "serve", "--data", dir.toString(), "--create-admin", "sam");
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("at least 12 characters");
    try (Store store = Store.open(dir.resolve("riskaudit.db").toString())) {
      assertThat(new Accounts(store, java.time.Clock.systemUTC()).byName("sam")).isEmpty();
    }
  }
}
