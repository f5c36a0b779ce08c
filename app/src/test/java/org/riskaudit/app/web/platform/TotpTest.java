package org.riskaudit.app.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
  private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256_KEY =
      "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512_KEY =
      "1234567890123456789012345678901234567890123456789012345678901234"
          .getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238 appendix B: every test vector (8 digits, T0 = 0, X = 30). */
  @ParameterizedTest
  @CsvSource({
    "59, 94287082, 46119246, 90693936",
    "1111111109, 07081804, 68084774, 25091201",
    "1111111111, 14050471, 67062674, 99943326",
    "1234567890, 89005924, 91819424, 93441116",
    "2000000000, 69279037, 90698825, 38618901",
    "20000000000, 65353130, 77737706, 47863826"
  })
  void theRfc6238AppendixBVectorsAreReproduced(
      long seconds, String sha1, String sha256, String sha512) {
    long step = Totp.step(Instant.ofEpochSecond(seconds));
    assertThat(Totp.code(SHA1_KEY, step, 8, "HmacSHA1")).isEqualTo(sha1);
    assertThat(Totp.code(SHA256_KEY, step, 8, "HmacSHA256")).isEqualTo(sha256);
    assertThat(Totp.code(SHA512_KEY, step, 8, "HmacSHA512")).isEqualTo(sha512);
  }

  @Test
  void theSixDigitCodeIsTheLastSixDigitsOfTheRfcValueForTheSameKey() {
    String secret = Totp.Base32.encode(SHA1_KEY);
    assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
  }

  @Test
  void base32FollowsRfc4648() {
    assertThat(Totp.Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("MZXW6YTBOI");
    assertThat(Totp.Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
    assertThat(new String(Totp.Base32.decode("mzxw 6ytb oi=="), StandardCharsets.US_ASCII))
        .isEqualTo("foobar");
    String secret = Totp.newSecret();
    assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
    assertThat(Totp.Base32.encode(Totp.Base32.decode(secret))).isEqualTo(secret);
  }

  @Test
  void aCodeOfTheCurrentOrAnAdjacentStepMatchesButNotTwoStepsAway() {
    String secret = Totp.newSecret();
    Instant now = Instant.parse("2024-11-12T15:00:10Z");
    long step = Totp.step(now);
    assertThat(Totp.match(secret, Totp.code(secret, step), now)).hasValue(step);
    assertThat(Totp.match(secret, Totp.code(secret, step - 1), now)).hasValue(step - 1);
    assertThat(Totp.match(secret, Totp.code(secret, step + 1), now)).hasValue(step + 1);
    String farCode = Totp.code(secret, step - 2);
    boolean collides =
        farCode.equals(Totp.code(secret, step))
            || farCode.equals(Totp.code(secret, step - 1))
            || farCode.equals(Totp.code(secret, step + 1));
    if (!collides) {
      assertThat(Totp.match(secret, farCode, now)).isEmpty();
    }
    String spaced =
        Totp.code(secret, step).substring(0, 3) + " " + Totp.code(secret, step).substring(3);
    assertThat(Totp.match(secret, spaced, now)).hasValue(step);
    assertThat(Totp.match(secret, "12345", now)).isEmpty();
    assertThat(Totp.match(secret, "abcdef", now)).isEmpty();
    assertThat(Totp.match(secret, null, now)).isEmpty();
  }

  @Test
  void theEnrollmentUriNamesIssuerAccountAndParameters() {
    assertThat(Totp.uri("RiskAudit", "ann lee", "ABCD"))
        .isEqualTo(
            "otpauth://totp/RiskAudit:ann%20lee?secret=ABCD&issuer=RiskAudit&algorithm=SHA1"
                + "&digits=6&period=30");
  }
}
