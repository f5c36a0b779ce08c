package org.riskaudit.app.web;

/** Who a signed-in session acts as (docs/web.md). Anyone not signed in is the public. */
public enum Role {
  /** Runs the statewide audit: creates it, invites counties, runs the seed ceremony and rounds. */
  STATE_ADMIN,
  /** Runs one county's part: uploads, audit boards, retrieval lists, round sign-off. */
  COUNTY_ADMIN,
  /** Two people at a table entering what the sampled cards show; sees only its own cards. */
  AUDIT_BOARD
}
