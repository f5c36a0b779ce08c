package org.riskaudit.app.web.board;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import org.riskaudit.app.web.platform.Passwords;

/**
 * Audit-board passphrases: the board's number followed by five words drawn uniformly from 4,096
 * pronounceable made-up words (60 bits), e.g. {@code 12 bako tire lupo ziva henu}. The word list is
 * generated, not copied: every consonant-vowel-consonant-vowel combination of 16 consonants and 4
 * vowels. Stored only as an Argon2id hash, exactly as the administrators' passwords ({@link
 * Passwords}: 19 MiB, 2 passes, 1 lane).
 */
public final class Passphrases {
  static final String CONSONANTS = "bdfghjklmnprstvz";
  static final String VOWELS = "aeio";
  static final int WORDS = 5;
  private static final SecureRandom RANDOM = new SecureRandom();

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

  /**
   * The stored hash of a passphrase's words (the board number is not secret and not hashed), in the
   * administrators' password format ({@link Passwords}).
   */
  public static String hash(String words) {
    HASHING.acquireUninterruptibly();
    try {
      return Passwords.hash(words(words));
    } finally {
      HASHING.release();
    }
  }

  /** Whether the words of {@code typed} match {@code encoded} (constant-time comparison). */
  public static boolean verify(String typed, String encoded) {
    HASHING.acquireUninterruptibly();
    try {
      return Passwords.verify(words(typed), encoded);
    } finally {
      HASHING.release();
    }
  }
}
