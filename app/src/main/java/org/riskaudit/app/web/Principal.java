package org.riskaudit.app.web;

/**
 * The signed-in party of a request, read from its session (never from the request's own fields).
 *
 * @param role what the session may do
 * @param name the user name (administrators) or the board's name (audit boards), for the log
 * @param auditId the audit a county administrator or board belongs to; null for a state admin
 * @param county the county of a county administrator or board; null for a state admin
 * @param boardId the audit board's id; null unless {@code role} is {@link Role#AUDIT_BOARD}
 */
public record Principal(Role role, String name, String auditId, String county, Long boardId) {

  /** The actor written to the activity log, e.g. {@code county:Alameda:jsmith}. */
  public String actor() {
    return switch (role) {
      case STATE_ADMIN -> "state:" + name;
      case COUNTY_ADMIN -> "county:" + county + ":" + name;
      case AUDIT_BOARD -> "board:" + county + ":" + name;
    };
  }
}
