package org.riskaudit.app.web;

import io.javalin.http.Context;

/**
 * Sign-in sessions, kept in the store so that any server instance can serve any request. The
 * session cookie is HttpOnly, SameSite=Strict and Secure when served over TLS; sessions expire
 * after a period of inactivity and at an absolute limit (docs/web.md).
 */
public interface Sessions {
  /** Starts a new session for {@code who} (a fresh id, so a fixed pre-login id is worthless). */
  void start(Context ctx, Principal who);

  /** Ends the request's session, if any. */
  void end(Context ctx);
}
