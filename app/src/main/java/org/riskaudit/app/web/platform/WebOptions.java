package org.riskaudit.app.web.platform;

import java.time.Clock;
import java.time.Duration;

/**
 * Settings of a web server instance (docs/web.md). Every instance sharing a database should use the
 * same values.
 *
 * @param clock the clock for sessions, throttling and log entries
 * @param secureCookies mark the session cookie Secure even when the request arrived over plain HTTP
 *     (behind a load balancer that terminates TLS); requests over HTTPS always get Secure
 * @param trustForwardedFor take the client address for throttling from the first {@code
 *     X-Forwarded-For} entry (only behind a proxy that sets it)
 * @param adminIdle an administrator's session ends after this long without a request
 * @param adminAbsolute and in any case this long after sign-in
 * @param boardIdle an audit board's session ends after this long without a request
 * @param boardAbsolute and in any case this long after sign-in
 */
public record WebOptions(
    Clock clock,
    boolean secureCookies,
    boolean trustForwardedFor,
    Duration adminIdle,
    Duration adminAbsolute,
    Duration boardIdle,
    Duration boardAbsolute) {

  /** 30 minutes idle / 12 hours for administrators, 12 hours idle / 16 hours for boards. */
  public static WebOptions defaults(Clock clock) {
    return new WebOptions(
        clock,
        false,
        false,
        Duration.ofMinutes(30),
        Duration.ofHours(12),
        Duration.ofHours(12),
        Duration.ofHours(16));
  }

  public WebOptions withSecureCookies(boolean secure) {
    return new WebOptions(
        clock, secure, trustForwardedFor, adminIdle, adminAbsolute, boardIdle, boardAbsolute);
  }

  public WebOptions withTrustForwardedFor(boolean trust) {
    return new WebOptions(
        clock, secureCookies, trust, adminIdle, adminAbsolute, boardIdle, boardAbsolute);
  }

  public WebOptions withAdminIdle(Duration idle) {
    return new WebOptions(
        clock, secureCookies, trustForwardedFor, idle, adminAbsolute, boardIdle, boardAbsolute);
  }

  public WebOptions withBoardIdle(Duration idle) {
    return new WebOptions(
        clock, secureCookies, trustForwardedFor, adminIdle, adminAbsolute, idle, boardAbsolute);
  }
}
