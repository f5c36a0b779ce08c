package org.riskaudit.app.web;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may use a route. Checked before every handler by the server (never by the handler alone).
 *
 * <p>Scoping by path parameter: when a route's path has {@code {audit}}, a county administrator or
 * board may only use it for its own audit; when it has {@code {county}}, only for its own county (a
 * state administrator may use any county's route that lists STATE_ADMIN). Audit-board routes act on
 * the board in the session, so a board cannot name another board's cards.
 *
 * @param roles the roles allowed; empty means public (no sign-in needed)
 */
public record Access(Set<Role> roles) {
  public Access {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public static final Access PUBLIC = new Access(Set.of());

  public static Access of(Role first, Role... rest) {
    return new Access(EnumSet.of(first, rest));
  }

  public boolean isPublic() {
    return roles.isEmpty();
  }

  public boolean allows(Role role) {
    return roles.contains(role);
  }
}
