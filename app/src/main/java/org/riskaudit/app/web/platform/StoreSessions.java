package org.riskaudit.app.web.platform;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.riskaudit.app.web.Principal;
import org.riskaudit.app.web.Role;
import org.riskaudit.app.web.Sessions;
import org.riskaudit.app.web.WebRequest;
import org.riskaudit.store.Store;
import org.riskaudit.store.web.SessionDao;
import org.riskaudit.store.web.SessionDao.SessionRow;

/**
 * Sessions kept in the store (table web_session), so any server instance serves any request. The
 * cookie {@value #COOKIE} carries 256 random bits; only their SHA-256 is stored. A session ends
 * after a period without requests (idle) and at an absolute limit after sign-in, whichever comes
 * first; signing out deletes its row. A half-finished sign-in (password accepted, second factor or
 * first-time setup still due) is a "pending" session that grants no role.
 */
public final class StoreSessions implements Sessions {
  public static final String COOKIE = "riskaudit_session";

  /** Request attribute: the {@link Pending} sign-in of the request, if any. */
  static final String PENDING = "riskaudit.pending";

  /** Request attribute set when the request's session had expired (the sign-in page says so). */
  static final String EXPIRED = "riskaudit.expired";

  private static final String PENDING_TOTP = "PENDING_TOTP";
  private static final String PENDING_SETUP = "PENDING_SETUP";
  private static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);

  /** Sessions are re-stamped at most this often (idle expiry is exact to within it). */
  private static final Duration TOUCH_EVERY = Duration.ofSeconds(60);

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A sign-in that passed the password step; {@code setup}: first-time password/TOTP due. */
  record Pending(long userId, String username, boolean setup) {}

  private final Store store;
  private final WebOptions options;
  private final SessionTouches touches;

  public StoreSessions(Store store, WebOptions options) {
    this.store = store;
    this.options = options;
    this.touches = new SessionTouches(store);
  }

  /** Writes the pending session touches and stops their timer (the server is stopping). */
  void close() {
    touches.close();
  }

  private SessionDao dao() {
    return store.jdbi().onDemand(SessionDao.class);
  }

  @Override
  public void start(Context ctx, Principal who) {
    Duration idle = who.role() == Role.AUDIT_BOARD ? options.boardIdle() : options.adminIdle();
    Duration absolute =
        who.role() == Role.AUDIT_BOARD ? options.boardAbsolute() : options.adminAbsolute();
    String csrf =
        create(
            ctx,
            who.role().name(),
            who.name(),
            who.auditId(),
            who.county(),
            who.boardId(),
            null,
            idle,
            absolute);
    ctx.attribute(WebRequest.PRINCIPAL, who);
    ctx.attribute(WebRequest.CSRF, csrf);
    ctx.attribute(PENDING, null);
  }

  /** Starts a session for a user who passed the password step only, for the TOTP or setup step. */
  void startPending(Context ctx, long userId, String username, boolean setup) {
    String csrf =
        create(
            ctx,
            setup ? PENDING_SETUP : PENDING_TOTP,
            username,
            null,
            null,
            null,
            userId,
            PENDING_LIFETIME,
            PENDING_LIFETIME);
    ctx.attribute(WebRequest.PRINCIPAL, null);
    ctx.attribute(WebRequest.CSRF, csrf);
    ctx.attribute(PENDING, new Pending(userId, username, setup));
  }

  /** A full session for an administrator account after both factors. */
  void startForAccount(Context ctx, Principal who, long userId) {
    Duration idle = options.adminIdle();
    String csrf =
        create(
            ctx,
            who.role().name(),
            who.name(),
            who.auditId(),
            who.county(),
            null,
            userId,
            idle,
            options.adminAbsolute());
    ctx.attribute(WebRequest.PRINCIPAL, who);
    ctx.attribute(WebRequest.CSRF, csrf);
    ctx.attribute(PENDING, null);
  }

  private String create(
      Context ctx,
      String role,
      String name,
      String auditId,
      String county,
      Long boardId,
      Long userId,
      Duration idle,
      Duration absolute) {
    // A fresh id at every sign-in step: an id known before sign-in (fixation) is worthless after.
    deleteCurrent(ctx);
    Instant now = options.clock().instant();
    String id = random(32);
    String csrf = random(32);
    Instant expires = min(now.plus(idle), now.plus(absolute));
    dao()
        .insert(
            new SessionRow(
                sha256(id),
                role,
                name,
                auditId,
                county,
                boardId,
                userId,
                csrf,
                WebTime.format(now),
                WebTime.format(now),
                WebTime.format(expires)));
    setCookie(ctx, id);
    touches.flushQuietly(); // so that no session used in the last second looks expired
    dao().purgeExpired(WebTime.format(now));
    return csrf;
  }

  @Override
  public void end(Context ctx) {
    deleteCurrent(ctx);
    clearCookie(ctx);
    ctx.attribute(WebRequest.PRINCIPAL, null);
    ctx.attribute(WebRequest.CSRF, null);
    ctx.attribute(PENDING, null);
  }

  private void deleteCurrent(Context ctx) {
    String id = ctx.cookie(COOKIE);
    if (id != null && !id.isEmpty()) {
      String hash = sha256(id);
      touches.forget(hash);
      dao().delete(hash);
    }
  }

  /**
   * Reads the request's session from the store and attaches the principal (or pending sign-in) and
   * the CSRF token to the request; an expired session is deleted and ignored.
   */
  void load(Context ctx) {
    String id = ctx.cookie(COOKIE);
    if (id == null || id.isEmpty() || id.length() > 100) {
      return;
    }
    String hash = sha256(id);
    Optional<SessionRow> found = dao().find(hash);
    if (found.isEmpty()) {
      ctx.attribute(EXPIRED, true);
      return;
    }
    SessionRow row = found.get();
    Instant now = options.clock().instant();
    Instant lastSeen = WebTime.parse(row.lastSeenAt());
    Instant expiresAt = WebTime.parse(row.expiresAt());
    SessionTouches.Touch unwritten = touches.pending(hash);
    if (unwritten != null && unwritten.lastSeen().isAfter(lastSeen)) {
      lastSeen = unwritten.lastSeen();
      expiresAt = unwritten.expires();
    }
    if (!now.isBefore(expiresAt)) {
      touches.forget(hash);
      dao().delete(hash);
      ctx.attribute(EXPIRED, true);
      return;
    }
    ctx.attribute(WebRequest.CSRF, row.csrfToken());
    if (row.role().equals(PENDING_TOTP) || row.role().equals(PENDING_SETUP)) {
      ctx.attribute(
          PENDING, new Pending(row.userId(), row.name(), row.role().equals(PENDING_SETUP)));
      return;
    }
    Role role = Role.valueOf(row.role());
    ctx.attribute(
        WebRequest.PRINCIPAL,
        new Principal(role, row.name(), row.auditId(), row.county(), row.boardId()));
    if (Duration.between(lastSeen, now).compareTo(TOUCH_EVERY) >= 0) {
      Duration idle = role == Role.AUDIT_BOARD ? options.boardIdle() : options.adminIdle();
      Duration absolute =
          role == Role.AUDIT_BOARD ? options.boardAbsolute() : options.adminAbsolute();
      Instant expires = min(now.plus(idle), WebTime.parse(row.createdAt()).plus(absolute));
      touches.touch(hash, now, expires);
    }
  }

  /** The request's half-finished sign-in, if any (after {@link #load}). */
  static Optional<Pending> pending(Context ctx) {
    return Optional.ofNullable(ctx.attribute(PENDING));
  }

  /**
   * The client's address for throttling: the connection's, or the first {@code X-Forwarded-For}
   * entry when the server is configured to trust its proxy.
   */
  String clientAddress(Context ctx) {
    if (options.trustForwardedFor()) {
      String f = ctx.header("X-Forwarded-For");
      if (f != null && !f.isBlank()) {
        return f.split(",")[0].trim();
      }
    }
    return ctx.ip();
  }

  private void setCookie(Context ctx, String id) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            COOKIE
                + "="
                + id
                + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure(ctx) ? "; Secure" : ""));
  }

  private void clearCookie(Context ctx) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            COOKIE
                + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secure(ctx) ? "; Secure" : ""));
  }

  private boolean secure(Context ctx) {
    return options.secureCookies() || "https".equalsIgnoreCase(ctx.scheme());
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
