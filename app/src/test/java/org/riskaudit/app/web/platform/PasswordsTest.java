package org.riskaudit.app.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

  @Test
  void aHashVerifiesItsOwnPasswordAndNoOther() {
    String h = Passwords.hash("correct horse battery staple");
    assertThat(Passwords.verify("correct horse battery staple", h)).isTrue();
    assertThat(Passwords.verify("correct horse battery stapl", h)).isFalse();
    assertThat(Passwords.verify("Correct horse battery staple", h)).isFalse();
    assertThat(Passwords.verify("", h)).isFalse();
  }

  @Test
  void theHashIsAnArgon2idPhcStringWithARandomSaltAndItsParameters() {
    String a = Passwords.hash("same password twice");
    String b = Passwords.hash("same password twice");
    assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("same password");
    assertThat(a.split("\\$")).hasSize(6);
    assertThat(a).isNotEqualTo(b);
    assertThat(Passwords.verify("same password twice", b)).isTrue();
  }

  @Test
  void parametersAreReadFromTheStoredHash() {
    String h = Passwords.hash("parameters travel with the hash");
    // the same salt and output under other parameters is a different hash: it must not verify
    String other = h.replace("m=19456,t=2,p=1", "m=19456,t=3,p=1");
    assertThat(Passwords.verify("parameters travel with the hash", other)).isFalse();
  }

  @Test
  void aTamperedMalformedOrMissingHashNeverVerifies() {
    String h = Passwords.hash("a long enough password");
    String[] parts = h.split("\\$");
    String flipped =
        h.substring(0, h.length() - 2)
            + (h.charAt(h.length() - 2) == 'A' ? 'B' : 'A')
            + h.charAt(h.length() - 1);
    assertThat(Passwords.verify("a long enough password", flipped)).isFalse();
    assertThat(Passwords.verify("a long enough password", h.replace("argon2id", "argon2i")))
        .isFalse();
    assertThat(Passwords.verify("a long enough password", "$argon2id$v=19$" + parts[3])).isFalse();
    assertThat(Passwords.verify("a long enough password", "plain text")).isFalse();
    assertThat(Passwords.verify("a long enough password", null)).isFalse();
  }

  @Test
  void aPasswordShorterThanTwelveCharactersIsRefusedWithTheRule() {
    assertThat(Passwords.weakness("elevenchars", "bob")).contains("at least 12 characters");
    assertThat(Passwords.weakness("twelve chars", "bob")).isNull();
    assertThat(Passwords.weakness("bob.the.admin", "bob.the.admin"))
        .contains("must not be your user name");
  }
}
