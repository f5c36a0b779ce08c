package org.riskaudit.app.web.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, 6 digits, as
 * every authenticator app uses by default. Codes of the previous and next step are also accepted
 * (clock drift); the caller refuses a step already used ({@code web_user.totp_last_step}).
 */
public final class Totp {
  public static final int STEP_SECONDS = 30;
  public static final int DIGITS = 6;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A new random 160-bit secret, base32 without padding (32 characters). */
  public static String newSecret() {
    byte[] key = new byte[20];
    RANDOM.nextBytes(key);
    return Base32.encode(key);
  }

  /** The time step containing {@code at}. */
  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of {@code step} for a raw key, with {@code digits} digits and the given HMAC. */
  public static String code(byte[] key, long step, int digits, String hmac) {
    try {
      Mac mac = Mac.getInstance(hmac);
      mac.init(new SecretKeySpec(key, hmac));
      byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
      int offset = h[h.length - 1] & 0x0f;
      int binary =
          ((h[offset] & 0x7f) << 24)
              | ((h[offset + 1] & 0xff) << 16)
              | ((h[offset + 2] & 0xff) << 8)
              | (h[offset + 3] & 0xff);
      int mod = 1;
      for (int i = 0; i < digits; i++) {
        mod *= 10;
      }
      String s = Integer.toString(binary % mod);
      return "0".repeat(digits - s.length()) + s;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC " + hmac + " unavailable", e);
    }
  }

  /** The 6-digit HMAC-SHA1 code of a base32 secret at {@code step}. */
  public static String code(String base32Secret, long step) {
    return code(Base32.decode(base32Secret), step, DIGITS, "HmacSHA1");
  }

  /**
   * The step whose code {@code code} is, among the step of {@code now} and one either side; empty
   * when none matches. Every candidate is compared in constant time.
   */
  public static OptionalLong match(String base32Secret, String code, Instant now) {
    if (code == null) {
      return OptionalLong.empty();
    }
    String typed = code.replaceAll("[\\s-]", "");
    if (!typed.matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    byte[] key = Base32.decode(base32Secret);
    long current = step(now);
    long found = -1;
    for (long s = current - 1; s <= current + 1; s++) {
      byte[] expected = code(key, s, DIGITS, "HmacSHA1").getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, typed.getBytes(StandardCharsets.US_ASCII)) && found < 0) {
        found = s;
      }
    }
    return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
  }

  /** The otpauth:// URI an authenticator app reads (as text or from a QR code). */
  public static String uri(String issuer, String account, String base32Secret) {
    String label = enc(issuer) + ":" + enc(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32Secret
        + "&issuer="
        + enc(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  /** The secret in groups of four, easier to type into an app. */
  public static String grouped(String base32Secret) {
    return base32Secret.replaceAll("(.{4})(?=.)", "$1 ");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** RFC 4648 base32 (A-Z, 2-7), without padding; decoding ignores spaces, case and padding. */
  public static final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {}

    public static String encode(byte[] data) {
      StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
      int buffer = 0;
      int bits = 0;
      for (byte b : data) {
        buffer = (buffer << 8) | (b & 0xff);
        bits += 8;
        while (bits >= 5) {
          out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
          bits -= 5;
        }
      }
      if (bits > 0) {
        out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
      }
      return out.toString();
    }

    public static byte[] decode(String text) {
      String s = text.replaceAll("[\\s=-]", "").toUpperCase(java.util.Locale.ROOT);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      int buffer = 0;
      int bits = 0;
      for (int i = 0; i < s.length(); i++) {
        int v = ALPHABET.indexOf(s.charAt(i));
        if (v < 0) {
          throw new IllegalArgumentException("not base32: '" + s.charAt(i) + "'");
        }
        buffer = (buffer << 5) | v;
        bits += 5;
        if (bits >= 8) {
          out.write((buffer >> (bits - 8)) & 0xff);
          bits -= 8;
        }
      }
      return out.toByteArray();
    }
  }
}
