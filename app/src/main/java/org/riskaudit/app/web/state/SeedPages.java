package org.riskaudit.app.web.state;

import static org.riskaudit.app.web.Html.esc;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.RoundService;
import org.riskaudit.app.web.Page;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebRequest;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditState;
import org.riskaudit.core.audit.Seed;

/**
 * The public seed ceremony: the digits rolled on dice are entered once (the lifecycle refuses any
 * second seed), and a large-print page shows the seed and {@code sha256_hex(seed)}, the first step
 * of the sampler (docs/sampling.md), for projecting to the room.
 */
final class SeedPages {
  private final WebContext web;

  SeedPages(WebContext web) {
    this.web = web;
  }

  void show(Context ctx) {
    render(ctx, null, "");
  }

  void set(Context ctx) {
    String auditId = ctx.pathParam("audit");
    String digits = StateUi.field(ctx, "seed");
    try {
      new RoundService(web.store(), AuditLoader.resolve(web.store(), auditId))
          .seed(digits, WebRequest.signedIn(ctx).actor());
    } catch (AuditFailure e) {
      ctx.status(StateUi.status(e));
      render(ctx, e.getMessage(), digits);
      return;
    }
    ctx.redirect(StateUi.auditUrl(auditId, "/seed?set=1"), HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, String error, String typed) {
    String auditId = ctx.pathParam("audit");
    AuditState state = StateUi.stateOr404(web.store(), ctx, auditId);
    if (state == null) {
      return;
    }
    StringBuilder b = new StringBuilder(StateUi.nav(auditId, "/seed"));
    b.append(StateUi.error(error));
    if (ctx.queryParam("set") != null) {
      b.append(StateUi.notice("Seed set. It never changes. Next: review the sample sizes."));
    }
    if (state.seed().isPresent()) {
      String seed = state.seed().get().digits();
      b.append("<p>The seed was set and never changes.</p><dl class=\"facts\"><dt>Seed</dt><dd>")
          .append("<code class=\"seed\">")
          .append(esc(seed))
          .append("</code></dd><dt>SHA-256 of the seed</dt><dd><code>")
          .append(esc(sha256(seed)))
          .append("</code></dd></dl>")
          .append("<p><a href=\"")
          .append(esc(StateUi.auditUrl(auditId, "/seed/display")))
          .append("\">Large-print display for the room</a></p>")
          .append("<p><a href=\"")
          .append(esc(StateUi.auditUrl(auditId, "/sample")))
          .append("\">Review the sample sizes</a></p>");
    } else if (state.stage() == AuditStage.DEFINED) {
      b.append("<p>The seed can be set only after the inputs are committed, so that no input can")
          .append(" be chosen knowing the sample. <a href=\"")
          .append(esc(StateUi.auditUrl(auditId, "/reconciliation")))
          .append("\">Review and commit the inputs</a>.</p>");
    }
    if (state.seed().isEmpty()) {
      b.append("<h2>Enter the seed</h2>")
          .append("<p id=\"seed-help\">Roll ten-sided dice in public and enter every digit, at")
          .append(" least ")
          .append(Seed.MIN_DIGITS)
          .append(" digits (0-9), without spaces. The seed is set once and can never be")
          .append(" changed.</p>")
          .append(StateUi.form(ctx, StateUi.auditUrl(auditId, "/seed")))
          .append("<p><label for=\"seed\">Seed digits</label> ")
          .append("<input type=\"text\" id=\"seed\" name=\"seed\" inputmode=\"numeric\"")
          .append(" autocomplete=\"off\" required aria-describedby=\"seed-help\" value=\"")
          .append(esc(typed))
          .append("\"></p><p><button type=\"submit\">Set the seed</button></p></form>");
    }
    Page.render(ctx, "Seed ceremony", b.toString());
  }

  /** The large-print page of the seed and its hash, without the page frame, for projecting. */
  void display(Context ctx) {
    String auditId = ctx.pathParam("audit");
    AuditState state = StateUi.stateOr404(web.store(), ctx, auditId);
    if (state == null) {
      return;
    }
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Seed of audit ")
        .append(esc(auditId))
        .append(" - RiskAudit</title>")
        .append("<link rel=\"stylesheet\" href=\"/static/app.css\">")
        .append("<link rel=\"stylesheet\" href=\"/state/display.css\"></head>")
        .append("<body class=\"display\"><main id=\"main\">");
    if (state.seed().isEmpty()) {
      b.append("<h1>Seed of audit ")
          .append(esc(auditId))
          .append("</h1><p class=\"big\">The seed has not been set yet.</p>");
    } else {
      String seed = state.seed().get().digits();
      b.append("<h1>Random seed of audit ")
          .append(esc(auditId))
          .append("</h1><p class=\"label\">Seed (")
          .append(seed.length())
          .append(" digits)</p><p class=\"big seed\" aria-label=\"Seed ")
          .append(esc(seed))
          .append("\">")
          .append(esc(group(seed, 5)))
          .append("</p><p class=\"label\">SHA-256 of the seed</p><p class=\"hash\">")
          .append(esc(group(sha256(seed), 8)))
          .append("</p><p class=\"label\">Anyone can recompute the sample from this seed and")
          .append(" the published record (docs/sampling.md).</p>");
    }
    b.append("<p class=\"back\"><a href=\"")
        .append(esc(StateUi.auditUrl(auditId, "/seed")))
        .append("\">Back to the seed ceremony</a></p></main></body></html>");
    ctx.contentType("text/html; charset=utf-8").result(b.toString());
  }

  static String sha256(String seed) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text in groups of {@code n} characters separated by spaces, for reading aloud. */
  static String group(String s, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i += n) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(s, i, Math.min(s.length(), i + n));
    }
    return b.toString();
  }
}
