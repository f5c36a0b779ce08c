package org.riskaudit.app.web.board;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Audit-board passphrases: the board's number followed by five words drawn uniformly from 4,096
 * pronounceable made-up words (60 bits), e.g. {@code 12 bako tire lupo ziva henu}. The word list is
 * generated, not copied: every consonant-vowel-consonant-vowel combination of 16 consonants and 4
 * vowels. Stored only as an Argon2id hash in the PHC string format (19 MiB, 2 passes, 1 lane:
 * OWASP's minimum), the same format as the administrators' passwords.
 */
public final class Passphrases {
  static final String CONSONANTS = "bdfghjklmnprstvz";
  static final String VOWELS = "aeio";
  static final int WORDS = 5;
  private static final int MEMORY_KIB = 19_456;
  private static final int ITERATIONS = 2;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  /**
   * At most two hashes at a time: each takes 19 MiB, and sign-ins must not exhaust the server's
   * memory or starve the entry of CPU when many boards sign in together.
   */
  private static final Semaphore HASHING = new Semaphore(2, true);

  private Passphrases() {}

  /** The generated word list (4,096 words, in a fixed order). */
  public static List<String> wordList() {
    List<String> out = new ArrayList<>(4096);
    for (char a : CONSONANTS.toCharArray()) {
      for (char b : VOWELS.toCharArray()) {
        for (char c : CONSONANTS.toCharArray()) {
          for (char d : VOWELS.toCharArray()) {
            out.add("" + a + b + c + d);
          }
        }
      }
    }
    return out;
  }

  /** The secret part of a new passphrase: five random words. */
  public static String generateWords() {
    List<String> words = wordList();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < WORDS; i++) {
      b.append(i == 0 ? "" : " ").append(words.get(RANDOM.nextInt(words.size())));
    }
    return b.toString();
  }

  /** The words of a typed passphrase, without its leading board number. */
  public static String words(String typed) {
    String t = normalise(typed);
    return boardNumber(t) < 0 ? t : t.substring(t.indexOf(' ') + 1).trim();
  }

  /** The board number a typed passphrase starts with, or -1 when it does not start with one. */
  public static long boardNumber(String typed) {
    String t = normalise(typed);
    int sp = t.indexOf(' ');
    String first = sp < 0 ? t : t.substring(0, sp);
    if (sp < 0
        || first.isEmpty()
        || first.length() > 15
        || !first.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(first);
  }

  /** Lower case, single spaces, no dashes: what is hashed and compared. */
  static String normalise(String typed) {
    if (typed == null) {
      return "";
    }
    return typed.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-_.,]+", " ").trim();
  }

  /** The stored hash of a passphrase's words (the board number is not secret and not hashed). */
  public static String hash(String words) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] out = derive(words(words), salt, MEMORY_KIB, ITERATIONS, 1, 32);
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p=1$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(out);
  }

  /** Whether the words of {@code typed} match {@code encoded} (constant-time comparison). */
  public static boolean verify(String typed, String encoded) {
    String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
    if (parts.length != 6 || !parts[1].equals("argon2id")) {
      return false;
    }
    int m = 0;
    int t = 0;
    int p = 0;
    try {
      for (String kv : parts[3].split(",")) {
        String[] pair = kv.split("=", 2);
        int v = Integer.parseInt(pair[1]);
        switch (pair[0]) {
          case "m" -> m = v;
          case "t" -> t = v;
          case "p" -> p = v;
          default -> {
            return false;
          }
        }
      }
      byte[] salt = Base64.getDecoder().decode(parts[4]);
      byte[] expected = Base64.getDecoder().decode(parts[5]);
      if (m < 8 || m > 1 << 22 || t < 1 || t > 100 || p < 1 || p > 64 || expected.length < 16) {
        return false;
      }
      return MessageDigest.isEqual(derive(words(typed), salt, m, t, p, expected.length), expected);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static byte[] derive(String secret, byte[] salt, int m, int t, int p, int length) {
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
    HASHING.acquireUninterruptibly();
    try {
      gen.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
    } finally {
      HASHING.release();
    }
    return out;
  }
}
