package org.riskaudit.app.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.app.web.Principal;
import org.riskaudit.app.web.Role;
import org.riskaudit.app.web.Route;
import org.riskaudit.app.web.WebModules;

/**
 * Every route of every module ({@link WebModules#routes}) against every kind of caller: the public,
 * a state administrator, county administrators of county A and of county B of the same audit (and
 * of county A in another audit), and audit boards of A and of B. Each request is real HTTP, with
 * the caller's own valid CSRF token on state-changing requests (so a refusal is by role or scope,
 * not by CSRF), and path parameters filled for audit 1, county A. A caller whose role the route
 * does not list, or whose audit or county differs from the path's, must be refused (401, 403, or
 * sent to sign in); an allowed caller must not be refused by the platform's access check. Routes
 * added by any module are covered without changing this test. The matrix is written to
 * target/route-permission-matrix.md.
 */
class RoutePermissionMatrixTest {
  private static final String AUDIT = "audit-1";
  private static final String COUNTY_A = "Alameda";
  private static final String COUNTY_B = "Butte";
  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}|<([^>]+)>");

  @TempDir Path dir;

  /** A caller: null principal for the public. */
  record Caller(String label, Principal principal) {}

  static List<Caller> callers() {
    return callers(1L, 2L);
  }

  static List<Caller> callers(long boardA, long boardB) {
    return List.of(
        new Caller("public", null),
        new Caller("state admin", new Principal(Role.STATE_ADMIN, "sam", null, null, null)),
        new Caller(
            "county admin A", new Principal(Role.COUNTY_ADMIN, "ann", AUDIT, COUNTY_A, null)),
        new Caller(
            "county admin B", new Principal(Role.COUNTY_ADMIN, "bob", AUDIT, COUNTY_B, null)),
        new Caller(
            "county admin A, other audit",
            new Principal(Role.COUNTY_ADMIN, "cy", "audit-2", COUNTY_A, null)),
        new Caller("board A", new Principal(Role.AUDIT_BOARD, "Board A1", AUDIT, COUNTY_A, boardA)),
        new Caller(
            "board B", new Principal(Role.AUDIT_BOARD, "Board B1", AUDIT, COUNTY_B, boardB)));
  }

  /** Whether the platform must refuse {@code who} on {@code route} (filled for audit 1, A). */
  static boolean mustDeny(Route route, Principal who) {
    if (route.access().isPublic()) {
      return false;
    }
    if (who == null || !route.access().allows(who.role())) {
      return true;
    }
    if (who.role() == Role.STATE_ADMIN) {
      return false;
    }
    boolean namesAudit = route.path().contains("{audit}");
    boolean namesCounty = route.path().contains("{county}");
    return (namesAudit && !AUDIT.equals(who.auditId()))
        || (namesCounty && !COUNTY_A.equals(who.county()));
  }

  static String fill(String path) {
    Matcher m = PARAM.matcher(path);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value =
          switch (name) {
            case "audit" -> AUDIT;
            case "county" -> COUNTY_A;
            default -> "1";
          };
      m.appendReplacement(
          b,
          Matcher.quoteReplacement(
              URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
    }
    m.appendTail(b);
    return b.toString().replace("*", "x");
  }

  private static boolean denied(HttpResponse<String> r) {
    int s = r.statusCode();
    String to = WebClient.location(r);
    return s == 401 || s == 403 || (s >= 300 && s < 400 && to != null && to.startsWith("/login"));
  }

  @Test
  void everyRouteRefusesEveryCallerItDoesNotAllowAndAdmitsThoseItDoes() throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> handlerScoped = new ArrayList<>();
    StringBuilder table = new StringBuilder();
    try (WebTestServer s = WebTestServer.sqlite(dir)) {
      s.defineAudit(AUDIT, COUNTY_A, COUNTY_B);
      s.defineAudit("audit-2", COUNTY_A);
      List<Route> routes = WebModules.routes(s.server().context());
      assertThat(routes).as("the application's routes").hasSizeGreaterThanOrEqualTo(10);
      // real audit boards of A and B, so that the board pages see boards that exist
      var boards = s.server().context().boards();
      var members =
          List.of(
              new org.riskaudit.app.web.BoardAccounts.Member("Pat Doe", "DEM"),
              new org.riskaudit.app.web.BoardAccounts.Member("Sam Roe", "REP"));
      long boardA = boards.create(AUDIT, COUNTY_A, "Board A1", members, "test").boardId();
      long boardB = boards.create(AUDIT, COUNTY_B, "Board B1", members, "test").boardId();
      List<Caller> callers = callers(boardA, boardB);
      table
          .append("# Route-permission matrix\n\nGenerated by RoutePermissionMatrixTest: ")
          .append("each cell is the HTTP status for that caller (path parameters filled for ")
          .append(AUDIT)
          .append(", county ")
          .append(COUNTY_A)
          .append("); **bold** = refused by the platform's access check, as required.\n\n")
          .append("| route | allowed |");
      callers.forEach(c -> table.append(' ').append(c.label()).append(" |"));
      table.append("\n|---|---|");
      callers.forEach(c -> table.append("---|"));
      table.append('\n');
      for (Route route : routes) {
        String path = fill(route.path());
        table
            .append("| ")
            .append(route.method())
            .append(' ')
            .append(route.path().replace("|", "\\|"))
            .append(" | ")
            .append(route.access().isPublic() ? "public" : route.access().roles().toString())
            .append(" |");
        boolean byHandler =
            !route.access().isPublic()
                && (route.access().allows(Role.COUNTY_ADMIN)
                    || route.access().allows(Role.AUDIT_BOARD))
                && PARAM
                    .matcher(route.path().replace("{audit}", "").replace("{county}", ""))
                    .find();
        if (byHandler) {
          handlerScoped.add(route.method() + " " + route.path());
        }
        for (Caller caller : callers) {
          WebClient c = caller.principal() == null ? s.client() : s.sessionFor(caller.principal());
          HttpResponse<String> r =
              route.method().name().equals("GET")
                  ? c.get(path)
                  : route.method().name().equals("POST")
                      ? c.post(path, Map.of())
                      : c.send(route.method().name(), path);
          boolean deny = mustDeny(route, caller.principal());
          String cell = Integer.toString(r.statusCode());
          if (deny) {
            if (!denied(r)) {
              problems.add(
                  route.method()
                      + " "
                      + route.path()
                      + ": "
                      + caller.label()
                      + " must be refused but got "
                      + r.statusCode());
            } else {
              cell = "**" + cell + "**";
            }
          } else if (r.headers().firstValue(ErrorPages.DENIED_HEADER).isPresent()) {
            problems.add(
                route.method()
                    + " "
                    + route.path()
                    + ": "
                    + caller.label()
                    + " is allowed but the access check refused it with "
                    + r.statusCode());
          }
          table.append(' ').append(cell).append(" |");
        }
        table.append('\n');
      }
      table
          .append("\nRoutes open to county administrators or audit boards whose other path ")
          .append("parameters (e.g. a board or card) are scoped by the handler, against the ")
          .append("session's county and board:\n\n");
      handlerScoped.forEach(h -> table.append("- ").append(h).append('\n'));
      if (handlerScoped.isEmpty()) {
        table.append("- (none)\n");
      }
    }
    Path out = Path.of("target", "route-permission-matrix.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table.toString());
    assertThat(problems)
        .as("route-permission problems (matrix in " + out.toAbsolutePath() + ")")
        .isEmpty();
  }

  @Test
  void theExpectationItselfDeniesOtherCountiesAndRoles() {
    // the rule the matrix applies, checked on routes of known shape
    Route countyRoute =
        Route.get(
            "/x/{audit}/{county}",
            org.riskaudit.app.web.Access.of(Role.COUNTY_ADMIN, Role.STATE_ADMIN),
            ctx -> {});
    List<Caller> cs = callers();
    Map<String, Boolean> denied = new LinkedHashMap<>();
    cs.forEach(c -> denied.put(c.label(), mustDeny(countyRoute, c.principal())));
    assertThat(denied)
        .containsEntry("public", true)
        .containsEntry("state admin", false)
        .containsEntry("county admin A", false)
        .containsEntry("county admin B", true)
        .containsEntry("county admin A, other audit", true)
        .containsEntry("board A", true)
        .containsEntry("board B", true);
    assertThat(fill("/x/{audit}/{county}/{card}")).isEqualTo("/x/audit-1/Alameda/1");
  }
}
