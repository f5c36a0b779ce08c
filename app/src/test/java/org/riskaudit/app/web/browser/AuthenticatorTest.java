package org.riskaudit.app.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The test's own authenticator agrees with RFC 6238's published SHA-1 vectors. */
class AuthenticatorTest {
  // "12345678901234567890" in base32, as an enrolment page would show it (grouped by four).
  private final Authenticator app = new Authenticator("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");

  @Test
  void theCodesAreTheRfcVectorsLastSixDigits() {
    assertThat(app.code(Authenticator.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    assertThat(app.code(Authenticator.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
    assertThat(app.code(Authenticator.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
  }
}
