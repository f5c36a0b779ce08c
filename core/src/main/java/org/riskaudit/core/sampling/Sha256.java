package org.riskaudit.core.sampling;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of UTF-8 text, as both public samplers use it (sampling brief, "Notes for Java"). */
final class Sha256 {
  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("this JDK has no SHA-256", e);
            }
          });

  private Sha256() {}

  static byte[] digest(String text) {
    return DIGEST.get().digest(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The digest as an unsigned big-endian integer. */
  static BigInteger value(String text) {
    return new BigInteger(1, digest(text));
  }

  /** Lower-case 64-character hex of the digest. */
  static String hex(String text) {
    byte[] d = digest(text);
    StringBuilder b = new StringBuilder(64);
    for (byte x : d) {
      b.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
    }
    return b.toString();
  }
}
