package org.riskaudit.app.web.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password (and passphrase) hashing with Argon2id, stored as a PHC string that carries its own salt
 * and parameters, e.g. {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (base64 without
 * padding). The parameters are OWASP's recommended minimum for Argon2id (19 MiB, 2 passes, 1 lane);
 * a hash made with other parameters still verifies, as they are read from the string.
 */
public final class Passwords {
  /** The shortest password accepted for an administrator. */
  public static final int MIN_LENGTH = 12;

  private static final int MEMORY_KIB = 19_456;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  /** A hash of a password that no one knows, to spend the same time on unknown user names. */
  private static final String DUMMY = hash("no such account: spend the time anyway");

  private Passwords() {}

  /** The encoded Argon2id hash of {@code password} with a fresh random salt. */
  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p="
        + PARALLELISM
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(out);
  }

  /**
   * Whether {@code password} matches {@code encoded} (compared in constant time). A malformed or
   * null hash never matches; a null {@code encoded} still spends the time of one hash.
   */
  public static boolean verify(String password, String encoded) {
    if (encoded == null) {
      verify(password, DUMMY);
      return false;
    }
    String[] parts = encoded.split("\\$");
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    int m = 0;
    int t = 0;
    int p = 0;
    for (String kv : parts[3].split(",")) {
      String[] pair = kv.split("=", 2);
      if (pair.length != 2) {
        return false;
      }
      int v;
      try {
        v = Integer.parseInt(pair[1]);
      } catch (NumberFormatException e) {
        return false;
      }
      switch (pair[0]) {
        case "m" -> m = v;
        case "t" -> t = v;
        case "p" -> p = v;
        default -> {
          return false;
        }
      }
    }
    if (m < 8 || t < 1 || p < 1 || m > 1 << 22 || t > 100 || p > 64) {
      return false;
    }
    byte[] salt;
    byte[] expected;
    try {
      salt = B64D.decode(parts[4]);
      expected = B64D.decode(parts[5]);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (expected.length < 16) {
      return false;
    }
    byte[] actual = derive(password == null ? "" : password, salt, m, t, p, expected.length);
    return MessageDigest.isEqual(actual, expected);
  }

  /**
   * Why {@code password} cannot be an administrator's password, or null when it can: at least
   * {@link #MIN_LENGTH} characters and not the user name.
   */
  public static String weakness(String password, String username) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return "The password must be at least "
          + MIN_LENGTH
          + " characters long; a few unrelated words make a long password that is easy to type.";
    }
    if (username != null && password.equalsIgnoreCase(username)) {
      return "The password must not be your user name.";
    }
    if (password.isBlank()) {
      return "The password must not be only spaces.";
    }
    return null;
  }

  private static byte[] derive(String password, byte[] salt, int m, int t, int p, int length) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(m)
            .withIterations(t)
            .withParallelism(p)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(params);
    byte[] out = new byte[length];
    gen.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
